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

// T has an async method.
type T struct{}

// M is async.
//
//gathergen:async
func (T) M(ctx context.Context) error { return nil }

// UseM calls the method's wrapper before it exists: not an error for
// gathergen.
func UseM(ctx context.Context, t T) error {
	_, err := t.MAsync(ctx).Await(ctx)
	return err
}

//gathergen:gather Both F T.M

// Hold declares a variable named like the group and never uses it: an
// error, although the message names what gathergen generates.
func Hold() {
	Both := 1
}
