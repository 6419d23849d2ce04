package generator

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
)

// emitter renders a model as Go source with jennifer.
type emitter struct {
	m *model
	f *jen.File
	// reserved holds every name that generated code may refer to: the
	// package's top-level names, the file's imports and the predeclared
	// types and constants. Every function starts its own scope from it.
	reserved map[string]bool
}

// chunkUnits is how many wrappers and groups a chunk of a large generated
// file holds: some 30 KiB of code, worth formatting on a goroutine of its
// own.
const chunkUnits = 64

// emit renders the generated file of a model and formats it: in chunks of
// chunkUnits wrappers and groups when the program may run more than one
// goroutine at once.
func emit(m *model) ([]byte, error) {
	n := chunkUnits
	if goruntime.GOMAXPROCS(0) < 2 {
		n = 0
	}
	return emitChunks(m, n)
}

// emitChunks renders the generated file of a model (header, kept build
// constraint, package clause, imports and declarations) and formats it.
// When the model has more than n wrappers and groups (n > 0), it renders
// them n at a time, and formats each chunk while it renders the next (see
// declChunks); otherwise it formats the file at once.
func emitChunks(m *model, n int) ([]byte, error) {
	e := &emitter{m: m, f: jen.NewFilePathName(m.pkg.Path(), m.pkg.Name())}
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
	var chunks declChunks
	var full, prefix bytes.Buffer
	for start := 0; start < len(units); start += n {
		e.f.Group = jen.NewFile(m.pkg.Name()).Group
		for _, unit := range units[start:min(start+n, len(units))] {
			unit()
		}
		full.Reset()
		if err := e.f.Render(&full); err != nil {
			return nil, err
		}
		e.f.Group = jen.NewFile(m.pkg.Name()).Group
		prefix.Reset()
		if err := e.f.Render(&prefix); err != nil {
			return nil, err
		}
		chunks.add(bytes.Clone(full.Bytes()[prefix.Len():]))
	}
	return chunks.format(e.head(prefix.Bytes()))
}

// units returns the functions that add the declarations of each wrapper
// (with its result struct) and of each group to the file, in order.
func (e *emitter) units() []func() {
	units := make([]func(), 0, len(e.m.wrappers)+len(e.m.groups))
	for _, w := range e.m.wrappers {
		units = append(units, func() {
			if w.kind == resultStruct {
				e.resultStruct(w)
			}
			e.wrapper(w)
		})
	}
	for _, g := range e.m.groups {
		units = append(units, func() { e.group(g) })
	}
	return units
}

// head puts the header and the kept build constraint before what jennifer
// rendered: the package clause, the imports and any declarations.
func (e *emitter) head(rendered []byte) []byte {
	src := []byte(header + "\n\n")
	if e.m.constraint != "" {
		src = append(src, "//go:build "+e.m.constraint+"\n\n"...)
	}
	return append(src, rendered...)
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
		return cmp.Or(-cmp.Compare(btoi(isStd(a)), btoi(isStd(b))), cmp.Compare(a, b))
	})
	e.reserved = predeclared()
	for name := range e.m.reserved {
		e.reserved[name] = true
	}
	for _, path := range paths {
		name := used[path]
		for i := 1; e.reserved[name] || e.m.testNames[name]; i++ {
			name = used[path] + strconv.Itoa(i)
		}
		e.reserved[name] = true
		if isStd(path) && name == used[path] {
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
	names := map[string]string{"context": "context", runtimePath: "runtime"}
	for _, w := range e.m.wrappers {
		for path, pkg := range w.imports {
			names[path] = pkg.Name()
		}
		if w.external {
			names[w.fn.Pkg().Path()] = w.fn.Pkg().Name()
		}
	}
	for _, g := range e.m.groups {
		for _, w := range g.elems {
			for path, pkg := range w.imports {
				names[path] = pkg.Name()
			}
		}
	}
	return names
}

// qual writes a name of the runtime.
func qual(name string) *jen.Statement {
	return jen.Qual(runtimePath, name)
}

// contextType writes context.Context.
func contextType() *jen.Statement {
	return jen.Qual("context", "Context")
}

// valueType writes the type of the value of a wrapper's future, with the
// type parameter names that tw gives.
func valueType(w *wrapper, tw *typeWriter) *jen.Statement {
	switch w.kind {
	case resultValue, resultOnly:
		return tw.typ(w.values()[0].Type())
	case resultStruct:
		return jen.Id(w.structName).Add(typeArgList(tw, w.typeParams()))
	}
	return jen.Struct()
}

// typeArgs writes [T, U] for the given type parameters, or nothing.
func typeArgs(tw *typeWriter, lists ...*types.TypeParamList) *jen.Statement {
	return typeArgList(tw, flatten(lists...))
}

// typeArgList is typeArgs for a list of type parameters.
func typeArgList(tw *typeWriter, tparams []*types.TypeParam) *jen.Statement {
	if len(tparams) == 0 {
		return jen.Null()
	}
	args := make([]jen.Code, len(tparams))
	for i, tp := range tparams {
		args[i] = tw.typ(tp)
	}
	return jen.Types(args...)
}

// resultStruct declares the struct that holds a function's several results.
func (e *emitter) resultStruct(w *wrapper) {
	tw := w.typeWriter(w.pkg, w.lens)
	tparams := tw.typeDeclParams(newScope(e.reserved), w.typeParams())
	fields := make([]jen.Code, len(w.fields))
	for i, v := range w.values() {
		fields[i] = jen.Id(w.fields[i]).Add(tw.typ(v.Type()))
	}
	e.f.Commentf("%s holds the results of %s.", w.structName, w.label)
	decl := jen.Type().Id(w.structName)
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
func (e *emitter) wrapper(w *wrapper) {
	sc := newScope(e.reserved)
	tw := w.typeWriter(w.pkg, w.lens)
	tparams := tw.typeParamList(sc, w.typeParams())
	recv := ""
	if w.hasRecv() {
		recv = sc.fresh(w.recvName())
	}
	ctx := sc.fresh("ctx")
	params := make([]param, 0, w.sig.Params().Len())
	for _, p := range w.ownParams() {
		params = append(params, param{name: sc.fresh(baseName(p.v.Name(), "arg"+strconv.Itoa(p.index))), index: p.index})
	}
	start := e.start(w, tw, sc, recv, ctx, params)
	e.f.Commentf("%s starts %s in its own goroutine and returns its future.", w.name, w.label)
	decl := jen.Func()
	if w.recv != nil {
		decl = decl.Params(jen.Id(recv).Add(tw.typ(w.recvType())))
	}
	decl = decl.Id(w.name)
	if w.recv == nil && len(tparams) > 0 {
		decl = decl.Types(tparams...)
	}
	decls := []jen.Code{jen.Id(ctx).Add(contextType())}
	if w.self != nil {
		decls = append(decls, jen.Id(recv).Add(tw.typ(w.self.typ)))
	}
	decls = append(decls, paramDecls(w, tw, params, true)...)
	e.f.Add(decl.Params(decls...).Op("*").Add(qual("Future")).Types(valueType(w, tw)).Block(jen.Return(start)))
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
func carried(w *wrapper, recv string, params []param) []value {
	var vals []value
	if recv != "" {
		vals = append(vals, value{recv, w.recvType()})
	}
	for _, p := range params {
		vals = append(vals, value{p.name, w.sig.Params().At(p.index).Type()})
	}
	return vals
}

// ctxParam declares the context parameter of a task's function literal:
// named as the wrapper's where the function takes it; otherwise without a
// name when it is the only parameter, and blank when others follow.
func ctxParam(w *wrapper, ctx string, alone bool) *jen.Statement {
	switch {
	case w.takesCtx:
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
func (e *emitter) start(w *wrapper, tw *typeWriter, sc *scope, recv, ctx string, params []param) *jen.Statement {
	vals := carried(w, recv, params)
	if len(vals) > MaxArity {
		lit := e.closure(w, tw, sc, recv, ctx, params, ctxParam(w, ctx, true))
		return qual("GoNamed").Call(jen.Id(ctx), jen.Lit(w.label), lit)
	}
	args := make([]jen.Code, 0, len(vals)+3)
	args = append(args, jen.Id(ctx), jen.Lit(w.label))
	for _, v := range vals {
		args = append(args, jen.Id(v.name))
	}
	if startsAsIs(w) {
		return qual(goWith(len(vals))).Call(append(args, callee(w, tw, recv))...)
	}
	litParams := make([]jen.Code, 0, len(vals)+1)
	litParams = append(litParams, ctxParam(w, ctx, len(vals) == 0))
	for _, v := range vals {
		litParams = append(litParams, jen.Id(v.name).Add(tw.typ(v.typ)))
	}
	lit := e.closure(w, tw, sc, recv, ctx, params, litParams...)
	return qual(goWith(len(vals))).Call(append(args, lit)...)
}

// startsAsIs reports whether the wrapped function can be the task's function
// as it is: its type is func(context.Context, P1, ..., Pn) (T, error).
func startsAsIs(w *wrapper) bool {
	return !w.hasRecv() && w.takesCtx && w.kind == resultValue && !w.concreteErr && !w.sig.Variadic() && w.sig.TypeParams().Len() == 0
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

// ownParams returns the wrapped function's parameters that the wrapper
// declares itself, in order and with their indexes in the signature: all but
// a leading context.
func (w *wrapper) ownParams() []indexed {
	var vars []indexed
	for i := range w.sig.Params().Len() {
		if i > 0 || !w.takesCtx {
			vars = append(vars, indexed{w.sig.Params().At(i), i})
		}
	}
	return vars
}

// indexed is a parameter and its index in the signature.
type indexed struct {
	v     *types.Var
	index int
}

// baseName is a source name, or def for an unnamed or blank one.
func baseName(name, def string) string {
	if name == "" || name == "_" {
		return def
	}
	return name
}

// paramDecls declares parameters with their types: ...T for a variadic one
// when it may stay variadic (it ends the declaring function's parameters),
// []T otherwise.
func paramDecls(w *wrapper, tw *typeWriter, params []param, variadic bool) []jen.Code {
	decls := make([]jen.Code, len(params))
	for i, p := range params {
		if variadic {
			decls[i] = jen.Id(p.name).Add(tw.param(w.sig, p.index))
		} else {
			decls[i] = jen.Id(p.name).Add(tw.typ(w.sig.Params().At(p.index).Type()))
		}
	}
	return decls
}

// closure writes the function that the runtime runs in its goroutine: it
// takes the given parameters (the context first), calls the wrapped
// function with the receiver and the parameters and maps its results onto
// (value, error).
func (e *emitter) closure(w *wrapper, tw *typeWriter, sc *scope, recv, ctx string, params []param, litParams ...jen.Code) *jen.Statement {
	call := callee(w, tw, recv).Call(callArgs(w, ctx, params)...)
	return jen.Func().Params(litParams...).Params(valueType(w, tw), jen.Error()).Block(e.body(w, tw, sc, call)...)
}

// callee writes the wrapped function: F[T], recv.M or pkg.F.
func callee(w *wrapper, tw *typeWriter, recv string) *jen.Statement {
	switch {
	case w.hasRecv():
		return jen.Id(recv).Dot(w.fn.Name())
	case w.external:
		return jen.Qual(w.fn.Pkg().Path(), w.fn.Name()).Add(typeArgs(tw, w.sig.TypeParams()))
	}
	return jen.Id(w.fn.Name()).Add(typeArgs(tw, w.sig.TypeParams()))
}

// callArgs writes the arguments of the call of the wrapped function: the
// context where the function takes one, then the parameters.
func callArgs(w *wrapper, ctx string, params []param) []jen.Code {
	var args []jen.Code
	if w.takesCtx {
		args = append(args, jen.Id(ctx))
	}
	return paramArgs(w, args, params)
}

// paramArgs appends to args the parameters passed on by name, the variadic
// one spread.
func paramArgs(w *wrapper, args []jen.Code, params []param) []jen.Code {
	for _, p := range params {
		arg := jen.Id(p.name)
		if w.sig.Variadic() && p.index == w.sig.Params().Len()-1 {
			arg = arg.Op("...")
		}
		args = append(args, arg)
	}
	return args
}

// body writes the closure's statements for each kind of result.
func (e *emitter) body(w *wrapper, tw *typeWriter, sc *scope, call *jen.Statement) []jen.Code {
	if w.concreteErr {
		return e.checkedBody(w, tw, sc, call)
	}
	switch w.kind {
	case resultValue:
		return []jen.Code{jen.Return(call)}
	case resultOnly:
		return []jen.Code{jen.Return(call, jen.Nil())}
	case resultError:
		return []jen.Code{jen.Return(jen.Struct().Values(), call)}
	case resultNone:
		return []jen.Code{call, jen.Return(jen.Struct().Values(), jen.Nil())}
	}
	locals, value := e.resultLocals(w, tw, sc)
	errValue := jen.Nil()
	if w.lastErr {
		errName := sc.fresh("err")
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
func (e *emitter) checkedBody(w *wrapper, tw *typeWriter, sc *scope, call *jen.Statement) []jen.Code {
	var locals []jen.Code
	var value jen.Code
	switch w.kind {
	case resultValue:
		v := sc.fresh("v")
		locals, value = []jen.Code{jen.Id(v)}, jen.Id(v)
	case resultError:
		value = jen.Struct().Values()
	default:
		locals, value = e.resultLocals(w, tw, sc)
	}
	err := sc.fresh("err")
	return []jen.Code{
		jen.List(append(locals, jen.Id(err))...).Op(":=").Add(call),
		jen.If(jen.Id(err).Op("!=").Nil()).Block(jen.Return(value, jen.Id(err))),
		jen.Return(value, jen.Nil()),
	}
}

// resultLocals names a local for each value of a result struct, and writes
// the struct's literal made of them.
func (e *emitter) resultLocals(w *wrapper, tw *typeWriter, sc *scope) ([]jen.Code, jen.Code) {
	locals := make([]jen.Code, 0, len(w.fields)+1)
	values := make([]jen.Code, len(w.fields))
	for i, field := range w.fields {
		local := sc.fresh("r" + strconv.Itoa(i))
		locals = append(locals, jen.Id(local))
		values[i] = jen.Id(field).Op(":").Id(local)
	}
	return locals, valueType(w, tw).Values(values...)
}

// group declares a gather helper: it takes a context and the elements'
// parameters (see groupParams), starts every element and gathers the
// results with the runtime's GatherN. A group whose methods are all of one
// type is a method of that type (see group.recv).
func (e *emitter) group(g *group) {
	sc := newScope(e.reserved)
	tw := newTypeWriter(g.pkg, g.lens)
	recv := ""
	if g.recv != nil {
		recv = sc.fresh(g.recvName())
	}
	ctx := sc.fresh("ctx")
	var tparams, results, calls []jen.Code
	for _, w := range g.elems {
		w.nameTypeParams(tw)
		tparams = append(tparams, tw.typeParamList(sc, w.typeParams())...)
	}
	decls, names := groupParams(g, sc, tw, recv)
	for i, w := range g.elems {
		results = append(results, valueType(w, tw))
		calls = append(calls, groupCall(w, tw, ctx, names[i][0].name, names[i][1:]))
	}
	e.f.Commentf("%s starts %s and gathers their results: the first failure cancels the others.", g.name, labels(g))
	decl := jen.Func()
	if recv != "" {
		decl = decl.Params(jen.Id(recv).Add(tw.typ(g.recvType())))
	}
	decl = decl.Id(g.name)
	if len(tparams) > 0 {
		decl = decl.Types(tparams...)
	}
	decls = append([]jen.Code{jen.Id(ctx).Add(contextType())}, decls...)
	results = append(results, jen.Error())
	gather := qual(fmt.Sprintf("Gather%d", len(g.elems))).Call(append([]jen.Code{jen.Id(ctx)}, calls...)...)
	e.f.Add(wrapSignature(decl, decls, results).Block(jen.Return(gather)))
}

// maxSignature is the width past which a group helper's parameters are
// written one per line, as gofmt-minded people wrap a long signature.
const maxSignature = 100

// wrapSignature adds the parameters and results to the head of a function
// declaration (func, receiver, name and type parameters): on one line, or,
// when that line would be wider than maxSignature, one parameter per line.
func wrapSignature(head *jen.Statement, params, results []jen.Code) *jen.Statement {
	oneLine := jen.Add(head).Params(params...).Params(results...)
	if len(fmt.Sprintf("%#v", oneLine)) <= maxSignature {
		return oneLine
	}
	multi := jen.Options{Open: "(", Close: ")", Separator: ",", Multi: true}
	return head.Custom(multi, params...).Params(results...)
}

// groupCall writes the call of an element's wrapper.
func groupCall(w *wrapper, tw *typeWriter, ctx, recv string, params []param) *jen.Statement {
	switch {
	case w.recv != nil:
		return jen.Id(recv).Dot(w.name).Call(paramArgs(w, []jen.Code{jen.Id(ctx)}, params)...)
	case w.self != nil:
		fn := jen.Id(w.name).Add(typeArgList(tw, w.typeParams()))
		return fn.Call(paramArgs(w, []jen.Code{jen.Id(ctx), jen.Id(recv)}, params)...)
	}
	fn := jen.Id(w.name).Add(typeArgs(tw, w.sig.TypeParams()))
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
func groupParams(g *group, sc *scope, tw *typeWriter, recv string) (decls []jen.Code, names [][]param) {
	var occs []occurrence
	byName := map[string][]int{}
	names = make([][]param, len(g.elems))
	for i, w := range g.elems {
		names[i] = []param{{index: -1}}
		switch {
		case w.recv != nil && recv != "":
			names[i][0].name = recv
		case w.recv != nil:
			occs = append(occs, occurrence{i, -1, sourceName(w.sig.Recv().Name()), w.recvType()})
		case w.self != nil:
			occs = append(occs, occurrence{i, -1, w.recvName(), w.recvType()})
		}
		for _, p := range w.ownParams() {
			names[i] = append(names[i], param{index: p.index})
			occs = append(occs, occurrence{i, p.index, sourceName(p.v.Name()), p.v.Type()})
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
		w := g.elems[o.elem]
		name, shared := declared[o.name]
		if !shared {
			name = baseName(o.name, argName(o.index))
			same := byName[o.name]
			sharable := o.name != "" && len(same) > 1 && identicalAll(occs, same)
			if !sharable && len(same) > 1 || !sc.free(name) && !sharable {
				name = prefixed(w, o.index, name)
			}
			name = sc.fresh(name)
			if sharable {
				declared[o.name] = name
			}
			decls = append(decls, jen.Id(name).Add(tw.typ(o.typ)))
			last = &o
		}
		slot := 0
		if o.index >= 0 {
			slot = 1 + slices.IndexFunc(w.ownParams(), func(p indexed) bool { return p.index == o.index })
		}
		names[o.elem][slot].name = name
	}
	if w := g.elems[len(g.elems)-1]; last != nil && last.elem == len(g.elems)-1 && w.sig.Variadic() && last.index == w.sig.Params().Len()-1 {
		decls[len(decls)-1] = jen.Id(names[last.elem][len(names[last.elem])-1].name).Add(tw.param(w.sig, last.index))
	}
	return decls, names
}

// prefixed is the name of an element's parameter (index -1 for its
// receiver) whose own name another takes: prefixed with the function's name
// (id becomes fetchUserID), or, for the receiver of a method wrapped as a
// function, the type's name (c becomes client).
func prefixed(w *wrapper, index int, name string) string {
	if index < 0 && w.self != nil {
		return lowerFirst(w.self.obj.Name())
	}
	return lowerFirst(w.fn.Name()) + upperFirst(name)
}

// sourceName is a parameter's name, or "" for an unnamed or blank one.
func sourceName(name string) string {
	return baseName(name, "")
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
func labels(g *group) string {
	names := make([]string, len(g.elems))
	for i, w := range g.elems {
		names[i] = w.label
	}
	last := len(names) - 1
	return strings.Join(names[:last], ", ") + " and " + names[last]
}
