// Package goname holds the rules of Go's names that several stages share:
// a Scope that hands out names that clash with nothing already taken,
// the predeclared identifiers, exported and unexported spellings
// (UpperFirst, LowerFirst, with initialisms), which import paths are the
// standard library's and which a package may import (internal/).
package goname
