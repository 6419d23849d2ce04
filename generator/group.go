package generator

import (
	"go/ast"
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
		case w.sig.TypeParams().Len() > 0 || w.sig.RecvTypeParams().Len() > 0:
			return nil, false
		case w.recv == nil:
			continue
		case recv != nil && w.recv != recv:
			return nil, false
		}
		recv = w.recv
		_, isPtr := w.sig.Recv().Type().(*types.Pointer)
		ptr = ptr || isPtr
	}
	return recv, ptr
}

// element resolves one element of a group: F, Type.Method, Method or
// PKG.FUNC, each of which needs its own async directive.
func (a *analyzer) element(file *ast.File, e word, wrappers []*wrapper) *wrapper {
	qual, name, ok := splitQualified(e.text)
	if !ok {
		return a.bareElement(e, wrappers)
	}
	if tn, ok := a.pkg.Types.Scope().Lookup(qual).(*types.TypeName); ok {
		if base := baseTypeName(tn.Type()); base != nil {
			tn = base // through an alias
		}
		return a.methodElement(e, tn, name, wrappers)
	}
	pkg := a.imported(file, qual)
	if pkg == nil {
		if a.cFunction(file, qual, e) {
			return nil
		}
		a.report(e.pos, "unknown function %s: %s is neither a type of this package nor an imported package", e.text, qual)
		return nil
	}
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
		case w.recv == nil:
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

// methodElement resolves Type.Method.
func (a *analyzer) methodElement(e word, tn *types.TypeName, name string, wrappers []*wrapper) *wrapper {
	for _, w := range wrappers {
		if w.recv == tn && w.fn.Name() == name {
			return w
		}
	}
	obj, _, _ := types.LookupFieldOrMethod(tn.Type(), true, a.pkg.Types, name)
	if fn, ok := obj.(*types.Func); ok && a.rejected[fn] {
		return nil
	}
	if isFunc(obj) {
		a.report(e.pos, "%s has no //gathergen:async directive", e.text)
	} else {
		a.report(e.pos, "unknown method %s: %s has no method %s", e.text, tn.Name(), name)
	}
	return nil
}
