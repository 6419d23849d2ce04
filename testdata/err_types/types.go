// Package errtypes has type errors; uses of names that gathergen generates
// are not among them, and neither are errors inside function bodies, which
// gathergen does not check (the compiler reports them).
package errtypes

import (
	"context"
	"strings"
)

// F is async.
//
//gathergen:async
func F(ctx context.Context) (int, error) { return 1, nil }

// Use calls the wrapper before it exists, in a function body: not checked.
func Use(ctx context.Context) *int {
	v, _ := FAsync(ctx).Await(ctx)
	return &v
}

// useF names the wrapper before it exists, in a package-level initializer:
// checked, and not an error for gathergen.
var useF = FAsync

var x int = "not an int"

// G returns an undefined type.
func G() Undefined { return nil }

// T has an async method.
type T struct{}

// M is async.
//
//gathergen:async
func (T) M(ctx context.Context) error { return nil }

// useM names the method's wrapper before it exists: not an error for
// gathergen.
var useM = T{}.MAsync

//gathergen:gather Both F T.M

// hold declares a variable named like the group and never uses it, in a
// function literal of a package-level initializer: an error, although the
// message names what gathergen generates.
var hold = func() {
	Both := 1
}

// Body has a type error in its body, and the only use of an import: neither
// is reported, since bodies are not checked.
func Body() int {
	return strings.ToUpper("not an int")
}
