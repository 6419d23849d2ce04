package typecode

import (
	"fmt"
	"go/types"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/gathergen/gathergen/generator/internal/goname"
	"github.com/gathergen/gathergen/generator/internal/model"
)

// TypeWriter converts go/types types to jennifer code: the one place where
// generated code names a type. Types of the package being generated for are
// written unqualified, those of other packages through jen.Qual (whose local
// name the file chose beforehand), and type parameters by the names that the
// generated declaration gives them.
type TypeWriter struct {
	local   *types.Package
	lens    *model.Lengths
	tparams map[*types.TypeParam]string
	// names holds the names that a directive gives type parameters, which
	// the declaration takes where they are free.
	names map[*types.TypeParam]string
	// Used collects the import paths that the written code refers to.
	Used map[string]*types.Package
	// Problem is the first reason why a type cannot be written outside its
	// own package, or "".
	Problem string
}

// NewTypeWriter returns a TypeWriter for code of package local, whose array
// types' length expressions lens holds (nil for none).
func NewTypeWriter(local *types.Package, lens *model.Lengths) *TypeWriter {
	return &TypeWriter{local: local, lens: lens, tparams: map[*types.TypeParam]string{}, names: map[*types.TypeParam]string{}, Used: map[string]*types.Package{}}
}

// fail records the first problem.
func (w *TypeWriter) fail(format string, args ...any) {
	if w.Problem == "" {
		w.Problem = fmt.Sprintf(format, args...)
	}
}

// Typ returns the code of t.
func (w *TypeWriter) Typ(t types.Type) *jen.Statement {
	switch t := t.(type) {
	case *types.Basic:
		return w.basic(t)
	case *types.Named:
		return w.named(t.Obj(), t.TypeArgs())
	case *types.Alias:
		return w.named(t.Obj(), t.TypeArgs())
	case *types.TypeParam:
		return w.typeParam(t)
	case *types.Pointer:
		return jen.Op("*").Add(w.Typ(t.Elem()))
	case *types.Slice:
		return jen.Index().Add(w.Typ(t.Elem()))
	case *types.Array:
		return jen.Index(w.arrayLen(t)).Add(w.Typ(t.Elem()))
	case *types.Map:
		return jen.Map(w.Typ(t.Key())).Add(w.Typ(t.Elem()))
	case *types.Chan:
		return w.chanType(t)
	case *types.Signature:
		return jen.Func().Add(w.signature(t))
	case *types.Struct:
		return w.structType(t)
	case *types.Interface:
		return w.interfaceType(t)
	case *types.Union:
		return w.union(t)
	}
	w.fail("type %s cannot be written", t)
	return jen.Id("invalid")
}

// basic writes a predeclared type; unsafe.Pointer needs its import.
func (w *TypeWriter) basic(t *types.Basic) *jen.Statement {
	switch {
	case t.Kind() == types.UnsafePointer:
		w.Used["unsafe"] = types.Unsafe
		return jen.Qual("unsafe", "Pointer")
	case t.Kind() == types.Invalid:
		w.fail("%s", GeneratedType)
	case t.Info()&types.IsUntyped != 0:
		w.fail("type %s cannot be written", t)
	}
	w.checkShadowed(t.Name())
	return jen.Id(t.Name())
}

// checkShadowed fails on a predeclared name that the package declares
// otherwise at package level (type int struct{}, say): generated code in
// the package cannot name the predeclared one.
func (w *TypeWriter) checkShadowed(name string) {
	if why := Shadowed(w.local, name); why != "" {
		w.fail("%s", why)
	}
}

// Shadowed says why generated code in pkg cannot name the predeclared name,
// or returns "": the package declares a name so spelled at package level.
func Shadowed(pkg *types.Package, name string) string {
	obj := pkg.Scope().Lookup(name)
	if obj == nil {
		return ""
	}
	return fmt.Sprintf("package %s declares its own %s (a %s), which hides the predeclared %s that the generated code names: rename the package's %s", pkg.Name(), name, goname.KindOf(obj), name, name)
}

// named writes a defined type or an alias by its name, with its type
// arguments.
func (w *TypeWriter) named(obj *types.TypeName, targs *types.TypeList) *jen.Statement {
	s := w.typeName(obj)
	if targs.Len() == 0 {
		return s
	}
	args := make([]jen.Code, targs.Len())
	for i := range targs.Len() {
		args[i] = w.Typ(targs.At(i))
	}
	return s.Types(args...)
}

// typeName writes the name of a type, qualified when it belongs to another
// package.
func (w *TypeWriter) typeName(obj *types.TypeName) *jen.Statement {
	pkg := obj.Pkg()
	switch {
	case pkg == nil:
		w.checkShadowed(obj.Name())
		return jen.Id(obj.Name())
	case pkg.Path() == w.local.Path():
		if obj.Parent() != nil && obj.Parent() != pkg.Scope() {
			w.fail("type %s is declared inside a function", obj.Name())
		}
		return jen.Id(obj.Name())
	case !obj.Exported():
		w.fail("type %s.%s is not exported", pkg.Name(), obj.Name())
	case !goname.CanImport(w.local.Path(), pkg.Path()):
		w.fail("type %s.%s belongs to an internal package that package %s cannot import", pkg.Name(), obj.Name(), w.local.Name())
	}
	w.Used[pkg.Path()] = pkg
	return jen.Qual(pkg.Path(), obj.Name())
}

// typeParam writes a type parameter by the name the declaration gave it.
func (w *TypeWriter) typeParam(t *types.TypeParam) *jen.Statement {
	name, ok := w.tparams[t]
	if !ok {
		w.fail("type parameter %s is not in scope", t.Obj().Name())
		name = t.Obj().Name()
	}
	return jen.Id(name)
}

// chanType writes a channel type; a bidirectional channel of receive-only
// channels needs parentheses (chan (<-chan T), not chan<- chan T).
func (w *TypeWriter) chanType(t *types.Chan) *jen.Statement {
	elem := w.Typ(t.Elem())
	switch t.Dir() {
	case types.SendOnly:
		return jen.Chan().Op("<-").Add(elem)
	case types.RecvOnly:
		return jen.Op("<-").Chan().Add(elem)
	}
	if inner, ok := t.Elem().Underlying().(*types.Chan); ok && inner.Dir() == types.RecvOnly && !isNamed(t.Elem()) {
		return jen.Chan().Parens(elem)
	}
	return jen.Chan().Add(elem)
}

// isNamed reports whether t is written by a name.
func isNamed(t types.Type) bool {
	switch t.(type) {
	case *types.Named, *types.Alias, *types.TypeParam:
		return true
	}
	return false
}

// signature writes parameters and results of a function type (without the
// func keyword, so that interface methods can use it too). Parameter names
// are left out: they do not change the type.
func (w *TypeWriter) signature(sig *types.Signature) *jen.Statement {
	params := make([]jen.Code, sig.Params().Len())
	for i := range params {
		params[i] = w.Param(sig, i)
	}
	s := jen.Params(params...)
	switch res := sig.Results(); res.Len() {
	case 0:
		return s
	case 1:
		return s.Add(w.Typ(res.At(0).Type()))
	default:
		results := make([]jen.Code, res.Len())
		for i := range results {
			results[i] = w.Typ(res.At(i).Type())
		}
		return s.Params(results...)
	}
}

// Param writes the type of parameter i, as ...T when it is variadic.
func (w *TypeWriter) Param(sig *types.Signature, i int) *jen.Statement {
	t := sig.Params().At(i).Type()
	if sig.Variadic() && i == sig.Params().Len()-1 {
		if s, ok := t.(*types.Slice); ok {
			return jen.Op("...").Add(w.Typ(s.Elem()))
		}
	}
	return w.Typ(t)
}

// structType writes a struct literal type with its embedded fields and tags.
func (w *TypeWriter) structType(t *types.Struct) *jen.Statement {
	fields := make([]jen.Code, t.NumFields())
	for i := range fields {
		f := t.Field(i)
		w.checkMember(f.Pkg(), f.Name(), f.Exported(), "field")
		field := w.Typ(f.Type())
		if !f.Embedded() {
			field = jen.Id(f.Name()).Add(field)
		}
		if tag := t.Tag(i); tag != "" {
			field = field.Add(tagLit(tag))
		}
		fields[i] = field
	}
	return jen.Struct(fields...)
}

// tagLit writes a struct tag, as a raw string where it can be one.
func tagLit(tag string) *jen.Statement {
	if strings.ContainsAny(tag, "`\r") {
		return jen.Lit(tag)
	}
	return jen.Op("`" + tag + "`")
}

// interfaceType writes an interface literal: its methods and embedded types
// (unions and ~ terms included). The implicit interface of a constraint such
// as [T ~int | string] is written as its single term list.
func (w *TypeWriter) interfaceType(t *types.Interface) *jen.Statement {
	if t.IsImplicit() && t.NumEmbeddeds() == 1 {
		return w.constraint(t.EmbeddedType(0))
	}
	items := make([]jen.Code, 0, t.NumExplicitMethods()+t.NumEmbeddeds())
	for i := range t.NumExplicitMethods() {
		m := t.ExplicitMethod(i)
		w.checkMember(m.Pkg(), m.Name(), m.Exported(), "method")
		items = append(items, jen.Id(m.Name()).Add(w.signature(m.Type().(*types.Signature))))
	}
	for i := range t.NumEmbeddeds() {
		items = append(items, w.constraint(t.EmbeddedType(i)))
	}
	return jen.Interface(items...)
}

// constraint writes a type parameter's constraint, or a type that one
// embeds or unites. A constraint that another package declares without
// exporting it (math/rand/v2's intType) is spelled by its interface
// literal, in which embedded constraints are spelled the same way, so
// that the wrapper has the same type set: an interface is identical to
// its literal as a constraint, by its type set. What such a literal names
// must itself be writable: an unexported method or type fails, as no code
// outside its package could write it.
func (w *TypeWriter) constraint(t types.Type) *jen.Statement {
	var obj *types.TypeName
	switch n := t.(type) {
	case *types.Named:
		obj = n.Obj()
	case *types.Alias:
		obj = n.Obj()
	}
	iface, isIface := t.Underlying().(*types.Interface)
	if obj == nil || !isIface || obj.Exported() || obj.Pkg() == nil || obj.Pkg().Path() == w.local.Path() {
		return w.Typ(t)
	}
	return w.interfaceType(iface)
}

// checkMember fails on an unexported field or method of another package,
// which code of this package cannot write.
func (w *TypeWriter) checkMember(pkg *types.Package, name string, exported bool, what string) {
	if !exported && pkg != nil && pkg.Path() != w.local.Path() {
		w.fail("%s %s of package %s is not exported", what, name, pkg.Name())
	}
}

// union writes a term list such as ~int | string.
func (w *TypeWriter) union(t *types.Union) *jen.Statement {
	u := jen.Null()
	width := 0
	for i := range t.Len() {
		term := t.Term(i)
		var code *jen.Statement
		if term.Tilde() {
			code = jen.Op("~").Add(w.Typ(term.Type()))
		} else {
			code = w.constraint(term.Type())
		}
		termWidth := len(term.String()) + len(" | ")
		if i > 0 {
			u.Op("|")
			if width+termWidth > maxUnionWidth {
				u.Line()
				width = 0
			}
		}
		u.Add(code)
		width += termWidth
	}
	return u
}

// maxUnionWidth is the width past which a union's terms go on to another
// line, so that a constraint spelled in a generated signature stays within
// its 100 columns.
const maxUnionWidth = 72

// TypeParamList names each type parameter in the scope and returns the
// declaration list ([T any, S ~[]T]); constraints may refer to any of them.
func (w *TypeWriter) TypeParamList(sc *goname.Scope, all []*types.TypeParam) []jen.Code {
	for _, tp := range all {
		name := tp.Obj().Name()
		if given, ok := w.names[tp]; ok {
			name = given
		}
		w.tparams[tp] = sc.Fresh(name)
	}
	decls := make([]jen.Code, len(all))
	for i, tp := range all {
		decls[i] = jen.Id(w.tparams[tp]).Add(w.constraint(tp.Constraint()))
	}
	return decls
}

// TypeDeclParams is TypeParamList for a type declaration. A lone type
// parameter whose constraint starts with a pointer is written as
// [P interface{ *int }]: type T[P *int] reads as an array type whose length
// is P * int.
func (w *TypeWriter) TypeDeclParams(sc *goname.Scope, all []*types.TypeParam) []jen.Code {
	decls := w.TypeParamList(sc, all)
	if len(all) == 1 && startsWithPointer(all[0].Constraint()) {
		decls[0] = jen.Id(w.tparams[all[0]]).Interface(w.Typ(all[0].Constraint()))
	}
	return decls
}

// startsWithPointer reports whether a constraint is written as a term list
// whose first term is a pointer type: *int, or *int | *string.
func startsWithPointer(t types.Type) bool {
	iface, ok := t.(*types.Interface)
	if !ok || !iface.IsImplicit() || iface.NumEmbeddeds() != 1 {
		return false
	}
	first := iface.EmbeddedType(0)
	if u, ok := first.(*types.Union); ok {
		if u.Term(0).Tilde() {
			return false
		}
		first = u.Term(0).Type()
	}
	_, ok = first.(*types.Pointer)
	return ok
}

// GeneratedType explains an invalid type in a wrapped signature: type errors
// are reported, but for uses of names that gathergen generates, which the
// load (leaving earlier output out) never sees.
const GeneratedType = "its signature uses a type that gathergen generates, which does not exist while gathergen runs"
