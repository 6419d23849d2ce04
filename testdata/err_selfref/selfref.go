// Package errselfref wraps functions whose signatures use a type that
// gathergen itself generates, which the load never sees.
package errselfref

// Split's results go in SplitResult.
//
//gathergen:async
func Split() (a, b int) { return 1, 2 }

// Sum is a method of the generated struct.
//
//gathergen:async
func (r *SplitResult) Sum() int { return r.A + r.B }

// Total takes the generated struct.
//
//gathergen:async
func Total(r SplitResult) int { return r.A + r.B }

// Diff is a method of the generated struct without a directive: fine.
func (r SplitResult) Diff() int { return r.A - r.B }

// Holder is a type of this package.
type Holder struct{}

// Add is a method of Holder that takes the generated struct.
//
//gathergen:async
func (Holder) Add(r SplitResult) int { return r.A + r.B }

// A group of functions whose wrappers have problems reports nothing more:
// named alone (Total, Sum) or as Type.Method (Holder.Add).
//
//gathergen:gather G Total Sum Split Holder.Add
