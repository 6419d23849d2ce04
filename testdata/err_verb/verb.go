// Package errverb has directives with unknown verbs.
package errverb

//gathergen:asink
func F() {}

//gathergen:gathr G F F
