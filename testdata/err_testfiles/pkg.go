// Package errtestfiles generates names that its own test files declare: go
// test compiles those files with the generated one.
package errtestfiles

import (
	"context"

	rt "github.com/gathergen/gathergen/runtime"
)

var _ = rt.Go[int]

// T has methods wrapped as GetAsync, which a test file declares too, and
// PutAsync, which no test file of this package declares.
type T struct{}

// Get is wrapped as T.GetAsync.
//
//gathergen:async
func (T) Get(ctx context.Context) (int, error) { return 1, nil }

// Put is wrapped as T.PutAsync.
//
//gathergen:async
func (*T) Put(ctx context.Context) error { return nil }

// F is wrapped as FAsync, a function of a test file.
//
//gathergen:async
func F(ctx context.Context) error { return nil }

// Split returns two results into SplitResult, a type of a test file.
//
//gathergen:async
func Split() (a, b int) { return 1, 2 }

// Load gathers F and Split under a name that a test file's variable takes.
//
//gathergen:gather Load F Split

// Named is wrapped as strings: a test file imports "strings".
//
//gathergen:async as strings
func Named() {}

// Renamed is wrapped as fmtx: a test file imports "fmt" under that name.
//
//gathergen:async as fmtx
func Renamed() {}

// Versioned is wrapped as rand: a test file imports "math/rand/v2".
//
//gathergen:async as rand
func Versioned() {}

// Limit is wrapped as LimitAsync, a constant of a test file.
//
//gathergen:async
func Limit() {}

// Ignored is wrapped as IgnoredAsync, which only a file that the build
// leaves out declares.
//
//gathergen:async
func Ignored() {}

// External is wrapped as ExternalAsync, which only the external test
// package declares.
//
//gathergen:async
func External() {}

// Runtime is wrapped as runtime: a test file imports gathergen's runtime,
// which this file imports as rt, without a name.
//
//gathergen:async as runtime
func Runtime() {}

// Unknown is wrapped as yaml: a test file imports a package whose name is
// not known without loading it, so it is not guessed from its path.
//
//gathergen:async as yaml
func Unknown() {}

// Dotted is wrapped as Background, which a test file's dot import of
// "context" brings in.
//
//gathergen:async as Background
func Dotted() {}
