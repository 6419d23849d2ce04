package emit

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"go/types"
	goruntime "runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/goname"
	"github.com/gathergen/gathergen/generator/internal/model"
	"github.com/gathergen/gathergen/generator/internal/typecode"
)

// emitter renders a model as Go source with jennifer.
type emitter struct {
	m *model.Model
	f *jen.File
	// reserved holds every name that generated code may refer to: the
	// package's top-level names, the file's imports and the predeclared
	// types and constants. Every function starts its own scope from it.
	reserved map[string]bool
	// imports holds the local name and the package name of every import
	// path that the file may import.
	imports map[string]importName
}

// ChunkUnits is how many wrappers and groups a chunk of a large generated
// file holds: some 30 KiB of code, worth formatting on a goroutine of its
// own.
const ChunkUnits = 64

// Gathers renders the generated file of a model and formats it: in chunks of
// ChunkUnits wrappers and groups when the program may run more than one
// goroutine at once.
func Gathers(m *model.Model) ([]byte, error) {
	n := ChunkUnits
	if goruntime.GOMAXPROCS(0) < 2 {
		n = 0
	}
	return Chunks(m, n)
}

// Chunks renders the generated file of a model (header, kept build
// constraint, package clause, imports and declarations) and formats it.
// When the model has more than n wrappers and groups (n > 0), it renders
// them n at a time, and formats each chunk while it renders the next (see
// DeclChunks); otherwise it formats the file at once.
func Chunks(m *model.Model, n int) ([]byte, error) {
	e := &emitter{m: m, f: jen.NewFilePathName(m.Pkg.Path(), m.Pkg.Name())}
	e.f.NoFormat = true // formatted by emitChunks, with the header
	e.nameImports()
	units := e.units()
	if n < 1 || len(units) <= n {
		for _, unit := range units {
			unit()
		}
		var body bytes.Buffer
		if err := e.f.Render(&body); err != nil {
			return nil, err
		}
		return format.Source(e.head(body.Bytes()))
	}
	// The file renders each chunk in turn with a group of its own, so
	// that it registers every import as it is used; rendered without
	// declarations, it then gives the package clause and the imports of
	// all chunks, and before that the part of each chunk's output that
	// precedes its declarations.
	var chunks DeclChunks
	var full, prefix bytes.Buffer
	for start := 0; start < len(units); start += n {
		e.f.Group = jen.NewFile(m.Pkg.Name()).Group
		for _, unit := range units[start:min(start+n, len(units))] {
			unit()
		}
		full.Reset()
		if err := e.f.Render(&full); err != nil {
			return nil, err
		}
		e.f.Group = jen.NewFile(m.Pkg.Name()).Group
		prefix.Reset()
		if err := e.f.Render(&prefix); err != nil {
			return nil, err
		}
		chunks.Add(bytes.Clone(full.Bytes()[prefix.Len():]))
	}
	return chunks.Format(e.head(prefix.Bytes()))
}

// units returns the functions that add the declarations of the file, in
// order: the version guard, each wrapper (with its result struct) and each
// group.
func (e *emitter) units() []func() {
	units := make([]func(), 0, len(e.m.Wrappers)+len(e.m.Groups)+1)
	units = append(units, func() {
		versionGuard(e.f, model.GeneratedVersion, qual, "UpgradeRuntimeOrRegenerate", "the runtime", "github.com/gathergen/gathergen")
	})
	for _, w := range e.m.Wrappers {
		units = append(units, func() {
			if w.Kind == model.ResultStruct {
				e.resultStruct(w)
			}
			e.wrapper(w)
		})
	}
	for _, g := range e.m.Groups {
		units = append(units, func() { e.group(g) })
	}
	return units
}

// head puts the header and the kept build constraint before what jennifer
// rendered: the package clause, the imports (grouped as goimports groups
// them) and any declarations.
func (e *emitter) head(rendered []byte) []byte {
	src := []byte(model.Header + "\n\n")
	if e.m.Constraint != "" {
		src = append(src, "//go:build "+e.m.Constraint+"\n\n"...)
	}
	return append(src, groupImports(rendered, e.imports)...)
}

// nameImports chooses the local name of every package the file imports, so
// that no import clashes with a top-level name of the package (its test
// files' included) or with another import (the standard runtime and
// gathergen's runtime, say), and tells jennifer.
func (e *emitter) nameImports() {
	e.nameImportsOf(e.importedPackages())
}

// nameImportsOf is nameImports for the import paths of used, whose values
// are their package names.
func (e *emitter) nameImportsOf(used map[string]string) {
	paths := make([]string, 0, len(used))
	for path := range used {
		paths = append(paths, path)
	}
	slices.SortFunc(paths, func(a, b string) int {
		return cmp.Or(-cmp.Compare(btoi(goname.IsStd(a)), btoi(goname.IsStd(b))), cmp.Compare(a, b))
	})
	e.reserved = goname.Predeclared()
	e.imports = map[string]importName{}
	for name := range e.m.Reserved {
		e.reserved[name] = true
	}
	for _, path := range paths {
		name := used[path]
		for i := 1; e.reserved[name] || e.m.TestNames[name]; i++ {
			name = used[path] + strconv.Itoa(i)
		}
		e.reserved[name] = true
		e.imports[path] = importName{local: name, pkg: used[path]}
		if goname.IsStd(path) && name == used[path] {
			e.f.ImportName(path, name)
		} else {
			e.f.ImportAlias(path, name)
		}
	}
}

// btoi is 1 for true.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// importedPackages returns the package name of every import path the file
// needs.
func (e *emitter) importedPackages() map[string]string {
	names := map[string]string{"context": "context", model.RuntimePath: "runtime"}
	for _, w := range e.m.Wrappers {
		for path, pkg := range w.Imports {
			names[path] = pkg.Name()
		}
		if w.External {
			names[w.Fn.Pkg().Path()] = w.Fn.Pkg().Name()
		}
	}
	for _, g := range e.m.Groups {
		for _, w := range g.Elems {
			for path, pkg := range w.Imports {
				names[path] = pkg.Name()
			}
		}
	}
	return names
}

// qual writes a name of the runtime.
func qual(name string) *jen.Statement {
	return jen.Qual(model.RuntimePath, name)
}

// contextType writes context.Context.
func contextType() *jen.Statement {
	return jen.Qual("context", "Context")
}

// workflowContextType writes workflow.Context, the context of the
// workflow-side helpers.
func workflowContextType() *jen.Statement {
	return jen.Qual(model.WorkflowPath, "Context")
}

// valueType writes the type of the value of a wrapper's future, with the
// type parameter names that tw gives.
func valueType(w *model.Wrapper, tw *typecode.TypeWriter) *jen.Statement {
	switch w.Kind {
	case model.ResultValue, model.ResultOnly:
		return tw.Typ(w.Values()[0].Type())
	case model.ResultStruct:
		return jen.Id(w.StructName).Add(typeArgList(tw, w.TypeParams()))
	}
	return jen.Struct()
}

// typeArgs writes [T, U] for the given type parameters, or nothing.
func typeArgs(tw *typecode.TypeWriter, lists ...*types.TypeParamList) *jen.Statement {
	return typeArgList(tw, model.Flatten(lists...))
}

// typeArgList is typeArgs for a list of type parameters.
func typeArgList(tw *typecode.TypeWriter, tparams []*types.TypeParam) *jen.Statement {
	if len(tparams) == 0 {
		return jen.Null()
	}
	args := make([]jen.Code, len(tparams))
	for i, tp := range tparams {
		args[i] = tw.Typ(tp)
	}
	return jen.Types(args...)
}

// resultStruct declares the struct that holds a function's several results.
func (e *emitter) resultStruct(w *model.Wrapper) {
	tw := typecode.OfWrapper(w, w.Pkg, w.Lens)
	tparams := tw.TypeDeclParams(goname.NewScope(e.reserved), w.TypeParams())
	fields := make([]jen.Code, len(w.Fields))
	for i, v := range w.Values() {
		fields[i] = jen.Id(w.Fields[i]).Add(tw.Typ(v.Type()))
	}
	docf(e.f, "%s holds the results of %s.", w.StructName, w.Label)
	decl := jen.Type().Id(w.StructName)
	if len(tparams) > 0 {
		decl = decl.Types(tparams...)
	}
	e.f.Add(decl.Struct(fields...))
}

// param is a parameter that generated code declares and passes on.
type param struct {
	name  string
	index int // in the wrapped function's signature
}

// wrapper declares NameAsync, whose body starts the task (see start).
func (e *emitter) wrapper(w *model.Wrapper) {
	sc := goname.NewScope(e.reserved)
	tw := typecode.OfWrapper(w, w.Pkg, w.Lens)
	tparams := tw.TypeParamList(sc, w.TypeParams())
	recv := ""
	if w.HasRecv() {
		recv = sc.Fresh(w.RecvName())
	}
	ctx := sc.Fresh("ctx")
	params := make([]param, 0, w.Sig.Params().Len())
	for _, p := range w.OwnParams() {
		params = append(params, param{name: sc.Fresh(goname.BaseName(p.V.Name(), "arg"+strconv.Itoa(p.Index))), index: p.Index})
	}
	start := e.start(w, tw, sc, recv, ctx, params)
	docf(e.f, "%s starts %s in its own goroutine and returns its future.", w.Name, w.Label)
	decl := jen.Func()
	if w.Recv != nil {
		decl = decl.Params(jen.Id(recv).Add(tw.Typ(w.RecvType())))
	}
	decl = decl.Id(w.Name)
	if w.Recv != nil {
		tparams = nil // the receiver's type names them
	}
	decls := []jen.Code{jen.Id(ctx).Add(contextType())}
	if w.Self != nil {
		decls = append(decls, jen.Id(recv).Add(tw.Typ(w.Self.Typ)))
	}
	decls = append(decls, paramDecls(w, tw, params, true)...)
	future := jen.Op("*").Add(qual("Future")).Types(valueType(w, tw))
	e.f.Add(fitSignature(0, decl, tparams, decls, []jen.Code{future}).Block(start))
}

// value is one value that a wrapper carries to its task: the receiver or a
// parameter, by the wrapper's name for it, with its type (a slice for a
// variadic parameter).
type value struct {
	name string
	typ  types.Type
}

// carried lists the values that a wrapper carries to its task: the
// receiver, then the parameters.
func carried(w *model.Wrapper, recv string, params []param) []value {
	var vals []value
	if recv != "" {
		vals = append(vals, value{recv, w.RecvType()})
	}
	for _, p := range params {
		vals = append(vals, value{p.name, w.Sig.Params().At(p.index).Type()})
	}
	return vals
}

// ctxParam declares the context parameter of a task's function literal:
// named as the wrapper's where the function takes it; otherwise without a
// name when it is the only parameter, and blank when others follow.
func ctxParam(w *model.Wrapper, ctx string, alone bool) *jen.Statement {
	switch {
	case w.TakesCtx:
		return jen.Id(ctx).Add(contextType())
	case alone:
		return contextType()
	}
	return jen.Id("_").Add(contextType())
}

// start writes the call that starts a wrapper's task. The wrapper hands the
// values it carries (the receiver and the parameters) to the runtime one by
// one, GoNamed for none and GoWith to GoWith9 for one to nine, so that the
// task's function captures nothing and costs no allocation: the wrapped
// function itself where its type is the task's (a function, not generic or
// variadic, taking a context and returning a value and an error), a
// function literal otherwise. More values than that are captured by a
// closure passed to GoNamed, one allocation more.
func (e *emitter) start(w *model.Wrapper, tw *typecode.TypeWriter, sc *goname.Scope, recv, ctx string, params []param) *jen.Statement {
	vals := carried(w, recv, params)
	if len(vals) > directive.MaxGroup {
		lit := e.closure(w, tw, sc, recv, ctx, params, ctxParam(w, ctx, true))
		return fitCall(1, jen.Return, qual("GoNamed"), func(depth int) []jen.Code {
			return []jen.Code{jen.Id(ctx), jen.Lit(w.Label), lit(depth)}
		})
	}
	args := make([]jen.Code, 0, len(vals)+3)
	args = append(args, jen.Id(ctx), jen.Lit(w.Label))
	for _, v := range vals {
		args = append(args, jen.Id(v.name))
	}
	if startsAsIs(w) {
		args = append(args, callee(w, tw, recv))
		return fitCall(1, jen.Return, qual(goWith(len(vals))), func(int) []jen.Code { return args })
	}
	litParams := make([]jen.Code, 0, len(vals)+1)
	litParams = append(litParams, ctxParam(w, ctx, len(vals) == 0))
	for _, v := range vals {
		litParams = append(litParams, jen.Id(v.name).Add(tw.Typ(v.typ)))
	}
	lit := e.closure(w, tw, sc, recv, ctx, params, litParams...)
	return fitCall(1, jen.Return, qual(goWith(len(vals))), func(depth int) []jen.Code {
		return append(args[:len(args):len(args)], lit(depth))
	})
}

// startsAsIs reports whether the wrapped function can be the task's function
// as it is: its type is func(context.Context, P1, ..., Pn) (T, error).
func startsAsIs(w *model.Wrapper) bool {
	return !w.HasRecv() && w.TakesCtx && w.CtxIndex == 0 && w.Kind == model.ResultValue && !w.ConcreteErr && !w.Sig.Variadic() && w.Sig.TypeParams().Len() == 0
}

// goWith names the runtime function that starts a task of n arguments.
func goWith(n int) string {
	switch n {
	case 0:
		return "GoNamed"
	case 1:
		return "GoWith"
	}
	return "GoWith" + strconv.Itoa(n)
}

// paramDecls declares parameters with their types: ...T for a variadic one
// when it may stay variadic (it ends the declaring function's parameters),
// []T otherwise.
func paramDecls(w *model.Wrapper, tw *typecode.TypeWriter, params []param, variadic bool) []jen.Code {
	decls := make([]jen.Code, len(params))
	for i, p := range params {
		if variadic {
			decls[i] = jen.Id(p.name).Add(tw.Param(w.Sig, p.index))
		} else {
			decls[i] = jen.Id(p.name).Add(tw.Typ(w.Sig.Params().At(p.index).Type()))
		}
	}
	return decls
}

// closure writes the function that the runtime runs in its goroutine, for
// the depth at which it starts a line: it takes the given parameters (the
// context first), calls the wrapped function with the receiver and the
// parameters and maps its results onto (value, error).
func (e *emitter) closure(w *model.Wrapper, tw *typecode.TypeWriter, sc *goname.Scope, recv, ctx string, params []param, litParams ...jen.Code) func(depth int) jen.Code {
	call := callee(w, tw, recv).Call(callArgs(w, ctx, params)...)
	body := e.body(w, tw, sc, call)
	results := []jen.Code{valueType(w, tw), jen.Error()}
	return func(depth int) jen.Code {
		return fitSignature(depth, jen.Func(), nil, litParams, results).Block(body...)
	}
}

// callee writes the wrapped function: F[T], recv.M or pkg.F.
func callee(w *model.Wrapper, tw *typecode.TypeWriter, recv string) *jen.Statement {
	switch {
	case w.HasRecv():
		return jen.Id(recv).Dot(w.Fn.Name())
	case w.External:
		return jen.Qual(w.Fn.Pkg().Path(), w.Fn.Name()).Add(typeArgs(tw, w.Sig.TypeParams()))
	}
	return jen.Id(w.Fn.Name()).Add(typeArgs(tw, w.Sig.TypeParams()))
}

// callArgs writes the arguments of the call of the wrapped function: the
// parameters, and the context where the function takes one.
func callArgs(w *model.Wrapper, ctx string, params []param) []jen.Code {
	if !w.TakesCtx {
		return paramArgs(w, nil, params)
	}
	before := 0
	for before < len(params) && params[before].index < w.CtxIndex {
		before++
	}
	args := paramArgs(w, nil, params[:before])
	return paramArgs(w, append(args, jen.Id(ctx)), params[before:])
}

// paramArgs appends to args the parameters passed on by name, the variadic
// one spread.
func paramArgs(w *model.Wrapper, args []jen.Code, params []param) []jen.Code {
	for _, p := range params {
		arg := jen.Id(p.name)
		if w.Sig.Variadic() && p.index == w.Sig.Params().Len()-1 {
			arg = arg.Op("...")
		}
		args = append(args, arg)
	}
	return args
}

// body writes the closure's statements for each kind of result.
func (e *emitter) body(w *model.Wrapper, tw *typecode.TypeWriter, sc *goname.Scope, call *jen.Statement) []jen.Code {
	if w.ConcreteErr {
		return e.checkedBody(w, tw, sc, call)
	}
	switch w.Kind {
	case model.ResultValue:
		return []jen.Code{jen.Return(call)}
	case model.ResultOnly:
		return []jen.Code{jen.Return(call, jen.Nil())}
	case model.ResultError:
		return []jen.Code{jen.Return(jen.Struct().Values(), call)}
	case model.ResultNone:
		return []jen.Code{call, jen.Return(jen.Struct().Values(), jen.Nil())}
	}
	locals, value := e.resultLocals(w, tw, sc)
	errValue := jen.Nil()
	if w.LastErr {
		errName := sc.Fresh("err")
		locals = append(locals, jen.Id(errName))
		errValue = jen.Id(errName)
	}
	return []jen.Code{
		jen.List(locals...).Op(":=").Add(call),
		jen.Return(value, errValue),
	}
}

// checkedBody writes the statements of a closure whose function returns an
// error of another type than error (*MyError): the error is returned only
// when it is not nil, so that a nil *MyError is no failure.
//
//	v, err := F(ctx, id)
//	if err != nil {
//		return v, err
//	}
//	return v, nil
func (e *emitter) checkedBody(w *model.Wrapper, tw *typecode.TypeWriter, sc *goname.Scope, call *jen.Statement) []jen.Code {
	var locals []jen.Code
	var value jen.Code
	switch w.Kind {
	case model.ResultValue:
		v := sc.Fresh("v")
		locals, value = []jen.Code{jen.Id(v)}, jen.Id(v)
	case model.ResultError:
		value = jen.Struct().Values()
	default:
		locals, value = e.resultLocals(w, tw, sc)
	}
	err := sc.Fresh("err")
	return []jen.Code{
		jen.List(append(locals, jen.Id(err))...).Op(":=").Add(call),
		jen.If(jen.Id(err).Op("!=").Nil()).Block(jen.Return(value, jen.Id(err))),
		jen.Return(value, jen.Nil()),
	}
}

// resultLocals names a local for each value of a result struct, and writes
// the struct's literal made of them.
func (e *emitter) resultLocals(w *model.Wrapper, tw *typecode.TypeWriter, sc *goname.Scope) ([]jen.Code, jen.Code) {
	locals := make([]jen.Code, 0, len(w.Fields)+1)
	values := make([]jen.Code, len(w.Fields))
	for i, field := range w.Fields {
		local := sc.Fresh("r" + strconv.Itoa(i))
		locals = append(locals, jen.Id(local))
		values[i] = jen.Id(field).Op(":").Id(local)
	}
	return locals, valueType(w, tw).Values(values...)
}

// group declares a gather helper: it takes a context and the elements'
// parameters (see groupParams), starts every element and gathers the
// results with the runtime's GatherN. A group whose methods are all of one
// type is a method of that type (see group.recv).
func (e *emitter) group(g *model.Group) {
	sc := goname.NewScope(e.reserved)
	tw := typecode.NewTypeWriter(g.Pkg, g.Lens)
	recv := ""
	if g.Recv != nil {
		recv = sc.Fresh(g.RecvName())
	}
	ctx := sc.Fresh("ctx")
	var tparams, results, calls []jen.Code
	for _, w := range g.Elems {
		typecode.NameTypeParams(w, tw)
		tparams = append(tparams, tw.TypeParamList(sc, w.TypeParams())...)
	}
	decls, names := groupParams(g, sc, tw, recv)
	for i, w := range g.Elems {
		results = append(results, valueType(w, tw))
		calls = append(calls, groupCall(w, tw, ctx, names[i][0].name, names[i][1:]))
	}
	decl := jen.Func()
	if recv != "" {
		decl = decl.Params(jen.Id(recv).Add(tw.Typ(g.RecvType())))
	}
	decl = decl.Id(g.Name)
	decls = append([]jen.Code{jen.Id(ctx).Add(contextType())}, decls...)
	results = append(results, jen.Error())
	gather := qual(fmt.Sprintf("Gather%d", len(g.Elems)))
	if !g.Scoped {
		docf(e.f, "%s starts %s and gathers their results: the first failure cancels the others.", g.Name, labels(g))
		e.f.Add(fitSignature(0, decl, tparams, decls, results).Block(
			fitCall(1, jen.Return, gather, func(int) []jen.Code { return append([]jen.Code{jen.Id(ctx)}, calls...) }),
		))
		return
	}
	docf(e.f, "%s starts %s in a runtime.Scope and gathers their results: the first failure cancels the others, and %[1]s returns only once every task that they started has returned.", g.Name, labels(g))
	e.f.Add(fitSignature(0, decl, tparams, decls, results).Block(
		scopedGather(sc, qual("Scope"), contextType(), ctx, gather, calls, results)...,
	))
}

// scopedGather writes the body of a group helper whose gather runs in a
// scope: the results are declared first, the gather sets them inside the
// body of scope (runtime.Scope or gtemporal.Scope, whose body takes a
// context of type ctxType, named ctx as the helper's so that every call
// starts under the scope), and the helper returns them with the scope's
// error. results are the helper's result types, the error last.
func scopedGather(sc *goname.Scope, scope, ctxType *jen.Statement, ctx string, gather *jen.Statement, calls, results []jen.Code) []jen.Code {
	var stmts, vals []jen.Code
	for i, typ := range results[:len(results)-1] {
		r := sc.Fresh("r" + strconv.Itoa(i))
		stmts = append(stmts, jen.Var().Id(r).Add(typ))
		vals = append(vals, jen.Id(r))
	}
	err := sc.Fresh("err")
	set := fitCall(2, func(code ...jen.Code) *jen.Statement {
		return jen.List(append(vals, jen.Id(err))...).Op("=").Add(code...)
	}, gather, func(int) []jen.Code { return append([]jen.Code{jen.Id(ctx)}, calls...) })
	body := jen.Func().Params(jen.Id(ctx).Add(ctxType)).Error().Block(
		jen.Var().Id(err).Error(),
		set,
		jen.Return(jen.Id(err)),
	)
	stmts = append(stmts,
		jen.Id(err).Op(":=").Add(scope).Call(jen.Id(ctx), body),
		jen.Return(append(vals, jen.Id(err))...),
	)
	return stmts
}

// groupCall writes the call of an element's wrapper.
func groupCall(w *model.Wrapper, tw *typecode.TypeWriter, ctx, recv string, params []param) *jen.Statement {
	switch {
	case w.Recv != nil:
		return jen.Id(recv).Dot(w.Name).Call(paramArgs(w, []jen.Code{jen.Id(ctx)}, params)...)
	case w.Self != nil:
		fn := jen.Id(w.Name).Add(typeArgList(tw, w.TypeParams()))
		return fn.Call(paramArgs(w, []jen.Code{jen.Id(ctx), jen.Id(recv)}, params)...)
	}
	fn := jen.Id(w.Name).Add(typeArgs(tw, w.Sig.TypeParams()))
	return fn.Call(paramArgs(w, []jen.Code{jen.Id(ctx)}, params)...)
}

// occurrence is one value that an element of a group takes: its receiver
// (index -1) or a parameter, with the name it is declared with, "" when it
// has none (unnamed or blank).
type occurrence struct {
	elem, index int
	name        string
	typ         types.Type
}

// groupParams declares the parameters of a group helper (after ctx) and
// names, for each element, the receiver (an empty name for a function) and
// the parameters that its wrapper is called with. In a method group, every
// receiver is the helper's, recv. Otherwise, parameters that have the same
// name in several elements become one parameter where all have identical
// types, declared where the name first appears; where their types differ,
// each is prefixed with its function's name (id becomes fetchUserID), as
// is a name that is taken (the receiver of a method wrapped as a function
// takes its type's name instead: client), and unnamed parameters are never
// shared. The
// last parameter stays variadic where it is the last element's variadic
// parameter.
func groupParams(g *model.Group, sc *goname.Scope, tw *typecode.TypeWriter, recv string) (decls []jen.Code, names [][]param) {
	var occs []occurrence
	byName := map[string][]int{}
	names = make([][]param, len(g.Elems))
	for i, w := range g.Elems {
		names[i] = []param{{index: -1}}
		switch {
		case w.Recv != nil && recv != "":
			names[i][0].name = recv
		case w.Recv != nil:
			occs = append(occs, occurrence{i, -1, sourceName(w.Sig.Recv().Name()), w.RecvType()})
		case w.Self != nil:
			occs = append(occs, occurrence{i, -1, w.RecvName(), w.RecvType()})
		}
		for _, p := range w.OwnParams() {
			names[i] = append(names[i], param{index: p.Index})
			occs = append(occs, occurrence{i, p.Index, sourceName(p.V.Name()), p.V.Type()})
		}
	}
	for j, o := range occs {
		if o.name != "" {
			byName[o.name] = append(byName[o.name], j)
		}
	}
	declared := map[string]string{} // shared names, as declared
	var last *occurrence
	for _, o := range occs {
		w := g.Elems[o.elem]
		name, shared := declared[o.name]
		if !shared {
			name = goname.BaseName(o.name, argName(o.index))
			same := byName[o.name]
			sharable := o.name != "" && len(same) > 1 && identicalAll(occs, same)
			if !sharable && len(same) > 1 || !sc.Free(name) && !sharable {
				name = prefixed(w, o.index, name)
			}
			name = sc.Fresh(name)
			if sharable {
				declared[o.name] = name
			}
			decls = append(decls, jen.Id(name).Add(tw.Typ(o.typ)))
			last = &o
		}
		slot := 0
		if o.index >= 0 {
			slot = 1 + slices.IndexFunc(w.OwnParams(), func(p model.Indexed) bool { return p.Index == o.index })
		}
		names[o.elem][slot].name = name
	}
	if w := g.Elems[len(g.Elems)-1]; last != nil && last.elem == len(g.Elems)-1 && w.Sig.Variadic() && last.index == w.Sig.Params().Len()-1 {
		decls[len(decls)-1] = jen.Id(names[last.elem][len(names[last.elem])-1].name).Add(tw.Param(w.Sig, last.index))
	}
	return decls, names
}

// prefixed is the name of an element's parameter (index -1 for its
// receiver) whose own name another takes: prefixed with the function's name
// (id becomes fetchUserID), or, for the receiver of a method wrapped as a
// function, the type's name (c becomes client).
func prefixed(w *model.Wrapper, index int, name string) string {
	if index < 0 && w.Self != nil {
		return goname.LowerFirst(w.Self.Obj.Name())
	}
	return goname.LowerFirst(w.Fn.Name()) + goname.UpperFirst(name)
}

// sourceName is a parameter's name, or "" for an unnamed or blank one.
func sourceName(name string) string {
	return goname.BaseName(name, "")
}

// argName names an unnamed parameter by its index: arg0, arg1, ...; recv
// for a receiver (index -1).
func argName(index int) string {
	if index < 0 {
		return "recv"
	}
	return "arg" + strconv.Itoa(index)
}

// identicalAll reports whether the occurrences at the given places have
// identical types and belong to different elements.
func identicalAll(occs []occurrence, at []int) bool {
	elems := map[int]bool{}
	for _, j := range at {
		if elems[occs[j].elem] || !types.Identical(occs[j].typ, occs[at[0]].typ) {
			return false
		}
		elems[occs[j].elem] = true
	}
	return true
}

// labels lists a group's elements for its doc comment: "F, G and T.M".
func labels(g *model.Group) string {
	names := make([]string, len(g.Elems))
	for i, w := range g.Elems {
		names[i] = w.Label
	}
	last := len(names) - 1
	return strings.Join(names[:last], ", ") + " and " + names[last]
}
