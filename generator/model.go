package generator

import (
	"go/token"
	"go/types"
)

// model is what one package's generated file holds, checked and resolved.
type model struct {
	pkg      *types.Package
	wrappers []*wrapper
	groups   []*group
	// activities and activityGroups go to the activity file (see
	// activity.go).
	activities     []*activity
	activityGroups []*activityGroup
	// constraint is the build constraint kept from the files that the
	// directives came from ("" for none).
	constraint string
	// reserved holds the package's top-level names, declared and generated.
	reserved map[string]bool
	// testNames holds the top-level names that the package's test files of
	// the same package declare, which the generated file's imports avoid.
	testNames map[string]bool
	// lens holds the length expressions of the package's array types.
	lens *lengths
}

// resultKind says how a function's results map onto its future's value.
type resultKind int

const (
	// resultValue is (T, error): Future[T].
	resultValue resultKind = iota
	// resultOnly is (T): Future[T], never failing.
	resultOnly
	// resultError is (error): Future[struct{}].
	resultError
	// resultNone is (): Future[struct{}], never failing.
	resultNone
	// resultStruct is several values, with or without a final error:
	// Future[<Name>Result].
	resultStruct
)

// wrapper is one async wrapper: NameAsync for a function, a method or a
// function of another package.
type wrapper struct {
	name string
	fn   *types.Func
	sig  *types.Signature
	// label names the function in TaskError: F, Type.Method or pkg.F.
	label string
	// recv is the receiver's type of a method, or nil.
	recv *types.TypeName
	// self is the receiver that a function wrapper of a method takes
	// after ctx (a method of another package's type, of an interface, or
	// promoted), or nil.
	self     *selfRecv
	external bool
	// target is the directive's spelling of what it wraps (encoding/xml.Marshal,
	// (*http.Client).Do), or "" for a function in whose doc comment it is.
	target string
	// takesCtx reports whether the first parameter is a context.Context.
	takesCtx bool
	kind     resultKind
	// lastErr reports whether the function returns an error last: error
	// itself, or a pointer or interface type that implements it.
	lastErr bool
	// concreteErr reports whether that error's type is not error
	// (*MyError): the wrapper compares it with nil before it converts it,
	// so that a nil *MyError does not become a non-nil error.
	concreteErr bool
	structName  string
	fields      []string
	pos         token.Pos
	// imports holds, by path, the packages that the code of the
	// signature names.
	imports map[string]*types.Package
}

// group is a gather directive: a helper that starts its elements and gathers
// them.
type group struct {
	name  string
	elems []*wrapper
	pos   token.Pos
}

// values returns the results that the future's value holds (all but a final
// error).
func (w *wrapper) values() []*types.Var {
	res := w.sig.Results()
	n := res.Len()
	if w.lastErr {
		n--
	}
	vars := make([]*types.Var, n)
	for i := range vars {
		vars[i] = res.At(i)
	}
	return vars
}
