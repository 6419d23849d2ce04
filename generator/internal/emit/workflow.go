package emit

import (
	"github.com/dave/jennifer/jen"
	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/goname"
	"github.com/gathergen/gathergen/generator/internal/model"
	"github.com/gathergen/gathergen/generator/internal/typecode"
)

// workflow declares what a workflow gets: its name constant, its child
// stub over gtemporal.ExecuteChild and its typed start over
// gtemporal.ExecuteWorkflow.
func (e *emitter) workflow(wf *model.Workflow) {
	docf(e.f, "%s is the name under which %s registers %s.", wf.ConstName, directive.RegisterWorkflowsName, wf.Label)
	e.f.Const().Id(wf.ConstName).Op("=").Lit(wf.Registered)
	e.childStub(wf)
	e.typedStart(wf)
}

// childStub declares the stub that starts a workflow as a child of the
// workflow of ctx, with ctx's child options, and returns its typed future.
func (e *emitter) childStub(wf *model.Workflow) {
	w := wf.Wrapper
	sc := goname.NewScope(e.reserved)
	tw := typecode.NewTypeWriter(w.Pkg, w.Lens)
	ctx := sc.Fresh("ctx")
	params := stubParams(w, sc)
	decls := append([]jen.Code{jen.Id(ctx).Add(workflowContextType())}, paramDecls(w, tw, params, true)...)
	args := withParams([]jen.Code{jen.Id(ctx), jen.Id(wf.ConstName)}, params)
	value := valueType(w, tw)
	docf(e.f, "%s starts the workflow %s as a child, with the child options of %s, and returns its future.", w.Name, wf.Label, ctx)
	future := jen.Op("*").Add(gtemporal("Future")).Types(value)
	e.f.Add(fitSignature(0, jen.Func().Id(w.Name), nil, decls, []jen.Code{future}).Block(
		fitCall(1, jen.Return, gtemporal("ExecuteChild").Types(valueType(w, tw)), func(int) []jen.Code { return args }),
	))
}

// typedStart declares the client's typed start of a workflow.
func (e *emitter) typedStart(wf *model.Workflow) {
	w := wf.Wrapper
	sc := goname.NewScope(e.reserved)
	tw := typecode.NewTypeWriter(w.Pkg, w.Lens)
	ctx, c, opts := sc.Fresh("ctx"), sc.Fresh("c"), sc.Fresh("opts")
	params := stubParams(w, sc)
	decls := append([]jen.Code{
		jen.Id(ctx).Add(contextType()),
		jen.Id(c).Qual(model.ClientPath, "Client"),
		jen.Id(opts).Qual(model.ClientPath, "StartWorkflowOptions"),
	}, paramDecls(w, tw, params, true)...)
	args := withParams([]jen.Code{jen.Id(ctx), jen.Id(c), jen.Id(opts), jen.Id(wf.ConstName)}, params)
	docf(e.f, "%s starts the workflow %s with %s and %s and returns its typed run.", wf.StartName, wf.Label, c, opts)
	results := []jen.Code{gtemporal("Run").Types(valueType(w, tw)), jen.Error()}
	e.f.Add(fitSignature(0, jen.Func().Id(wf.StartName), nil, decls, results).Block(
		fitCall(1, jen.Return, gtemporal("ExecuteWorkflow").Types(valueType(w, tw)), func(int) []jen.Code { return args }),
	))
}

// workflowRegistration declares RegisterWorkflows, which registers every
// workflow of the package under its name, then the child workflow of every
// Map through its Mapper.
func (e *emitter) workflowRegistration() {
	sc := goname.NewScope(e.reserved)
	r := sc.Fresh("r")
	var stmts []jen.Code
	var labels, maps []string
	for _, wf := range e.m.Workflows {
		options := jen.Qual(model.WorkflowPath, "RegisterOptions").Values(jen.Dict{jen.Id("Name"): jen.Id(wf.ConstName)})
		fn := jen.Id(wf.Fn.Name())
		stmts = append(stmts, fitCall(1, statement, jen.Id(r).Dot("RegisterWorkflowWithOptions"), func(int) []jen.Code {
			return []jen.Code{fn, options}
		}))
		labels = append(labels, wf.Label)
	}
	for _, act := range e.m.Activities {
		if act.Map != nil {
			stmts = append(stmts, jen.Id(act.Map.Mapper).Dot("Register").Call(jen.Id(r)))
			maps = append(maps, act.Map.Name)
		}
	}
	if len(maps) > 0 {
		noun := "the child workflow of "
		if len(maps) > 1 {
			noun = "the child workflows of "
		}
		labels = append(labels, noun+listWords(maps))
	}
	docf(e.f, "%s registers with %s %s, each under the name that its ...WorkflowName constant holds.", directive.RegisterWorkflowsName, r, listWords(labels))
	decls := []jen.Code{jen.Id(r).Qual(model.WorkerPath, "WorkflowRegistry")}
	e.f.Add(fitSignature(0, jen.Func().Id(directive.RegisterWorkflowsName), nil, decls, nil).Block(stmts...))
}
