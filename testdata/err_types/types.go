// Package errtypes has type errors; uses of names that gathergen generates
// are not among them.
package errtypes

import "context"

// F is async.
//
//gathergen:async
func F(ctx context.Context) (int, error) { return 1, nil }

// Use calls the wrapper before it exists: not an error for gathergen.
func Use(ctx context.Context) *int {
	v, _ := FAsync(ctx).Await(ctx)
	return &v
}

var x int = "not an int"

// G returns an undefined type.
func G() Undefined { return nil }
