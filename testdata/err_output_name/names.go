// Package erroutputname holds earlier output of gathergen under another
// name than the output's (written with another -output).
package erroutputname

// F is async.
//
//gathergen:async
func F() {}
