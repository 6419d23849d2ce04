//go:build go1.22 && !gathergen_never

// Package buildtags keeps the build constraint of the file its directives
// come from.
package buildtags

// Answer is only built where the constraint holds.
//
//gathergen:async
func Answer() int { return answer }

//gathergen:async
func Question(s string) (string, error) { return s + "?", nil }

//gathergen:gather Both Answer Question
