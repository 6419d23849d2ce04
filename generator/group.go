package generator

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// group resolves a gather directive's elements to their wrappers.
func (a *analyzer) group(f found, wrappers []*wrapper) *group {
	spec := f.d.gather
	g := &group{name: spec.name.text, pos: f.d.pos}
	ok := true
	for _, e := range spec.elems {
		w := a.element(f.file, e, wrappers)
		ok = ok && w != nil
		g.elems = append(g.elems, w)
	}
	if !ok {
		a.partial[a.pkg.Fset.Position(f.d.pos).String()] = g.elems
		return nil
	}
	g.recv, g.ptr = methodOf(g.elems)
	return g
}

// methodOf returns the type whose method a group's helper is: the receiver
// type of its method elements when they are all of one type that has no
// type parameters, and no element has type parameters of its own (a method
// cannot); the helper's receiver is a pointer when some element's is. It
// returns nil for a group of functions, of methods of several types, or of
// generic elements: its helper is a function.
func methodOf(elems []*wrapper) (recv *types.TypeName, ptr bool) {
	for _, w := range elems {
		switch {
		case len(w.typeParams()) > 0:
			return nil, false
		case w.recv == nil:
			continue // a function, or a method wrapped as one (self)
		case recv != nil && w.recv != recv:
			return nil, false
		}
		recv = w.recv
		_, isPtr := w.sig.Recv().Type().(*types.Pointer)
		ptr = ptr || isPtr
	}
	return recv, ptr
}

// element resolves one element of a group: F, Type.Method, Method,
// PKG.FUNC or a method of another package's type ((*PKG.TYPE).METHOD,
// PKG.TYPE.METHOD), each of which needs its own async directive.
func (a *analyzer) element(file *ast.File, e word, wrappers []*wrapper) *wrapper {
	if token.IsIdentifier(e.text) {
		return a.bareElement(e, wrappers)
	}
	t, _ := parseTarget(e.text) // checked by parseGather
	if tn := a.localType(t.qual); tn != nil {
		return a.methodElement(e, t.name, baseOrSelf(tn), wrappers)
	}
	if !t.method {
		pkg, candidates := a.lookupPackage(file, t.qual)
		switch {
		case pkg != nil:
			return a.funcElement(e, pkg, t.name, wrappers)
		case len(candidates) > 1:
			a.unknownPackage(file, e, t.qual, candidates)
			return nil
		case a.cFunction(file, t.qual, e):
			return nil
		}
	}
	if tn := a.receiverType(file, e, t); tn != nil {
		return a.methodElement(e, t.name, baseOrSelf(tn), wrappers)
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
func (a *analyzer) funcElement(e word, pkg *types.Package, name string, wrappers []*wrapper) *wrapper {
	for _, w := range wrappers {
		if w.external && w.fn.Pkg().Path() == pkg.Path() && w.fn.Name() == name {
			return w
		}
	}
	fn, ok := pkg.Scope().Lookup(name).(*types.Func)
	switch {
	case a.rejected[fn]:
	case ok:
		a.report(e.pos, "%s has no //gathergen:async directive; add //gathergen:async %s", e.text, e.text)
	default:
		a.report(e.pos, "unknown function %s", e.text)
	}
	return nil
}

// bareElement resolves a function, or a method by its name alone where only
// one async method has it.
func (a *analyzer) bareElement(e word, wrappers []*wrapper) *wrapper {
	var methods []*wrapper
	var named *wrapper
	for _, w := range wrappers {
		if w.name == e.text {
			named = w
		}
		switch {
		case w.external || w.fn.Name() != e.text:
		case w.recv == nil && w.self == nil:
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
			labels[i] = m.label
		}
		a.report(e.pos, "ambiguous method %s: write one of %s", e.text, strings.Join(labels, ", "))
	case named != nil:
		a.report(e.pos, "unknown function %s: it is the wrapper of %s; name %s instead", e.text, named.label, named.label)
	case a.rejectedNamed(e.text):
	case isFunc(a.pkg.Types.Scope().Lookup(e.text)):
		a.report(e.pos, "%s has no //gathergen:async directive", e.text)
	default:
		a.report(e.pos, "unknown function %s", e.text)
	}
	return nil
}

// rejectedNamed reports whether a function or method of this package named
// name has an async directive with a problem.
func (a *analyzer) rejectedNamed(name string) bool {
	for fn := range a.rejected {
		if fn.Name() == name && fn.Pkg() == a.pkg.Types {
			return true
		}
	}
	return false
}

// isFunc reports whether obj is a function.
func isFunc(obj types.Object) bool {
	_, ok := obj.(*types.Func)
	return ok
}

// methodElement resolves Type.Method, the method's wrapper being a method
// of this package's type or a function that takes the receiver.
func (a *analyzer) methodElement(e word, name string, tn *types.TypeName, wrappers []*wrapper) *wrapper {
	for _, w := range wrappers {
		if (w.recv == tn || w.self != nil && w.self.obj == tn) && w.fn.Name() == name {
			return w
		}
	}
	obj, _, _ := types.LookupFieldOrMethod(tn.Type(), true, tn.Pkg(), name)
	fn, ok := obj.(*types.Func)
	switch {
	case ok && a.rejected[fn]:
	case ok && tn.Pkg() == a.pkg.Types && !isInterface(tn):
		a.report(e.pos, "%s has no //gathergen:async directive", e.text)
	case ok:
		a.report(e.pos, "%s has no //gathergen:async directive; add //gathergen:async %s", e.text, e.text)
	default:
		a.report(e.pos, "unknown method %s: %s has no method %s", e.text, tn.Name(), name)
	}
	return nil
}

// isInterface reports whether tn names an interface type.
func isInterface(tn *types.TypeName) bool {
	return types.IsInterface(tn.Type())
}
