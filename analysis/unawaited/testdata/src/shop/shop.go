// Package shop looks like a package after go generate: functions marked async
// and the wrappers that gathergen writes for them.
package shop

import (
	"context"

	"github.com/gathergen/gathergen/runtime"
)

// User is a user.
type User struct{ Name string }

// Order is an order.
type Order struct{ ID int }

// Client fetches orders.
type Client struct{}

// FetchUser is marked //gathergen:async.
func FetchUser(ctx context.Context, id int) (User, error) { return User{}, nil }

// FetchOrders is marked //gathergen:async.
func (c *Client) FetchOrders(ctx context.Context, id int) ([]Order, error) { return nil, nil }

// FetchUserAsync is what the generator writes.
func FetchUserAsync(ctx context.Context, id int) *runtime.Future[User] {
	return runtime.GoNamed(ctx, "FetchUser", func(ctx context.Context) (User, error) {
		return FetchUser(ctx, id)
	})
}

// FetchOrdersAsync is what the generator writes.
func (c *Client) FetchOrdersAsync(ctx context.Context, id int) *runtime.Future[[]Order] {
	return runtime.GoNamed(ctx, "Client.FetchOrders", func(ctx context.Context) ([]Order, error) {
		return c.FetchOrders(ctx, id)
	})
}

// Pair returns a future and an error.
func Pair(ctx context.Context) (*runtime.Future[int], error) {
	return runtime.Resolved(1), nil
}

// Two returns two futures.
func Two(ctx context.Context) (*runtime.Future[int], *runtime.Future[string]) {
	return runtime.Resolved(1), runtime.Resolved("one")
}

// Fetcher hides how futures are made.
type Fetcher interface {
	FetchAsync(ctx context.Context) *runtime.Future[int]
}

// UserFuture is a defined pointer type whose underlying type is a future.
type UserFuture *runtime.Future[User]

// Shared is an alias of a future type.
type Shared = *runtime.Future[int]

// StartShared returns a future through the alias.
func StartShared(ctx context.Context) Shared { return runtime.Resolved(2) }

// StartDefined returns a future through the defined pointer type.
func StartDefined(ctx context.Context) UserFuture { return FetchUserAsync(ctx, 1) }
