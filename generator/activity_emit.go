package generator

import (
	"bytes"
	"fmt"
	"go/format"
	"go/types"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
)

// emitActivities renders and formats the activity file of a model: for
// each activity its name constant and its stub, then the registration
// helper and the workflow-side group helpers.
func emitActivities(m *model) ([]byte, error) {
	e := &emitter{m: m, f: jen.NewFilePathName(m.pkg.Path(), m.pkg.Name())}
	e.f.NoFormat = true
	e.nameImportsOf(e.activityImports())
	for _, act := range m.activities {
		e.f.Commentf("%s is the name under which %s registers %s.", act.constName, registerName, act.label)
		e.f.Const().Id(act.constName).Op("=").Lit(act.registered)
		e.stub(act)
	}
	e.registration()
	for _, g := range m.activityGroups {
		e.activityGroup(g)
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
		"context":    "context",
		temporalPath: temporalName,
		workflowPath: "workflow",
		workerPath:   "worker",
		activityPath: "activity",
	}
	for _, act := range e.m.activities {
		for path, pkg := range act.imports {
			names[path] = pkg.Name()
		}
		if act.external {
			names[act.fn.Pkg().Path()] = act.fn.Pkg().Name()
		}
	}
	return names
}

// gtemporal writes a name of gathergen's workflow-side runtime.
func gtemporal(name string) *jen.Statement {
	return jen.Qual(temporalPath, name)
}

// stubParams names the parameters of an activity's stub in sc: the
// function's own, without a leading context.
func stubParams(w *wrapper, sc *scope) []param {
	var params []param
	for _, p := range w.ownParams() {
		params = append(params, param{name: sc.fresh(baseName(p.v.Name(), "arg"+strconv.Itoa(p.index))), index: p.index})
	}
	return params
}

// stub declares the workflow-side stub of an activity: it starts the
// activity under its registered name, with the activity options of ctx,
// and returns its typed future. A variadic parameter travels as one slice.
func (e *emitter) stub(act *activity) {
	w := act.wrapper
	sc := newScope(e.reserved)
	tw := newTypeWriter(w.pkg, w.lens)
	ctx := sc.fresh("ctx")
	params := stubParams(w, sc)
	args := []jen.Code{jen.Id(ctx), jen.Id(act.constName)}
	for _, p := range params {
		args = append(args, jen.Id(p.name))
	}
	decls := append([]jen.Code{jen.Id(ctx).Qual(workflowPath, "Context")}, paramDecls(w, tw, params, true)...)
	value := valueType(w, tw)
	e.f.Commentf("%s starts the activity %s with the activity options of %s and returns its future.", act.name, act.label, ctx)
	e.f.Func().Id(act.name).Params(decls...).Op("*").Add(gtemporal("Future")).Types(value).Block(
		jen.Return(gtemporal("Execute").Types(valueType(w, tw)).Call(args...)),
	)
}

// receiver is a parameter of the registration helper: the value whose
// methods are activities.
type receiver struct {
	name string
	typ  types.Type
}

// receivers returns, in the order of the activities, one parameter for
// each type whose methods are activities: a pointer when one of them has a
// pointer receiver.
func (e *emitter) receivers(sc *scope) (map[*types.TypeName]*receiver, []*receiver) {
	byType := map[*types.TypeName]*receiver{}
	var order []*receiver
	for _, act := range e.m.activities {
		if act.recv == nil {
			continue
		}
		r := byType[act.recv]
		if r == nil {
			r = &receiver{name: sc.fresh(lowerFirst(act.recv.Name())), typ: act.sig.Recv().Type()}
			byType[act.recv] = r
			order = append(order, r)
		}
		if _, ok := act.sig.Recv().Type().(*types.Pointer); ok {
			r.typ = act.sig.Recv().Type()
		}
	}
	return byType, order
}

// registration declares RegisterActivities, which registers every activity
// under its name: the function or method value itself where Temporal can
// call it as it is, a function literal that adapts it otherwise.
func (e *emitter) registration() {
	sc := newScope(e.reserved)
	tw := newTypeWriter(e.m.pkg, e.m.lens)
	r := sc.fresh("r")
	byType, order := e.receivers(sc)
	decls := []jen.Code{jen.Id(r).Qual(workerPath, "ActivityRegistry")}
	var recvNames []string
	for _, rv := range order {
		decls = append(decls, jen.Id(rv.name).Add(tw.typ(rv.typ)))
		recvNames = append(recvNames, rv.name)
	}
	// the literals' own names avoid those of the helper, which they use
	inner := map[string]bool{}
	for name := range e.reserved {
		inner[name] = true
	}
	for name := range sc.own {
		inner[name] = true
	}
	stmts := make([]jen.Code, len(e.m.activities))
	for i, act := range e.m.activities {
		recv := ""
		if act.recv != nil {
			recv = byType[act.recv].name
		}
		options := jen.Qual(activityPath, "RegisterOptions").Values(jen.Dict{jen.Id("Name"): jen.Id(act.constName)})
		fn := e.registered(act, newTypeWriter(act.pkg, act.lens), newScope(inner), recv)
		stmts[i] = jen.Id(r).Dot("RegisterActivityWithOptions").Call(fn, options)
	}
	labels := make([]string, len(e.m.activities))
	for i, act := range e.m.activities {
		labels[i] = act.label
	}
	e.f.Commentf("%s registers with %s %s, each under the name that its ...ActivityName constant holds.%s", registerName, r, listWords(labels), receiverSentence(order))
	e.f.Func().Id(registerName).Params(decls...).Block(stmts...)
}

// receiverSentence says which parameters receive the calls of methods.
func receiverSentence(order []*receiver) string {
	if len(order) == 0 {
		return ""
	}
	names := make([]string, len(order))
	for i, rv := range order {
		names[i] = rv.name
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
// non-nil error for a failure (a nil *MyError included).
func adapts(w *wrapper) bool {
	return w.sig.Variadic() || w.concreteErr || (w.kind != resultValue && w.kind != resultError)
}

// registered writes what RegisterActivities registers for an activity: the
// function (F, recv.M, pkg.F), or a literal that takes the context where
// the function does, then its parameters (a variadic one as a slice), and
// returns (T, error), T being struct{} for a function without a value.
func (e *emitter) registered(act *activity, tw *typeWriter, sc *scope, recv string) *jen.Statement {
	w := act.wrapper
	if !adapts(w) {
		return callee(w, tw, recv)
	}
	var lit []jen.Code
	ctx := ""
	if w.takesCtx {
		ctx = sc.fresh("ctx")
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
func (e *emitter) activityGroup(g *activityGroup) {
	sc := newScope(e.reserved)
	ctx := sc.fresh("ctx")
	stubs := &group{name: g.name, pos: g.pos}
	for _, act := range g.elems {
		view := *act.wrapper
		view.recv = nil // a stub is a function, whatever the activity
		stubs.elems = append(stubs.elems, &view)
	}
	tw := newTypeWriter(g.pkg, g.lens)
	params, names := groupParams(stubs, sc, tw, "")
	decls := append([]jen.Code{jen.Id(ctx).Qual(workflowPath, "Context")}, params...)
	var results, calls []jen.Code
	for i, w := range stubs.elems {
		results = append(results, valueType(w, tw))
		calls = append(calls, jen.Id(w.name).Call(paramArgs(w, []jen.Code{jen.Id(ctx)}, names[i][1:])...))
	}
	e.f.Commentf("%s starts the activities %s and gathers their results: the first failure cancels the others.", g.name, labels(stubs))
	gather := gtemporal(fmt.Sprintf("Gather%d", len(calls))).Call(append([]jen.Code{jen.Id(ctx)}, calls...)...)
	results = append(results, jen.Error())
	e.f.Add(wrapSignature(jen.Func().Id(g.name), decls, results).Block(jen.Return(gather)))
}
