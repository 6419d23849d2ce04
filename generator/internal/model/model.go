package model

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Activity is one //gathergen:activity: the function, resolved as an async
// wrapper would be (wrapper.name is the stub's name), and its names.
type Activity struct {
	*Wrapper
	// Registered is the name the activity is registered under.
	Registered string
	// ConstName is the constant that holds registered.
	ConstName string
	// Local reports a local activity, whose stub runs it with
	// workflow.ExecuteLocalActivity.
	Local bool
	// Map is the activity's Map (//gathergen:activity map), or nil.
	Map *ActivityMap
	// Key is the directive's position, the same in every load.
	Key string
}

// ActivityMap is the Map of an activity: a function that runs the activity
// once per element of a slice, in child workflows, through a
// gtemporal.Mapper that a package-level variable holds.
type ActivityMap struct {
	// Name is the function, and the name under which the Mapper registers
	// its child workflow.
	Name string
	// ConstName is the constant that holds name.
	ConstName string
	// Mapper is the variable that holds the gtemporal.Mapper. The element's
	// type is that of the activity's one parameter besides its context.
	Mapper string
}

// Workflow is one //gathergen:workflow: the workflow function, resolved as
// an async wrapper would be, its leading workflow.Context counting as the
// context (wrapper.name is the child stub's name), and its names.
type Workflow struct {
	*Wrapper
	// Registered is the name the workflow is registered under.
	Registered string
	// ConstName is the constant that holds registered.
	ConstName string
	// StartName is the typed start of the workflow from a client.
	StartName string
	// Key is the directive's position, the same in every load.
	Key string
}

// ActivityGroup is a gather directive whose elements are activities: a
// workflow-side helper that starts them and gathers their results.
type ActivityGroup struct {
	Name  string
	Elems []*Activity
	Pos   token.Pos
	// Scoped reports the option -scoped: the gather runs in a
	// gtemporal.Scope.
	Scoped bool
	// Key is the directive's position, the same in every load.
	Key string
	Unit
}

// Lengths holds the length expressions of the package's array types, so
// that generated code spells [N]int as the source does rather than [3]int:
// a constant whose value depends on the build configuration (declared in
// files for each GOARCH, say) then keeps working in every configuration.
type Lengths struct {
	Info  *types.Info
	Exprs map[*types.Array]ast.Expr
}

// Indexed is a parameter and its index in the signature.
type Indexed struct {
	V     *types.Var
	Index int
}

// SelfRecv is the receiver that the wrapper of a method takes right after
// ctx when the wrapper is a function: a method of another package's type,
// of an interface (whose methods cannot be added to), or promoted to this
// package's type from an embedded field. Methods declared on this
// package's own types get method wrappers instead (wrapper.recv).
type SelfRecv struct {
	// Obj is the defined type that the directive names, through an
	// alias.
	Obj *types.TypeName
	// Typ is the receiver's type: the defined type, instantiated with
	// tparams when it is generic, or a pointer to it.
	Typ types.Type
	// Tparams are the type's parameters as the method's signature names
	// them; the wrapper declares them as its own.
	Tparams []*types.TypeParam
	// Names are the names that the directive gives them ([K,V]), or nil.
	Names []string
}

// Model is what one package's generated file holds, checked and resolved;
// as an analyzer returns it, what the directives of one configuration ask
// for, each wrapper and group with its own constraint, which PlanFiles
// splits into one model per output file.
type Model struct {
	Pkg      *types.Package
	Wrappers []*Wrapper
	Groups   []*Group
	// Activities and ActivityGroups go to the activity file (see
	// activity.go).
	Activities     []*Activity
	ActivityGroups []*ActivityGroup
	// Workflows go to the activity file too (see workflow.go in emit).
	Workflows []*Workflow
	// Constraint is the build constraint that the file keeps ("" for
	// none).
	Constraint string
	// Reserved holds the package's top-level names, declared and generated.
	Reserved map[string]bool
	// TestNames holds the top-level names that the package's test files of
	// the same package declare, which the generated file's imports avoid.
	TestNames map[string]bool
	// Lens holds the length expressions of the package's array types.
	Lens *Lengths
}

// firstMap returns the first activity of m that has a Map, or nil.
func (m *Model) firstMap() *Activity {
	for _, act := range m.Activities {
		if act.Map != nil {
			return act
		}
	}
	return nil
}

// HasMap reports whether an activity of m has a Map: the activity file
// then declares the Maps' child workflows.
func (m *Model) HasMap() bool {
	return m.firstMap() != nil
}

// RegistersWorkflows reports whether the activity file declares
// RegisterWorkflows, for the package's workflows or the child workflows of
// its Maps, and the position of the first directive that asks for it.
func (m *Model) RegistersWorkflows() (token.Pos, bool) {
	if len(m.Workflows) > 0 {
		return m.Workflows[0].Pos, true
	}
	if act := m.firstMap(); act != nil {
		return act.Pos, true
	}
	return token.NoPos, false
}

// resultKind says how a function's results map onto its future's value.
type resultKind int

const (
	// ResultValue is (T, error): Future[T].
	ResultValue resultKind = iota
	// ResultOnly is (T): Future[T], never failing.
	ResultOnly
	// ResultError is (error): Future[struct{}].
	ResultError
	// ResultNone is (): Future[struct{}], never failing.
	ResultNone
	// ResultStruct is several values, with or without a final error:
	// Future[<Name>Result].
	ResultStruct
)

// Wrapper is one async wrapper: NameAsync for a function, a method or a
// function of another package.
type Wrapper struct {
	Name string
	Fn   *types.Func
	Sig  *types.Signature
	// Label names the function in TaskError: F, Type.Method or pkg.F.
	Label string
	// Recv is the receiver's type of a method, or nil.
	Recv *types.TypeName
	// Self is the receiver that a function wrapper of a method takes
	// after ctx (a method of another package's type, of an interface, or
	// promoted), or nil.
	Self     *SelfRecv
	External bool
	// Target is the directive's spelling of what it wraps (encoding/xml.Marshal,
	// (*http.Client).Do), or "" for a function in whose doc comment it is.
	Target string
	// TakesCtx reports whether a parameter is a context.Context: the
	// task's context goes there.
	TakesCtx bool
	// CtxIndex is the index of that parameter (0 where it comes first).
	CtxIndex int
	Kind     resultKind
	// LastErr reports whether the function returns an error last: error
	// itself, or a pointer or interface type that implements it.
	LastErr bool
	// ConcreteErr reports whether that error's type is not error
	// (*MyError): the wrapper compares it with nil before it converts it,
	// so that a nil *MyError does not become a non-nil error.
	ConcreteErr bool
	StructName  string
	Fields      []string
	Pos         token.Pos
	// Imports holds, by path, the packages that the code of the
	// signature names.
	Imports map[string]*types.Package
	Unit
}

// Unit is what a wrapper or a group carries from the analysis of its
// configuration to the file it goes to.
type Unit struct {
	// Constraint is the build constraint under which the declaration
	// builds: that of the directive's file (and, for a group, those of its
	// elements), "" for none.
	Constraint string
	// Owned reports whether the declaration is its analyzer's to write:
	// another analyzer writes what comes from the files it owns.
	Owned bool
	// Pkg and lens are the package and the array lengths of the load that
	// checked the declaration, which the code that names its types uses.
	Pkg  *types.Package
	Lens *Lengths
}

// Group is a gather directive: a helper that starts its elements and gathers
// them.
type Group struct {
	Name  string
	Elems []*Wrapper
	Pos   token.Pos
	// Scoped reports the option -scoped: the gather runs in a
	// runtime.Scope.
	Scoped bool
	// Recv is the type whose method the helper is, when the elements'
	// methods are all of that one type (see methodOf); nil otherwise.
	Recv *types.TypeName
	// Ptr reports whether the helper's receiver is a pointer: some
	// element's is.
	Ptr bool
	// Key is the directive's position, the same in every load.
	Key string
	Unit
}

// Resolved is what resolving the directives of one package in one
// configuration found.
type Resolved struct {
	// Model holds the declarations; nil when the package has no directive
	// or has problems.
	Model *Model
	// Diags holds the problems, but those of groups.
	Diags []Diagnostic
	// GroupDiags holds the problems of each group, by its key: a group
	// that another configuration resolves has none.
	GroupDiags map[string][]Diagnostic
	// Partial holds, by key, the elements of each group that could not be
	// resolved whole (nil for those that could not).
	Partial map[string][]*Wrapper
	// GroupNames holds the name of each group, by its key.
	GroupNames map[string]string
}
