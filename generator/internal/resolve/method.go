package resolve

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/goname"
	"github.com/gathergen/gathergen/generator/internal/model"
)

// externalMethod resolves //gathergen:async naming a method: (*T).M, T.M,
// (*PKG.T).M or PKG.T.M, T[P].M for a generic type.
func externalMethod(a *Analyzer, f directive.Found) *model.Wrapper {
	spec := f.D.Async
	tn := receiverType(a, f.File, spec.Target, spec.T)
	if tn == nil {
		return nil
	}
	self, fn := method(a, spec.Target, spec.T, tn)
	if fn == nil {
		return nil
	}
	w := &model.Wrapper{Fn: fn, Sig: fn.Signature(), Pos: f.D.Pos, Self: self, Label: methodLabel(a.Pkg.Types, spec.T.Pointer, self.Obj, fn.Name()), Target: spec.Target.Text}
	w.Name = spec.As.Text
	if w.Name == "" {
		w.Name = directive.DefaultName(self.Obj.Name(), fn.Name())
	}
	return finish(a, w)
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
func receiverType(a *Analyzer, file *ast.File, at directive.Word, t directive.Target) *types.TypeName {
	if tn := localType(a, t.Qual); tn != nil {
		return tn
	}
	pkgName, typeName, ok := directive.SplitQualified(t.Qual)
	if !ok || strings.Contains(typeName, "/") { // a path: example.com/m.F
		if !cFunction(a, file, t.Qual, at) {
			unknownPackage(a, file, at, t.Qual, nil)
		}
		return nil
	}
	pkg, candidates := lookupPackage(a, file, pkgName)
	if pkg == nil {
		unknownPackage(a, file, at, pkgName, candidates)
		return nil
	}
	obj := pkg.Scope().Lookup(typeName)
	tn, isType := obj.(*types.TypeName)
	switch {
	case !ast.IsExported(typeName):
		a.Report(at.Pos, "%s.%s is not exported", pkg.Name(), typeName)
	case obj == nil:
		a.Report(at.Pos, "%s.%s does not exist", pkg.Name(), typeName)
	case !isType:
		a.Report(at.Pos, "%s.%s is not a type, whose method %s could be wrapped", pkg.Name(), typeName, t.Name)
	default:
		return tn
	}
	return nil
}

// unknownPackage reports a qualifier that names no package: not imported,
// and no package of the standard library, or several (candidates).
func unknownPackage(a *Analyzer, file *ast.File, at directive.Word, name string, candidates []string) {
	if len(candidates) > 1 {
		forms := make([]string, len(candidates))
		for i, c := range candidates {
			forms[i] = strings.Replace(at.Text, name+".", c+".", 1)
		}
		a.Report(at.Pos, "%s is ambiguous: %s imports no package of that name, and the standard library has %s; write the import path of the one you mean (%s)",
			name, fileName(a, file), strings.Join(candidates, ", "), strings.Join(forms, " or "))
		return
	}
	switch {
	case name == a.Pkg.PkgPath:
		a.Report(at.Pos, "%s is this package: put //gathergen:async in the doc comment of the function or method", name)
		return
	case !goname.CanImport(a.Pkg.PkgPath, name):
		a.Report(at.Pos, "package %s is internal: package %s cannot import it", name, a.Pkg.Name)
		return
	case strings.Contains(name, "/"):
		a.Report(at.Pos, "unknown package %s: no package has that import path", name)
		return
	}
	a.Report(at.Pos, "unknown package %s: %s imports no package of that name, the standard library has none and this package has no type of that name; name a package by its import path (example.com/mod/pkg.Func)",
		name, fileName(a, file))
}

// fileName returns the base name of a file of the package.
func fileName(a *Analyzer, file *ast.File) string {
	name := a.Pkg.Fset.Position(file.Package).Filename
	return name[strings.LastIndexAny(name, `/\`)+1:]
}

// method resolves the method that a target names on tn as the compiler
// resolves a method expression: in the method set of T, or of *T for
// (*T).M, promoted methods included; it reports the problems.
func method(a *Analyzer, at directive.Word, t directive.Target, tn *types.TypeName) (*model.SelfRecv, *types.Func) {
	named, ok := types.Unalias(tn.Type()).(*types.Named)
	if !ok {
		a.Report(at.Pos, "%s is not a defined type: its methods cannot be named", tn.Name())
		return nil, nil
	}
	named = named.Origin()
	_, isIface := named.Underlying().(*types.Interface)
	spelled := methodLabel(a.Pkg.Types, false, named.Obj(), t.Name)
	typeSpelled := strings.TrimSuffix(spelled, "."+t.Name)
	if t.Pointer && isIface {
		a.Report(at.Pos, "%s is an interface: write %s, without (*...)", typeSpelled, spelled)
		return nil, nil
	}
	fn, index := lookupMethod(named, t.Pointer, t.Name)
	if own, index := lookupMethod(named, true, t.Name); own != nil && named.Obj().Pkg() == a.Pkg.Types && !isIface && len(index) == 1 {
		a.Report(at.Pos, "%s is a method of this package: put //gathergen:async in its doc comment, which gives the method %s.%sAsync", spelled, named.Obj().Name(), t.Name)
		return nil, nil
	}
	switch {
	case fn == nil && !t.Pointer && !isIface && func() bool { m, _ := lookupMethod(named, true, t.Name); return m != nil }():
		a.Report(at.Pos, "%s has a pointer receiver: write (*%s).%s", spelled, typeSpelled, t.Name)
	case fn == nil && index != nil:
		a.Report(at.Pos, "%s is ambiguous: several embedded fields at the same depth promote %s", spelled, t.Name)
	case fn == nil && isField(named, t.Name):
		a.Report(at.Pos, "%s is a field, not a method", spelled)
	case fn == nil:
		a.Report(at.Pos, "%s has no method %s", typeSpelled, t.Name)
	case !fn.Exported() && fn.Pkg() != a.Pkg.Types:
		a.Report(at.Pos, "%s is not exported", spelled)
	case t.TypeArgs != nil && named.TypeParams().Len() == 0:
		a.Report(at.Pos, "%s is not generic: write it without [%s]", typeSpelled, strings.Join(t.TypeArgs, ","))
	case t.TypeArgs != nil && len(t.TypeArgs) != named.TypeParams().Len():
		a.Report(at.Pos, "%s has %s, and %s names %d", typeSpelled, count(named.TypeParams().Len(), "type parameter"), at.Text, len(t.TypeArgs))
	default:
		return self(a, named, fn, len(index) == 1, t), fn
	}
	if fn != nil {
		reject(a, fn)
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
func self(a *Analyzer, named *types.Named, fn *types.Func, declared bool, t directive.Target) *model.SelfRecv {
	s := &model.SelfRecv{Obj: named.Obj(), Tparams: model.Flatten(named.TypeParams()), Names: t.TypeArgs}
	if declared && fn.Signature().RecvTypeParams().Len() > 0 {
		s.Tparams = model.Flatten(fn.Signature().RecvTypeParams())
	}
	s.Typ = named
	if len(s.Tparams) > 0 {
		args := make([]types.Type, len(s.Tparams))
		for i, tp := range s.Tparams {
			args[i] = tp
		}
		if inst, err := types.Instantiate(nil, named, args, false); err == nil {
			s.Typ = inst
		}
	}
	if t.Pointer {
		s.Typ = types.NewPointer(s.Typ)
	}
	return s
}
