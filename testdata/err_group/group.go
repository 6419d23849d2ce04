// Package errgroup has groups whose elements cannot be resolved.
package errgroup

import "strconv"

// A is async.
//
//gathergen:async as Alpha
func A() {}

// B is not async.
func B() {}

// T has methods.
type T struct{ Field int }

// U has methods too.
type U struct{}

// M is async on T.
//
//gathergen:async
func (T) M() {}

// M is async on U.
//
//gathergen:async
func (*U) M() {}

// N is not async.
func (T) N() {}

//gathergen:async strconv.Itoa

var _ = strconv.Quote

//gathergen:gather G1 A B

//gathergen:gather G2 A Alpha

//gathergen:gather G3 A M

//gathergen:gather G4 A T.N

//gathergen:gather G5 A T.Missing

//gathergen:gather G6 A strconv.Quote

//gathergen:gather G7 A strconv.Missing

//gathergen:gather G8 A nowhere.F

//gathergen:gather G9 A Nothing

//gathergen:gather G10 A T.M U.M strconv.Itoa

//gathergen:gather G11 A (*U).M

//gathergen:gather G12 A rand.Int

//gathergen:gather G13 A io.Reader.Nope

//gathergen:gather G14 A (*net/http.Client).Do

//gathergen:gather G15 A errors.Join
