// Package errblankline has async directives that a blank line separates
// from their functions.
package errblankline

//gathergen:async

func F() int { return 1 }

//gathergen:async

// G has a doc comment of its own, below the blank line.
func G() int { return 2 }

//gathergen:async

var x = 1

// H is not right below the directive: a comment of another kind is.
//
//gathergen:async as HAsync

// a free-standing comment

func H() int { return x }
