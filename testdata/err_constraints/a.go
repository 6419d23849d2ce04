// Package errconstraints has directives in files with different build
// constraints.
package errconstraints

// A is in a file without constraint.
//
//gathergen:async
func A() {}
