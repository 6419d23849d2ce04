// Package errduplicate generates names twice.
package errduplicate

import "strconv"

var _ = strconv.Quote

// F and G ask for the same wrapper name.
//
//gathergen:async as X
func F() {}

// G is the second X.
//
//gathergen:async as X
func G() {}

// H has two directives.
//
//gathergen:async
//gathergen:async as H2
func H() {}

// T has two methods with the same wrapper name.
type T struct{}

// Split is a method whose results go in TSplitResult.
//
//gathergen:async
func (T) Split() (a, b int) { return 1, 2 }

// TSplit is a function whose results go in TSplitResult too.
//
//gathergen:async
func TSplit() (a, b int) { return 1, 2 }

// M1 is the first.
//
//gathergen:async as Do
func (T) M1() {}

// M2 is the second.
//
//gathergen:async as Do
func (*T) M2() {}

//gathergen:async strconv.Itoa

//gathergen:async strconv.Itoa as Itoa2

//gathergen:gather X F G

// Two packages' functions of one name: the message suggests as NAME.
//
//gathergen:async encoding/json.Marshal

//gathergen:async encoding/xml.Marshal

//gathergen:async (*encoding/json.Encoder).Encode

//gathergen:async (*encoding/xml.Encoder).Encode
