// Package basic is the shop of the design: functions, methods, an external
// function, every shape of results and a group.
package basic

import (
	"context"
	"errors"
	"strconv"
)

// User is a customer.
type User struct{ ID int }

// Order is a purchase.
type Order struct{ Item string }

// Client reaches the order service.
type Client struct{ prefix string }

// ErrNotFound is returned for unknown users.
var ErrNotFound = errors.New("not found")

// FetchUser returns the user with the given id.
//
//gathergen:async
func FetchUser(ctx context.Context, id int) (User, error) {
	if id < 0 {
		return User{}, ErrNotFound
	}
	return User{ID: id}, ctx.Err()
}

// FetchOrders returns the orders of a user.
//
//gathergen:async
func (c *Client) FetchOrders(ctx context.Context, id int) ([]Order, error) {
	return []Order{{Item: c.prefix + strconv.Itoa(id)}}, nil
}

// Double has no context and cannot fail.
//
//gathergen:async as Twice
func Double(n int) int { return 2 * n }

// Store fails or not.
//
//gathergen:async
func Store(fail bool) error {
	if fail {
		return ErrNotFound
	}
	return nil
}

// Touch returns nothing.
//
//gathergen:async
func Touch() {}

// Split returns two named results and an error.
//
//gathergen:async
func Split(s string) (head, tail string, err error) {
	if s == "" {
		return "", "", ErrNotFound
	}
	return s[:1], s[1:], nil
}

// Pair returns two unnamed results.
//
//gathergen:async
func Pair(n int) (int, string) { return n, strconv.Itoa(n) }

//gathergen:async strconv.Atoi as ParseIntAsync

//gathergen:gather LoadPage FetchUser FetchOrders

//gathergen:gather Mixed Client.FetchOrders Double Store Touch Split Pair strconv.Atoi

// Shop is an alias of Client: a group may name Client's methods through it.
type Shop = Client

//gathergen:gather ShopPage Shop.FetchOrders FetchUser
