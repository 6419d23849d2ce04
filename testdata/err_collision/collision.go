// Package errcollision declares what gathergen would generate.
package errcollision

import (
	"strings"
	. "unicode/utf8"
)

var (
	_ = strings.ToUpper
	_ = RuneLen
)

// F is wrapped as FAsync, which exists.
//
//gathergen:async
func F() {}

// FAsync is hand-written.
func FAsync() {}

// Split returns two results into SplitResult, which exists.
//
//gathergen:async
func Split() (a, b int) { return 1, 2 }

// SplitResult is hand-written.
type SplitResult struct{}

// T has a field and a method named like wrappers.
type T struct {
	GetAsync int
}

// Get is wrapped as GetAsync, a field of T.
//
//gathergen:async
func (T) Get() {}

// Put is wrapped as PutAsync, a method of T.
//
//gathergen:async
func (*T) Put() {}

// PutAsync is hand-written.
func (T) PutAsync() {}

// Load is a group's name.
var Load = 1

//gathergen:gather Load F Split

// Imp's wrapper would collide with the import of strings.
//
//gathergen:async as strings
func Imp() {}

// Pre's wrapper would shadow the predeclared string.
//
//gathergen:async as string
func Pre() {}

// Dot's wrapper would collide with a name that a dot import brings in.
//
//gathergen:async as RuneError
func Dot() {}

// Builtin's wrapper would shadow the predeclared len.
//
//gathergen:async as len
func Builtin() {}

//gathergen:gather error Imp Pre

// Inner has a method and a field named like wrappers of Outer's methods.
type Inner struct {
	LoadAsync int
}

// SaveAsync is hand-written.
func (Inner) SaveAsync() {}

// Outer embeds Inner: its wrappers would shadow what Inner promotes.
type Outer struct{ Inner }

// Save is wrapped as SaveAsync, which Inner promotes to Outer.
//
//gathergen:async
func (Outer) Save() {}

// Load is wrapped as LoadAsync, a field that Inner promotes to Outer.
//
//gathergen:async
func (*Outer) Load() {}
