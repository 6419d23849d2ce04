// Package params wraps functions whose parameters are named like the
// packages that generated code imports, unnamed or blank, and of every kind
// of type.
package params

import (
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"unsafe"
)

// Shadow names its parameters after imports and generated locals.
//
//gathergen:async
func Shadow(runtime int, context string, ctx, err bool, r0 int) (string, error) {
	if err {
		return "", errors.New(context)
	}
	if ctx {
		return strings.Repeat(context, runtime+r0), nil
	}
	return context, nil
}

// Unnamed has unnamed parameters.
//
//gathergen:async
func Unnamed(int, string) int { return 1 }

// Blank has blank parameters and a blank context.
//
//gathergen:async
func Blank(_ context.Context, _ int, n int, _ string) int { return n }

// Variadic joins its words.
//
//gathergen:async
func Variadic(sep string, words ...string) string { return strings.Join(words, sep) }

// Channels takes channels of every direction.
//
//gathergen:async
func Channels(in <-chan int, out chan<- int, both chan int, nested chan (<-chan int), sendOfRecv chan<- <-chan int) int {
	v := <-in
	out <- v
	return v + <-both + cap(nested) + cap(sendOfRecv)
}

// Funcs takes functions.
//
//gathergen:async
func Funcs(f func(int) (int, error), g func(...string) string, h func(context.Context) <-chan func()) (int, error) {
	n, err := f(len(g("a", "b")))
	h(nil)
	return n, err
}

// Composite takes arrays, maps, pointers and struct and interface literals.
//
//gathergen:async
func Composite(a [3]int, m map[string][]*int, p **[2]string, s struct {
	io.Reader
	*strings.Builder
	N int `json:"n"`
}, i interface {
	io.Writer
	Close() error
}) int {
	return a[0] + len(m) + len((*p)[1]) + s.N
}

// Base is embedded.
type Base struct{ ID int }

// Name returns a name.
func (b Base) Name() string { return "base" }

// Derived embeds Base.
type Derived struct {
	Base
	Label string
}

// Describe is a method of a type with an embedded struct.
//
//gathergen:async
func (d Derived) Describe(ctx context.Context) (string, error) {
	return d.Label + d.Name(), nil
}

// Pointer takes an unsafe.Pointer and a struct whose tag needs quotes.
//
//gathergen:async
func Pointer(p unsafe.Pointer, s struct {
	X int "tag:\"a`b\""
}) bool {
	return p != nil && s.X == 0
}

// Err returns an error and is named like a generated local.
//
//gathergen:async
func Err(err error) error { return err }

//gathergen:gather Everything Shadow Unnamed Blank Variadic Derived.Describe Err

// Width is the length of arrays below.
const Width = 2 + 1

// Arrays takes arrays whose lengths are constant expressions: the wrapper
// spells them as the source does, so that a constant whose value depends
// on the build configuration keeps working.
//
//gathergen:async
func Arrays(a [Width]int, b [Width * (2 - 1)]string, c [len("ab")]byte, d [strconv.IntSize / 64]bool, e [2]map[[Width]int]int) [Width]int {
	return [Width]int{len(b), len(c), len(d) + len(e)}
}
