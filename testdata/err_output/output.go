// Package erroutput has a hand-written file where the output would go.
package erroutput

// F is async.
//
//gathergen:async
func F() {}
