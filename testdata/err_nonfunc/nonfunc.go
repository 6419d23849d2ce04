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

// A is async.
//
//gathergen:async
func A() {}

// B is async.
//
//gathergen:async
func B() {}

// I is an interface.
type I interface {
	// M is an interface method: its directive belongs at package level.
	//
	//gathergen:async
	M() int
}

// S is a struct.
type S struct {
	//gathergen:gather InStruct A B
	N int
}

// H is a function literal at package level.
var H = func() {
	//gathergen:gather InLiteral A B
}

// A blank function cannot be called.
//
//gathergen:async
func _() {}

// A blank method cannot be called either.
//
//gathergen:async
func (S) _() {}
