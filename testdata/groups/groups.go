// Package groups shows how group helpers take their parameters: shared
// where names and types agree, and as methods where the elements' methods
// are all of one type.
package groups

import (
	"context"
	"strconv"
)

// User, Order and Rec are what the client loads.
type (
	User  struct{ ID int }
	Order struct{ ID, N int }
	Rec   struct{ Limit int }
)

// Client calls a backend.
type Client struct{ base int }

// User loads a user.
//
//gathergen:async
func (c *Client) User(ctx context.Context, id int) (User, error) { return User{ID: c.base + id}, nil }

// Orders loads a user's orders.
//
//gathergen:async
func (c *Client) Orders(ctx context.Context, id int, limit int) ([]Order, error) {
	return []Order{{ID: id, N: limit}}, nil
}

// Recommendations loads recommendations.
//
//gathergen:async
func (c *Client) Recommendations(ctx context.Context, id int, limit int) ([]Rec, error) {
	return []Rec{{Limit: limit}}, nil
}

// ReadNumbers is a function, not a method.
//
//gathergen:async
func ReadNumbers(ctx context.Context, path string) ([]int, error) {
	n, err := strconv.Atoi(path)
	return []int{n}, err
}

// The example: one id, one limit, one path, and a method of Client.
//
//gathergen:gather LoadDashboard Client.User Client.Orders Client.Recommendations ReadNumbers

// Label has a value receiver.
type Label string

// Name uses a value receiver.
//
//gathergen:async
func (l Label) Name(id int) string { return string(l) + strconv.Itoa(id) }

// Size uses a value receiver too.
//
//gathergen:async
func (l Label) Size() int { return len(l) }

// Value receivers only: the helper's receiver is a value too.
//
//gathergen:gather Describe Label.Name Label.Size

// Count takes an id of another type: the ids stay apart.
//
//gathergen:async
func Count(id string) int { return len(id) }

// Of two types: the helper is a function, whose receivers are parameters.
//
//gathergen:gather Mixed Client.User Label.Name Count

// Pad and Trim take unnamed parameters, which are never shared.
//
//gathergen:async
func Pad(string, int) string { return "" }

//gathergen:async
func Trim(string, int) string { return "" }

//gathergen:gather Edit Pad Trim

// Sum is variadic: as the last element, it keeps its ... where its
// parameter comes last.
//
//gathergen:async
func Sum(base int, ns ...int) int {
	for _, n := range ns {
		base += n
	}
	return base
}

//gathergen:gather Total Count Sum

// Box is generic: a group of its methods is a function.
type Box[T any] struct{ v T }

// Get returns the boxed value.
//
//gathergen:async
func (b *Box[T]) Get() T { return b.v }

//gathergen:gather Unbox Box.Get Count
