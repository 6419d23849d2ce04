// Package errargs has directives with malformed arguments.
package errargs

//gathergen:async as
func A() {}

//gathergen:async as B C
func B() {}

//gathergen:async as 1x
func C() {}

//gathergen:async as init
func D() {}

//gathergen:async as _
func E() {}

//gathergen:async foo

//gathergen:async strconv.Atoi to X

//gathergen:async strconv.

//gathergen:async "strconv.Atoi

//gathergen:gather

//gathergen:gather G

//gathergen:gather G A

//gathergen:gather G A B C D E A B C D E

//gathergen:gather G A b.c.

//gathergen:gather 9 A B

//gathergen:gather -fast G A B

//gathergen:gather -scoped
