// Package hidden has functions whose signatures other packages cannot write.
package hidden

type secret int

// Make returns an unexported type.
func Make() secret { return 1 }

// Take takes a struct with an unexported field.
func Take(struct{ n int }) {}

// unexported cannot be named from outside.
func unexported() {}

var _ = unexported
