//go:build go1.18

package platforms

// Old's constraint always holds in a go 1.26 module: it is none.
//
//gathergen:async
func Old() int { return 1 }
