// Package hidden has functions whose signatures other packages cannot write.
package hidden

import "github.com/gathergen/gathergen/testdata/err_external/hidden/internal/deep"

type secret int

// Make returns an unexported type.
func Make() secret { return 1 }

// Take takes a struct with an unexported field.
func Take(struct{ n int }) {}

// unexported cannot be named from outside.
func unexported() {}

var _ = unexported

// Deep returns a type of an internal package.
func Deep() deep.Token { return deep.Token{} }

// picker is a constraint with an unexported method: no code outside this
// package can spell it.
type picker interface {
	~int
	pick()
}

// Pick has a constraint that only this package can write.
func Pick[T picker](v T) T { return v }

// small is an unexported constraint whose type set names an unexported type.
type small interface{ ~int8 | secret }

// Shrink has a constraint that names an unexported type.
func Shrink[T small](v T) T { return v }

// Handle is an exported type.
type Handle struct{ Name string }

// Close has a pointer receiver.
func (*Handle) Close() error { return nil }

// Kind has a value receiver.
func (Handle) Kind() string { return "handle" }

// peek is not exported.
func (Handle) peek() {}

var _ = Handle{}.peek
