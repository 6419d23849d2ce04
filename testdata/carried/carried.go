// Package carried checks how wrappers hand the values they carry to their
// tasks: a function whose type is the task's is passed as it is (GoNamed,
// GoWith, GoWith2..GoWith9), anything else through a function literal that
// takes the values as parameters, and more than nine values through a
// closure that captures them.
package carried

import (
	"context"
	"strconv"
)

// Now takes only a context: GoNamed(ctx, "Now", Now).
//
//gathergen:async
func Now(ctx context.Context) (int, error) { return 1, ctx.Err() }

// Itoa takes one value: GoWith(ctx, "Itoa", n, Itoa).
//
//gathergen:async
func Itoa(ctx context.Context, n int) (string, error) { return strconv.Itoa(n), ctx.Err() }

// Echo has a parameter named as the function: the wrapper renames it, so
// that the function stays in sight.
//
//gathergen:async
func Echo(ctx context.Context, Echo int) (int, error) { return Echo, ctx.Err() }

// Nine takes nine values: the widest that GoWith9 passes as they are.
//
//gathergen:async
func Nine(ctx context.Context, a, b, c, d, e, f, g, h, i int) (int, error) {
	return a + b + c + d + e + f + g + h + i, ctx.Err()
}

// Ten takes ten values: a closure captures them.
//
//gathergen:async
func Ten(ctx context.Context, a, b, c, d, e, f, g, h, i, j int) (int, error) {
	return a + b + c + d + e + f + g + h + i + j, ctx.Err()
}

// Sum is variadic: its type is not the task's, a literal spreads the slice.
//
//gathergen:async
func Sum(ctx context.Context, xs ...int) (int, error) {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total, ctx.Err()
}

// First is generic: a literal instantiates it.
//
//gathergen:async
func First[T any](ctx context.Context, xs []T) (T, error) {
	var zero T
	if len(xs) == 0 {
		return zero, ctx.Err()
	}
	return xs[0], ctx.Err()
}

// Counter has methods.
type Counter struct{ base int }

// Add is a method: a literal takes the receiver and the parameter.
//
//gathergen:async
func (c *Counter) Add(ctx context.Context, n int) (int, error) { return c.base + n, ctx.Err() }

// Wide is a method of nine values with the receiver: one too many for
// GoWith9, so a closure captures them.
//
//gathergen:async
func (c Counter) Wide(ctx context.Context, a, b, c2, d, e, f, g, h, i int) (int, error) {
	return c.base + a + b + c2 + d + e + f + g + h + i, ctx.Err()
}

//gathergen:gather Pair Itoa Counter.Add
