// Package errverb has directives with unknown verbs.
package errverb

//gathergen:asink
func F() {}

//gathergen:gathr G F F

// G has a space after the slashes, which would otherwise make the directive
// an ordinary comment.
//
// gathergen:async
func G() {}

// A space after the colon (gofmt adds one after the slashes of such a line
// in a doc comment).

//gathergen: async

// A capitalised verb.

//gathergen:Async

// J has a trailing comment.
//
//gathergen:async as JAsync2 // not allowed
func J() {}
