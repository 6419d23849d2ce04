package generator

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// selfRecv is the receiver that the wrapper of a method takes right after
// ctx when the wrapper is a function: a method of another package's type,
// of an interface (whose methods cannot be added to), or promoted to this
// package's type from an embedded field. Methods declared on this
// package's own types get method wrappers instead (wrapper.recv).
type selfRecv struct {
	// obj is the defined type that the directive names, through an
	// alias.
	obj *types.TypeName
	// typ is the receiver's type: the defined type, instantiated with
	// tparams when it is generic, or a pointer to it.
	typ types.Type
	// tparams are the type's parameters as the method's signature names
	// them; the wrapper declares them as its own.
	tparams []*types.TypeParam
	// names are the names that the directive gives them ([K,V]), or nil.
	names []string
}

// externalMethod resolves //gathergen:async naming a method: (*T).M, T.M,
// (*PKG.T).M or PKG.T.M, T[P].M for a generic type.
func (a *analyzer) externalMethod(f found) *wrapper {
	spec := f.d.async
	tn := a.receiverType(f.file, spec.target, spec.t)
	if tn == nil {
		return nil
	}
	self, fn := a.method(spec.target, spec.t, tn)
	if fn == nil {
		return nil
	}
	w := &wrapper{fn: fn, sig: fn.Signature(), pos: f.d.pos, self: self, label: methodLabel(a.pkg.Types, spec.t.pointer, self.obj, fn.Name()), target: spec.target.text}
	w.name = spec.as.text
	if w.name == "" {
		w.name = defaultName(self.obj.Name(), fn.Name())
	}
	return a.finish(w)
}

// methodLabel names a method in TaskError and doc comments as the
// directive does: (*http.Client).Do, time.Time.Format, Store.Get.
func methodLabel(local *types.Package, pointer bool, obj *types.TypeName, method string) string {
	typeName := obj.Name()
	if obj.Pkg() != nil && obj.Pkg() != local {
		typeName = obj.Pkg().Name() + "." + typeName
	}
	if pointer {
		return "(*" + typeName + ")." + method
	}
	return typeName + "." + method
}

// receiverType finds the type that a method target names: T of this
// package, or PKG.T; it reports why there is none.
func (a *analyzer) receiverType(file *ast.File, at word, t target) *types.TypeName {
	if tn := a.localType(t.qual); tn != nil {
		return tn
	}
	pkgName, typeName, ok := splitQualified(t.qual)
	if !ok || strings.Contains(typeName, "/") { // a path: example.com/m.F
		if !a.cFunction(file, t.qual, at) {
			a.unknownPackage(file, at, t.qual, nil)
		}
		return nil
	}
	pkg, candidates := a.lookupPackage(file, pkgName)
	if pkg == nil {
		a.unknownPackage(file, at, pkgName, candidates)
		return nil
	}
	obj := pkg.Scope().Lookup(typeName)
	tn, isType := obj.(*types.TypeName)
	switch {
	case !ast.IsExported(typeName):
		a.report(at.pos, "%s.%s is not exported", pkg.Name(), typeName)
	case obj == nil:
		a.report(at.pos, "%s.%s does not exist", pkg.Name(), typeName)
	case !isType:
		a.report(at.pos, "%s.%s is not a type, whose method %s could be wrapped", pkg.Name(), typeName, t.name)
	default:
		return tn
	}
	return nil
}

// unknownPackage reports a qualifier that names no package: not imported,
// and no package of the standard library, or several (candidates).
func (a *analyzer) unknownPackage(file *ast.File, at word, name string, candidates []string) {
	if len(candidates) > 1 {
		forms := make([]string, len(candidates))
		for i, c := range candidates {
			forms[i] = strings.Replace(at.text, name+".", c+".", 1)
		}
		a.report(at.pos, "%s is ambiguous: %s imports no package of that name, and the standard library has %s; write the import path of the one you mean (%s)",
			name, a.fileName(file), strings.Join(candidates, ", "), strings.Join(forms, " or "))
		return
	}
	switch {
	case name == a.pkg.PkgPath:
		a.report(at.pos, "%s is this package: put //gathergen:async in the doc comment of the function or method", name)
		return
	case !canImport(a.pkg.PkgPath, name):
		a.report(at.pos, "package %s is internal: package %s cannot import it", name, a.pkg.Name)
		return
	case strings.Contains(name, "/"):
		a.report(at.pos, "unknown package %s: no package has that import path", name)
		return
	}
	a.report(at.pos, "unknown package %s: %s imports no package of that name, the standard library has none and this package has no type of that name; name a package by its import path (example.com/mod/pkg.Func)",
		name, a.fileName(file))
}

// fileName returns the base name of a file of the package.
func (a *analyzer) fileName(file *ast.File) string {
	name := a.pkg.Fset.Position(file.Package).Filename
	return name[strings.LastIndexAny(name, `/\`)+1:]
}

// method resolves the method that a target names on tn as the compiler
// resolves a method expression: in the method set of T, or of *T for
// (*T).M, promoted methods included; it reports the problems.
func (a *analyzer) method(at word, t target, tn *types.TypeName) (*selfRecv, *types.Func) {
	named, ok := types.Unalias(tn.Type()).(*types.Named)
	if !ok {
		a.report(at.pos, "%s is not a defined type: its methods cannot be named", tn.Name())
		return nil, nil
	}
	named = named.Origin()
	_, isIface := named.Underlying().(*types.Interface)
	spelled := methodLabel(a.pkg.Types, false, named.Obj(), t.name)
	typeSpelled := strings.TrimSuffix(spelled, "."+t.name)
	if t.pointer && isIface {
		a.report(at.pos, "%s is an interface: write %s, without (*...)", typeSpelled, spelled)
		return nil, nil
	}
	fn, index := lookupMethod(named, t.pointer, t.name)
	if own, index := lookupMethod(named, true, t.name); own != nil && named.Obj().Pkg() == a.pkg.Types && !isIface && len(index) == 1 {
		a.report(at.pos, "%s is a method of this package: put //gathergen:async in its doc comment, which gives the method %s.%sAsync", spelled, named.Obj().Name(), t.name)
		return nil, nil
	}
	switch {
	case fn == nil && !t.pointer && !isIface && func() bool { m, _ := lookupMethod(named, true, t.name); return m != nil }():
		a.report(at.pos, "%s has a pointer receiver: write (*%s).%s", spelled, typeSpelled, t.name)
	case fn == nil && index != nil:
		a.report(at.pos, "%s is ambiguous: several embedded fields at the same depth promote %s", spelled, t.name)
	case fn == nil && isField(named, t.name):
		a.report(at.pos, "%s is a field, not a method", spelled)
	case fn == nil:
		a.report(at.pos, "%s has no method %s", typeSpelled, t.name)
	case !fn.Exported() && fn.Pkg() != a.pkg.Types:
		a.report(at.pos, "%s is not exported", spelled)
	case t.typeArgs != nil && named.TypeParams().Len() == 0:
		a.report(at.pos, "%s is not generic: write it without [%s]", typeSpelled, strings.Join(t.typeArgs, ","))
	case t.typeArgs != nil && len(t.typeArgs) != named.TypeParams().Len():
		a.report(at.pos, "%s has %s, and %s names %d", typeSpelled, count(named.TypeParams().Len(), "type parameter"), at.text, len(t.typeArgs))
	default:
		return a.self(named, fn, len(index) == 1, t), fn
	}
	if fn != nil {
		a.reject(fn)
	}
	return nil, nil
}

// lookupMethod finds a method in the method set of named, or of *named,
// and the path of embedded fields that promotes it; index alone when
// several embedded fields at one depth have it (the selector is
// ambiguous).
func lookupMethod(named *types.Named, pointer bool, name string) (*types.Func, []int) {
	var t types.Type = named
	if pointer {
		t = types.NewPointer(named)
	}
	obj, index, _ := types.LookupFieldOrMethod(t, false, named.Obj().Pkg(), name)
	fn, ok := obj.(*types.Func)
	if obj != nil && !ok {
		return nil, nil // a field
	}
	return fn, index
}

// count writes n things: "1 type parameter", "2 type parameters".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return strconv.Itoa(n) + " " + thing + "s"
}

// isField reports whether name is a field of named, or of a struct it
// embeds.
func isField(named *types.Named, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(named, true, named.Obj().Pkg(), name)
	_, ok := obj.(*types.Var)
	return ok
}

// self describes the receiver that the wrapper of fn, a method of named,
// takes. A method declared on a generic type names the type's parameters
// as its receiver declares them; one promoted to it (whose signature the
// embedding substituted), or an interface's, as the type declares them.
func (a *analyzer) self(named *types.Named, fn *types.Func, declared bool, t target) *selfRecv {
	s := &selfRecv{obj: named.Obj(), tparams: flatten(named.TypeParams()), names: t.typeArgs}
	if declared && fn.Signature().RecvTypeParams().Len() > 0 {
		s.tparams = flatten(fn.Signature().RecvTypeParams())
	}
	s.typ = named
	if len(s.tparams) > 0 {
		args := make([]types.Type, len(s.tparams))
		for i, tp := range s.tparams {
			args[i] = tp
		}
		if inst, err := types.Instantiate(nil, named, args, false); err == nil {
			s.typ = inst
		}
	}
	if t.pointer {
		s.typ = types.NewPointer(s.typ)
	}
	return s
}

// recvName is the name that the wrapper of a method gives its receiver:
// the method's own for a method of this package, and otherwise the first
// letter of the type's name, in lower case (c for http.Client).
func (w *wrapper) recvName() string {
	if w.self == nil {
		return baseName(w.sig.Recv().Name(), "recv")
	}
	first, _ := utf8.DecodeRuneInString(w.self.obj.Name())
	return string(unicode.ToLower(first))
}

// hasRecv reports whether the wrapper carries a receiver: it wraps a
// method, as a method or as a function.
func (w *wrapper) hasRecv() bool {
	return w.recv != nil || w.self != nil
}

// recvType returns the type of the receiver that the wrapper carries.
func (w *wrapper) recvType() types.Type {
	if w.self != nil {
		return w.self.typ
	}
	return w.sig.Recv().Type()
}

// typeParams returns the type parameters that the wrapper declares: its
// receiver's, then the function's own.
func (w *wrapper) typeParams() []*types.TypeParam {
	if w.self != nil {
		return append(append([]*types.TypeParam(nil), w.self.tparams...), flatten(w.sig.TypeParams())...)
	}
	return flatten(w.sig.RecvTypeParams(), w.sig.TypeParams())
}

// typeWriter returns a typeWriter for the wrapper's code, which names the
// receiver's type parameters as the directive does.
func (w *wrapper) typeWriter(local *types.Package, lens *lengths) *typeWriter {
	tw := newTypeWriter(local, lens)
	w.nameTypeParams(tw)
	return tw
}

// nameTypeParams tells tw the names that the directive gives the
// receiver's type parameters, if any.
func (w *wrapper) nameTypeParams(tw *typeWriter) {
	if w.self != nil && w.self.names != nil {
		for i, tp := range w.self.tparams {
			tw.names[tp] = w.self.names[i]
		}
	}
}
