// Package errshadow declares its own error type, which hides the
// predeclared error that every generated wrapper names.
package errshadow

import "context"

type error interface {
	Error() string
	X()
}

// Load returns the package's own error.
//
//gathergen:async
func Load(ctx context.Context) (int, error) { return 1, nil }

//gathergen:async
func Other() int { return 2 }
