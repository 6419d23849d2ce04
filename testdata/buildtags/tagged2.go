//go:build !gathergen_never && go1.22

package buildtags

// Echo is in a second file whose constraint is the first one's, written
// the other way round.
//
//gathergen:async
func Echo(s string) string { return s }
