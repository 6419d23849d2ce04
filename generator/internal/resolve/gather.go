package resolve

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/goname"
	"github.com/gathergen/gathergen/generator/internal/model"
)

// group resolves a gather directive's elements to their wrappers.
func group(a *Analyzer, f directive.Found, wrappers []*model.Wrapper) *model.Group {
	spec := f.D.Gather
	g := &model.Group{Name: spec.Name.Text, Pos: f.D.Pos, Scoped: spec.Scoped}
	ok := true
	for _, e := range spec.Elems {
		w := element(a, f.File, e, wrappers)
		ok = ok && w != nil
		g.Elems = append(g.Elems, w)
	}
	if !ok {
		a.Partial[a.Pkg.Fset.Position(f.D.Pos).String()] = g.Elems
		return nil
	}
	g.Recv, g.Ptr = methodOf(g.Elems)
	return g
}

// methodOf returns the type whose method a group's helper is: the receiver
// type of its method elements when they are all of one type that has no
// type parameters, and no element has type parameters of its own (a method
// cannot); the helper's receiver is a pointer when some element's is. It
// returns nil for a group of functions, of methods of several types, or of
// generic elements: its helper is a function.
func methodOf(elems []*model.Wrapper) (recv *types.TypeName, ptr bool) {
	for _, w := range elems {
		switch {
		case len(w.TypeParams()) > 0:
			return nil, false
		case w.Recv == nil:
			continue // a function, or a method wrapped as one (self)
		case recv != nil && w.Recv != recv:
			return nil, false
		}
		recv = w.Recv
		_, isPtr := w.Sig.Recv().Type().(*types.Pointer)
		ptr = ptr || isPtr
	}
	return recv, ptr
}

// element resolves one element of a group: F, Type.Method, Method,
// PKG.FUNC or a method of another package's type ((*PKG.TYPE).METHOD,
// PKG.TYPE.METHOD), each of which needs its own async directive.
func element(a *Analyzer, file *ast.File, e directive.Word, wrappers []*model.Wrapper) *model.Wrapper {
	if token.IsIdentifier(e.Text) {
		return bareElement(a, e, wrappers)
	}
	t, _ := directive.ParseTarget(e.Text) // checked by parseGather
	if tn := localType(a, t.Qual); tn != nil {
		return methodElement(a, e, t.Name, baseOrSelf(tn), wrappers)
	}
	if !t.Method {
		pkg, candidates := lookupPackage(a, file, t.Qual)
		switch {
		case pkg != nil:
			return funcElement(a, e, pkg, t.Name, wrappers)
		case len(candidates) > 1:
			unknownPackage(a, file, e, t.Qual, candidates)
			return nil
		case cFunction(a, file, t.Qual, e):
			return nil
		}
	}
	if tn := receiverType(a, file, e, t); tn != nil {
		return methodElement(a, e, t.Name, baseOrSelf(tn), wrappers)
	}
	return nil
}

// baseOrSelf returns the defined type that tn names, through an alias.
func baseOrSelf(tn *types.TypeName) *types.TypeName {
	if base := baseTypeName(tn.Type()); base != nil {
		return base
	}
	return tn
}

// funcElement resolves PKG.FUNC once PKG is found.
func funcElement(a *Analyzer, e directive.Word, pkg *types.Package, name string, wrappers []*model.Wrapper) *model.Wrapper {
	for _, w := range wrappers {
		if w.External && w.Fn.Pkg().Path() == pkg.Path() && w.Fn.Name() == name {
			return w
		}
	}
	fn, ok := pkg.Scope().Lookup(name).(*types.Func)
	switch {
	case a.rejected[fn]:
	case ok:
		a.Report(e.Pos, "%s has no //gathergen:async directive; add //gathergen:async %s", e.Text, e.Text)
	default:
		a.Report(e.Pos, "unknown function %s", e.Text)
	}
	return nil
}

// bareElement resolves a function, or a method by its name alone where only
// one async method has it.
func bareElement(a *Analyzer, e directive.Word, wrappers []*model.Wrapper) *model.Wrapper {
	var methods []*model.Wrapper
	var named *model.Wrapper
	for _, w := range wrappers {
		if w.Name == e.Text {
			named = w
		}
		switch {
		case w.External || w.Fn.Name() != e.Text:
		case w.Recv == nil && w.Self == nil:
			return w
		default:
			methods = append(methods, w)
		}
	}
	switch {
	case len(methods) == 1:
		return methods[0]
	case len(methods) > 1:
		labels := make([]string, len(methods))
		for i, m := range methods {
			labels[i] = m.Label
		}
		a.Report(e.Pos, "ambiguous method %s: write one of %s", e.Text, strings.Join(labels, ", "))
	case named != nil:
		a.Report(e.Pos, "unknown function %s: it is the wrapper of %s; name %s instead", e.Text, named.Label, named.Label)
	case rejectedNamed(a, e.Text):
	case goname.IsFunc(a.Pkg.Types.Scope().Lookup(e.Text)):
		a.Report(e.Pos, "%s has no //gathergen:async directive", e.Text)
	default:
		a.Report(e.Pos, "unknown function %s", e.Text)
	}
	return nil
}

// rejectedNamed reports whether a function or method of this package named
// name has an async directive with a problem.
func rejectedNamed(a *Analyzer, name string) bool {
	for fn := range a.rejected {
		if fn.Name() == name && fn.Pkg() == a.Pkg.Types {
			return true
		}
	}
	return false
}

// methodElement resolves Type.Method, the method's wrapper being a method
// of this package's type or a function that takes the receiver.
func methodElement(a *Analyzer, e directive.Word, name string, tn *types.TypeName, wrappers []*model.Wrapper) *model.Wrapper {
	for _, w := range wrappers {
		if (w.Recv == tn || w.Self != nil && w.Self.Obj == tn) && w.Fn.Name() == name {
			return w
		}
	}
	obj, _, _ := types.LookupFieldOrMethod(tn.Type(), true, tn.Pkg(), name)
	fn, ok := obj.(*types.Func)
	switch {
	case ok && a.rejected[fn]:
	case ok && tn.Pkg() == a.Pkg.Types && !isInterface(tn):
		a.Report(e.Pos, "%s has no //gathergen:async directive", e.Text)
	case ok:
		a.Report(e.Pos, "%s has no //gathergen:async directive; add //gathergen:async %s", e.Text, e.Text)
	default:
		a.Report(e.Pos, "unknown method %s: %s has no method %s", e.Text, tn.Name(), name)
	}
	return nil
}

// isInterface reports whether tn names an interface type.
func isInterface(tn *types.TypeName) bool {
	return types.IsInterface(tn.Type())
}
