//go:build go1.22

package always

// B is in a file with a constraint.
//
//gathergen:async
func B() {}
