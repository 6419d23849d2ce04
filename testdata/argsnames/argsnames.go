// Package argsnames checks the names of the args structs that carry several
// values to a task: each gives way, with a number, to a name that is
// declared, imported, generated, declared by the package's tests or a
// parameter of its wrapper, and declares only the type parameters that its
// fields need.
package argsnames

import (
	"context"
	"strconv"
	fetchArgs "strings" // an import named as Fetch's args struct would be
)

// Client has a method whose args struct would be clientFetchArgs.
type Client struct{ prefix string }

// clientFetchArgs is declared here: Client.Fetch's args struct takes the
// next name.
type clientFetchArgs struct{}

// Fetch is a method with a parameter.
//
//gathergen:async
func (c *Client) Fetch(ctx context.Context, id int) (string, error) {
	return c.prefix + strconv.Itoa(id), ctx.Err()
}

// ClientFetch's args struct would be clientFetchArgs too, which
// Client.Fetch's took; its parameter a makes the task's a1.
//
//gathergen:async
func ClientFetch(a, b int) int { return a + b }

// Fetch's args struct would be fetchArgs, an import's name.
//
//gathergen:async
func Fetch(x, y string) string { return fetchArgs.ToUpper(x + y) }

// Join has a parameter named as its args struct would be.
//
//gathergen:async
func Join(joinArgs, sep string) string { return joinArgs + sep }

// Local's args struct would be localArgs, which run_test.go declares.
//
//gathergen:async
func Local(a, b int) int { return a * b }

// Convert's args struct needs S and, through S's constraint, E, not T.
//
//gathergen:async
func Convert[T any, S ~[]E, E any](s S, n int) []T { return make([]T, len(s)+n) }

// Pick's args struct needs no type parameter.
//
//gathergen:async
func Pick[T any](n, m int) T {
	var zero T
	return zero
}

// Ptr's args struct has a lone type parameter whose constraint starts with a
// pointer.
//
//gathergen:async
func Ptr[P *int | *int64](p P, n int) P { return p }

//gathergen:gather Both Client.Fetch ClientFetch
