// Package errexternal wraps external functions that cannot be wrapped.
package errexternal

import (
	"strconv"

	"github.com/gathergen/gathergen/testdata/err_external/hidden"
)

var _ = strconv.Itoa

var _ = hidden.Make

//gathergen:async strconv.Atoix

//gathergen:async strconv.IntSize

//gathergen:async strconv.NumError

//gathergen:async nosuchpkg.Getwd

//gathergen:async net/nosuch.Get

//gathergen:async internal/poll.IsPollDescriptor

//gathergen:async github.com/gathergen/gathergen/testdata/err_external.Local

//gathergen:async rand.Int

//gathergen:async (*rand.Rand).Int

//gathergen:async hidden.Make

//gathergen:async hidden.Take

//gathergen:async hidden.unexported

//gathergen:async hidden.Handle.Close

//gathergen:async (*hidden.Handle).Nope

//gathergen:async hidden.Handle.Name

//gathergen:async hidden.Handle.peek

//gathergen:async hidden.secret.String

//gathergen:async (*hidden.Handle[T]).Close

//gathergen:async (*atomic.Pointer[T,U]).Load

//gathergen:async (*atomic.Pointer[int]).Load

//gathergen:async (*atomic.Pointer[*T]).Load

//gathergen:async (*io.Reader).Read

//gathergen:async hidden.Pick

//gathergen:async hidden.Shrink

//gathergen:async (*Local).Method

// Local has a method.
type Local struct{}

// Method is a method of this package.
func (*Local) Method() {}

//gathergen:async Local.Method

//gathergen:async hidden.Deep

//gathergen:async strconv.Quote

// A group of a function whose wrapper has a problem reports that problem
// once, at the wrapper's directive, not again as a missing directive.
//
//gathergen:gather Both hidden.Make strconv.Quote

// A method of another package's type needs its directive too.
//
//gathergen:gather Two (*hidden.Handle).Close hidden.Handle.Kind

type closerA struct{}

func (closerA) Close() error { return nil }

type closerB struct{}

func (closerB) Close() error { return nil }

// Twice promotes two methods Close, which the compiler refuses to choose
// between.
type Twice struct {
	closerA
	closerB
}

//gathergen:async Twice.Close
