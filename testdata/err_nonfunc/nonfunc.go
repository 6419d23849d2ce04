// Package errnonfunc has directives on things that are not functions.
package errnonfunc

// T is a type.
//
//gathergen:async
type T int

// V is a variable.
//
//gathergen:async
var V = 1

const (
	// C is a constant in a group.
	//
	//gathergen:async
	C = 2
)

//gathergen:async

// F has a directive in its body and one after it.
func F() {
	//gathergen:async
	_ = 0
} //gathergen:async

// G has a directive inside its body at package level form.
func G() {
	//gathergen:gather X F G
}

// init cannot be wrapped.
//
//gathergen:async
func init() {}
