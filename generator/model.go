package generator

import (
	"go/token"
	"go/types"
)

// model is what one package's generated file holds, checked and resolved;
// as an analyzer returns it, what the directives of one configuration ask
// for, each wrapper and group with its own constraint, which planFiles
// splits into one model per output file.
type model struct {
	pkg      *types.Package
	wrappers []*wrapper
	groups   []*group
	// activities and activityGroups go to the activity file (see
	// activity.go).
	activities     []*activity
	activityGroups []*activityGroup
	// constraint is the build constraint that the file keeps ("" for
	// none).
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
	unit
}

// unit is what a wrapper or a group carries from the analysis of its
// configuration to the file it goes to.
type unit struct {
	// constraint is the build constraint under which the declaration
	// builds: that of the directive's file (and, for a group, those of its
	// elements), "" for none.
	constraint string
	// owned reports whether the declaration is its analyzer's to write:
	// another analyzer writes what comes from the files it owns.
	owned bool
	// pkg and lens are the package and the array lengths of the load that
	// checked the declaration, which the code that names its types uses.
	pkg  *types.Package
	lens *lengths
}

// group is a gather directive: a helper that starts its elements and gathers
// them.
type group struct {
	name  string
	elems []*wrapper
	pos   token.Pos
	// recv is the type whose method the helper is, when the elements'
	// methods are all of that one type (see methodOf); nil otherwise.
	recv *types.TypeName
	// ptr reports whether the helper's receiver is a pointer: some
	// element's is.
	ptr bool
	// key is the directive's position, the same in every load.
	key string
	unit
}

// recvName names a method group's receiver as its first method does.
func (g *group) recvName() string {
	for _, w := range g.elems {
		if w.recv != nil {
			return baseName(w.sig.Recv().Name(), "recv")
		}
	}
	return "recv"
}

// recvType is the type of a method group's receiver: T or *T.
func (g *group) recvType() types.Type {
	if g.ptr {
		return types.NewPointer(g.recv.Type())
	}
	return g.recv.Type()
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
