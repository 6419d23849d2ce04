// Package always has directives in a file without constraint and in one
// whose constraint always holds for the module's Go version (go1.22 in a
// go 1.26 module): one output, without constraint.
package always

// A is in a file without constraint.
//
//gathergen:async
func A() {}
