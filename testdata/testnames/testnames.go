// Package testnames has test files that declare context and runtime at
// package level: go test compiles them with the generated file, which must
// import its packages under other names. The names of its locals need not
// avoid those of the test files.
package testnames

// Count takes no context, so that no file of the package imports one.
//
//gathergen:async
func Count(n int) int { return n }
