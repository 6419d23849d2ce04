package emit

import (
	"bytes"
	"fmt"
	"go/format"
	"go/types"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/goname"
	"github.com/gathergen/gathergen/generator/internal/model"
	"github.com/gathergen/gathergen/generator/internal/typecode"
)

// Activities renders and formats the activity file of a model: for
// each activity its name constant and its stub (and its Map, if it has
// one), then the registration helper and the workflow-side group helpers;
// then for each workflow its name constant, child stub and typed start, and
// the registration of the workflows and of the Maps' child workflows.
func Activities(m *model.Model) ([]byte, error) {
	e := &emitter{m: m, f: jen.NewFilePathName(m.Pkg.Path(), m.Pkg.Name())}
	e.f.NoFormat = true
	e.nameImportsOf(e.activityImports())
	version := model.GeneratedVersion
	if m.HasMap() {
		version = model.MapVersion
	}
	versionGuard(e.f, version, gtemporal, "UpgradeTemporalOrRegenerate", "gtemporal", model.TemporalPath)
	for _, act := range m.Activities {
		docf(e.f, "%s is the name under which %s registers %s.", act.ConstName, directive.RegisterName, act.Label)
		e.f.Const().Id(act.ConstName).Op("=").Lit(act.Registered)
		e.stub(act)
		if act.Map != nil {
			e.activityMap(act)
		}
	}
	if len(m.Activities) > 0 {
		e.registration()
	}
	for _, g := range m.ActivityGroups {
		e.activityGroup(g)
	}
	for _, wf := range m.Workflows {
		e.workflow(wf)
	}
	if _, ok := m.RegistersWorkflows(); ok {
		e.workflowRegistration()
	}
	var body bytes.Buffer
	if err := e.f.Render(&body); err != nil {
		return nil, err
	}
	return format.Source(e.head(body.Bytes()))
}

// activityImports returns the package name of every import path the
// activity file may need.
func (e *emitter) activityImports() map[string]string {
	names := map[string]string{
		"context":          "context",
		model.TemporalPath: model.TemporalName,
		model.WorkflowPath: "workflow",
		model.WorkerPath:   "worker",
		model.ActivityPath: "activity",
	}
	if len(e.m.Workflows) > 0 {
		names[model.ClientPath] = "client"
	}
	for _, wf := range e.m.Workflows {
		for path, pkg := range wf.Imports {
			names[path] = pkg.Name()
		}
	}
	for _, act := range e.m.Activities {
		for path, pkg := range act.Imports {
			names[path] = pkg.Name()
		}
		if act.External {
			names[act.Fn.Pkg().Path()] = act.Fn.Pkg().Name()
		}
	}
	return names
}

// gtemporal writes a name of gathergen's workflow-side runtime.
func gtemporal(name string) *jen.Statement {
	return jen.Qual(model.TemporalPath, name)
}

// stubParams names the parameters of an activity's stub in sc: the
// function's own, without a leading context.
func stubParams(w *model.Wrapper, sc *goname.Scope) []param {
	var params []param
	for _, p := range w.OwnParams() {
		params = append(params, param{name: sc.Fresh(goname.BaseName(p.V.Name(), "arg"+strconv.Itoa(p.Index))), index: p.Index})
	}
	return params
}

// stub declares the workflow-side stub of an activity: it starts the
// activity under its registered name, with the activity options of ctx
// (the local activity options for a local activity), and returns its typed
// future. A variadic parameter travels as one slice.
func (e *emitter) stub(act *model.Activity) {
	w := act.Wrapper
	sc := goname.NewScope(e.reserved)
	tw := typecode.NewTypeWriter(w.Pkg, w.Lens)
	ctx := sc.Fresh("ctx")
	params := stubParams(w, sc)
	args := withParams([]jen.Code{jen.Id(ctx), jen.Id(act.ConstName)}, params)
	decls := append([]jen.Code{jen.Id(ctx).Add(workflowContextType())}, paramDecls(w, tw, params, true)...)
	value := valueType(w, tw)
	execute := "Execute"
	if act.Local {
		execute = "ExecuteLocal"
		docf(e.f, "%s starts %s as a local activity, with the local activity options of %s, and returns its future.", act.Name, act.Label, ctx)
	} else {
		docf(e.f, "%s starts the activity %s with the activity options of %s and returns its future.", act.Name, act.Label, ctx)
	}
	future := jen.Op("*").Add(gtemporal("Future")).Types(value)
	call := fitCall(1, jen.Return, gtemporal(execute).Types(valueType(w, tw)), func(int) []jen.Code { return args })
	e.f.Add(fitSignature(0, jen.Func().Id(act.Name), nil, decls, []jen.Code{future}).Block(call))
}

// withParams returns first followed by the names of params.
func withParams(first []jen.Code, params []param) []jen.Code {
	for _, p := range params {
		first = append(first, jen.Id(p.name))
	}
	return first
}

// receiver is a field of the receivers' struct: the value whose methods
// are activities.
type receiver struct {
	field string
	typ   types.Type
}

// receivers returns, in the order of the activities, one field for each
// type whose methods are activities, named as the type: a pointer when one
// of them has a pointer receiver.
func (e *emitter) receivers() (map[*types.TypeName]*receiver, []*receiver) {
	byType := map[*types.TypeName]*receiver{}
	var order []*receiver
	for _, act := range e.m.Activities {
		if act.Recv == nil {
			continue
		}
		r := byType[act.Recv]
		if r == nil {
			r = &receiver{field: act.Recv.Name(), typ: act.Sig.Recv().Type()}
			byType[act.Recv] = r
			order = append(order, r)
		}
		if _, ok := act.Sig.Recv().Type().(*types.Pointer); ok {
			r.typ = act.Sig.Recv().Type()
		}
	}
	return byType, order
}

// receiverStruct declares the struct that RegisterActivities takes the
// receivers in, one field per type, named as the type: a call names each
// receiver, so that a new type of activities adds a field rather than a
// parameter, and two receivers of one type cannot be swapped.
func (e *emitter) receiverStruct(tw *typecode.TypeWriter, order []*receiver) {
	fields := make([]jen.Code, len(order))
	for i, rv := range order {
		fields[i] = jen.Id(rv.field).Add(tw.Typ(rv.typ))
	}
	docf(e.f, "%s holds, one field per type, the values whose methods %s registers as activities; %[2]s panics when one of its pointers is nil.", directive.ReceiversName, directive.RegisterName)
	e.f.Type().Id(directive.ReceiversName).Struct(fields...)
}

// registration declares RegisterActivities, which registers every activity
// under its name: the function or method value itself where Temporal can
// call it as it is, a function literal that adapts it otherwise. It takes
// the receivers of methods in an ActivityReceivers, and checks first that
// none of its pointers is nil.
func (e *emitter) registration() {
	sc := goname.NewScope(e.reserved)
	tw := typecode.NewTypeWriter(e.m.Pkg, e.m.Lens)
	r := sc.Fresh("r")
	byType, order := e.receivers()
	decls := []jen.Code{jen.Id(r).Qual(model.WorkerPath, "ActivityRegistry")}
	var stmts []jen.Code
	recvs := ""
	if len(order) > 0 {
		e.receiverStruct(tw, order)
		recvs = sc.Fresh("receivers")
		decls = append(decls, jen.Id(recvs).Id(directive.ReceiversName))
		for _, rv := range order {
			if _, ok := rv.typ.(*types.Pointer); ok {
				stmts = append(stmts, jen.If(jen.Id(recvs).Dot(rv.field).Op("==").Nil()).Block(
					jen.Panic(jen.Lit(directive.RegisterName+": "+directive.ReceiversName+"."+rv.field+" is nil")),
				))
			}
		}
	}
	// the literals' own names avoid those of the helper, which they use
	inner := map[string]bool{}
	for name := range e.reserved {
		inner[name] = true
	}
	for name := range sc.Own {
		inner[name] = true
	}
	for _, act := range e.m.Activities {
		recv := ""
		if act.Recv != nil {
			recv = recvs + "." + byType[act.Recv].field
		}
		options := jen.Qual(model.ActivityPath, "RegisterOptions").Values(jen.Dict{jen.Id("Name"): jen.Id(act.ConstName)})
		fn := e.registered(act, typecode.NewTypeWriter(act.Pkg, act.Lens), goname.NewScope(inner), recv)
		stmts = append(stmts, fitCall(1, statement, jen.Id(r).Dot("RegisterActivityWithOptions"), func(depth int) []jen.Code {
			return []jen.Code{fn(depth), options}
		}))
	}
	labels := make([]string, len(e.m.Activities))
	for i, act := range e.m.Activities {
		labels[i] = act.Label
	}
	docf(e.f, "%s registers with %s %s, each under the name that its ...ActivityName constant holds.%s", directive.RegisterName, r, listWords(labels), receiverSentence(recvs, order))
	e.f.Func().Id(directive.RegisterName).Params(decls...).Block(stmts...)
}

// receiverSentence says which fields of recvs receive the calls of
// methods.
func receiverSentence(recvs string, order []*receiver) string {
	if len(order) == 0 {
		return ""
	}
	names := make([]string, len(order))
	for i, rv := range order {
		names[i] = recvs + "." + rv.field
	}
	return " Methods are called on " + listWords(names) + "."
}

// listWords joins words as "a", "a and b" or "a, b and c".
func listWords(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	last := len(words) - 1
	return strings.Join(words[:last], ", ") + " and " + words[last]
}

// adapts reports whether an activity is registered through a function
// literal: Temporal calls a function that returns (T, error) or error,
// through reflection that cannot spread a variadic slice, and takes any
// non-nil error for a failure (a nil *MyError included), and passes the
// context first only.
func adapts(w *model.Wrapper) bool {
	return w.Sig.Variadic() || w.ConcreteErr || w.CtxIndex > 0 || (w.Kind != model.ResultValue && w.Kind != model.ResultError)
}

// registered writes what RegisterActivities registers for an activity: the
// function (F, recv.M, pkg.F), or a literal that takes the context where
// the function does, then its parameters (a variadic one as a slice), and
// returns (T, error), T being struct{} for a function without a value; a
// literal is written for the depth at which it starts a line.
func (e *emitter) registered(act *model.Activity, tw *typecode.TypeWriter, sc *goname.Scope, recv string) func(depth int) jen.Code {
	w := act.Wrapper
	if !adapts(w) {
		fn := callee(w, tw, recv)
		return func(int) jen.Code { return fn }
	}
	var lit []jen.Code
	ctx := ""
	if w.TakesCtx {
		ctx = sc.Fresh("ctx")
		lit = append(lit, jen.Id(ctx).Add(contextType()))
	}
	params := stubParams(w, sc)
	lit = append(lit, paramDecls(w, tw, params, false)...)
	return e.closure(w, tw, sc, recv, ctx, params, lit...)
}

// activityGroup declares the workflow-side helper of a group of activities:
// it takes a workflow context and each activity's parameters (no receiver:
// that is the worker's), starts every stub and gathers the results with
// gtemporal.GatherN.
func (e *emitter) activityGroup(g *model.ActivityGroup) {
	sc := goname.NewScope(e.reserved)
	ctx := sc.Fresh("ctx")
	stubs := &model.Group{Name: g.Name, Pos: g.Pos}
	for _, act := range g.Elems {
		view := *act.Wrapper
		view.Recv = nil // a stub is a function, whatever the activity
		stubs.Elems = append(stubs.Elems, &view)
	}
	tw := typecode.NewTypeWriter(g.Pkg, g.Lens)
	params, names := groupParams(stubs, sc, tw, "")
	decls := append([]jen.Code{jen.Id(ctx).Add(workflowContextType())}, params...)
	var results, calls []jen.Code
	for i, w := range stubs.Elems {
		results = append(results, valueType(w, tw))
		calls = append(calls, jen.Id(w.Name).Call(paramArgs(w, []jen.Code{jen.Id(ctx)}, names[i][1:])...))
	}
	results = append(results, jen.Error())
	gather := gtemporal(fmt.Sprintf("Gather%d", len(calls)))
	if !g.Scoped {
		docf(e.f, "%s starts the activities %s and gathers their results: the first failure cancels the others.", g.Name, labels(stubs))
		e.f.Add(fitSignature(0, jen.Func().Id(g.Name), nil, decls, results).Block(
			fitCall(1, jen.Return, gather, func(int) []jen.Code { return append([]jen.Code{jen.Id(ctx)}, calls...) }),
		))
		return
	}
	docf(e.f, "%s starts the activities %s in a gtemporal.Scope and gathers their results: the first failure cancels the others, and %[1]s returns only once every activity that they started has ended.", g.Name, labels(stubs))
	e.f.Add(fitSignature(0, jen.Func().Id(g.Name), nil, decls, results).Block(
		scopedGather(sc, gtemporal("Scope"), workflowContextType(), ctx, gather, calls, results)...,
	))
}
