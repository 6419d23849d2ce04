package resolve

import (
	"go/ast"
	"go/types"

	"github.com/gathergen/gathergen/generator/internal/converter"
	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/model"
)

// workflows resolves the package's workflow directives into m: two
// workflows never share a name. Each builds under the constraint of its
// directive's file, which constraints holds.
func workflows(a *Analyzer, m *model.Model, constraints map[*ast.File]string) {
	byName := map[string]*model.Workflow{}
	byFunc := map[*types.Func]*model.Workflow{}
	for _, f := range a.Scan.Found {
		if f.D.Workflow == nil {
			continue
		}
		wf := resolveWorkflow(a, f)
		switch {
		case wf == nil:
		case byFunc[wf.Fn] != nil:
			a.Report(wf.Pos, "%s already has a //gathergen:workflow directive at %s", wf.Label, a.where(byFunc[wf.Fn].Pos))
		case byName[wf.Registered] != nil:
			a.Report(wf.Pos, "duplicate workflow name %q: the workflow at %s is registered under it too, and neither a worker nor a replay could tell them apart; name one otherwise with as NAME", wf.Registered, a.where(byName[wf.Registered].Pos))
		default:
			wf.Unit = a.unitOf(f, constraints[f.File])
			wf.Key = a.Pkg.Fset.Position(f.D.Pos).String()
			byFunc[wf.Fn], byName[wf.Registered] = wf, wf
			m.Workflows = append(m.Workflows, wf)
		}
	}
}

// resolveWorkflow resolves one workflow directive: a function of this
// package, not generic, that takes a workflow.Context first and returns
// (T, error) or error, whose other parameters and result the data
// converter can carry.
func resolveWorkflow(a *Analyzer, f directive.Found) *model.Workflow {
	fd, ok := f.Owner.(*ast.FuncDecl)
	if !ok {
		a.Report(f.D.Pos, "//gathergen:workflow belongs in the doc comment of a workflow function, not %s", describe(f.Owner))
		return nil
	}
	fn, _ := a.Pkg.TypesInfo.Defs[fd.Name].(*types.Func)
	if fn == nil {
		return nil
	}
	label := fn.Name()
	if fd.Recv != nil {
		label = directive.RecvTypeNameOf(fd) + "." + label
	}
	if problem := workflowShape(fn.Signature()); problem != "" {
		a.Report(f.D.Pos, "cannot make %s a workflow: %s", label, problem)
		return nil
	}
	base := directive.WorkflowBase(f.D.Workflow, fn.Name())
	w := finish(a, &model.Wrapper{Fn: fn, Sig: fn.Signature(), Pos: f.D.Pos, Label: label, Name: directive.ChildName(base)})
	if w == nil {
		return nil
	}
	w.TakesCtx = true // the workflow.Context, which the stubs do not take
	for _, p := range w.OwnParams() {
		if why := converter.CarryProblem(p.V.Type(), a.Pkg.Types); why != "" {
			a.Report(w.Pos, "cannot make %s a workflow: parameter %s %s", label, paramLabel(p), why)
			return nil
		}
	}
	for _, v := range w.Values() {
		if why := converter.CarryProblem(v.Type(), a.Pkg.Types); why != "" {
			a.Report(w.Pos, "cannot make %s a workflow: its result %s", label, why)
			return nil
		}
	}
	return &model.Workflow{Wrapper: w, Registered: base, ConstName: directive.WorkflowConstName(base), StartName: directive.StartName(base)}
}

// workflowShape returns why Temporal cannot register a function of
// signature sig as a workflow, or "".
func workflowShape(sig *types.Signature) string {
	switch {
	case sig.Recv() != nil:
		return "it is a method, and a workflow is a function: make a workflow of a function that calls it"
	case sig.Variadic():
		return "it is variadic, which Temporal cannot call: take a slice"
	case sig.TypeParams().Len() > 0:
		return "it is generic, and Temporal registers functions of one type only: make a workflow of a function that calls it with the type arguments it needs"
	case sig.Params().Len() == 0 || !isWorkflowContext(sig.Params().At(0).Type()):
		return "it does not take a workflow.Context (go.temporal.io/sdk/workflow) first, as a workflow does"
	}
	res := sig.Results()
	if res.Len() == 0 || res.Len() > 2 || !types.Identical(res.At(res.Len()-1).Type(), errorType) {
		return "a workflow returns (T, error) or error"
	}
	return ""
}

// isWorkflowContext reports whether t is the SDK's workflow.Context,
// which is an alias (of a type of the SDK's internal packages): t is the
// alias, or an alias of it.
func isWorkflowContext(t types.Type) bool {
	for {
		alias, ok := t.(*types.Alias)
		if !ok {
			return false
		}
		if obj := alias.Obj(); obj.Pkg() != nil && obj.Pkg().Path() == model.WorkflowPath && obj.Name() == "Context" {
			return true
		}
		t = alias.Rhs()
	}
}

// workflowRenameHint says how to give the names of a workflow others.
const workflowRenameHint = "name the workflow otherwise with //gathergen:workflow as NAME"

// workflowNames lists what the activity file declares for workflows.
func workflowNames(m *model.Model) []declared {
	var names []declared
	for _, wf := range m.Workflows {
		for _, name := range []string{wf.Name, wf.ConstName, wf.StartName} {
			names = append(names, declared{name: name, pos: wf.Pos, hint: workflowRenameHint})
		}
	}
	if pos, ok := m.RegistersWorkflows(); ok {
		names = append(names, declared{name: directive.RegisterWorkflowsName, pos: pos, fixed: true})
	}
	return names
}
