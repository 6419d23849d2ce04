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
