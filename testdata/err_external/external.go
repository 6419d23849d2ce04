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

//gathergen:async os.Getwd

//gathergen:async hidden.Make

//gathergen:async hidden.Take

//gathergen:async hidden.unexported

//gathergen:async (*strconv.NumError).Error

//gathergen:async strconv.NumError.Unwrap as UnwrapAsync

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
