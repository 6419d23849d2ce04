package directive

import "go/ast"

// WorkflowSpec is //gathergen:workflow [as NAME], in the doc comment of a
// workflow function.
type WorkflowSpec struct {
	// As is the workflow's name when given.
	As Word
}

// workflowUsage is the shape of the workflow directive's arguments.
const workflowUsage = `want //gathergen:workflow or //gathergen:workflow as NAME`

// parseWorkflow parses the arguments of //gathergen:workflow: [as NAME].
func parseWorkflow(args []Word) (*WorkflowSpec, *Problem) {
	switch {
	case len(args) == 0:
		return &WorkflowSpec{}, nil
	case args[0].Text != "as":
		return nil, errorf(args[0].Pos, "malformed //gathergen:workflow: unexpected %q (a workflow is a function of this package, with the directive in its doc comment); %s", args[0].Text, workflowUsage)
	case len(args) == 1:
		return nil, errorf(args[0].Pos, "malformed //gathergen:workflow: missing NAME after as; %s", workflowUsage)
	case len(args) > 2:
		return nil, errorf(args[2].Pos, "malformed //gathergen:workflow: unexpected %q after the name; %s", args[2].Text, workflowUsage)
	}
	spec := &WorkflowSpec{As: args[1]}
	if p := checkName(spec.As, "workflow name"); p != nil {
		return nil, p
	}
	return spec, nil
}

// RegisterWorkflowsName is the registration helper of a package's
// workflows.
const RegisterWorkflowsName = "RegisterWorkflows"

// WorkflowBase is the base of a workflow's generated identifiers and the
// name it is registered under: NAME of "as NAME", or the function's name.
// Like an activity's, it never holds a dot: the SDK's replay compares a
// child workflow's name after its last dot only.
func WorkflowBase(spec *WorkflowSpec, fn string) string {
	if spec.As.Text != "" {
		return spec.As.Text
	}
	return fn
}

// WorkflowConstName names the constant that holds a workflow's name.
func WorkflowConstName(base string) string { return base + "WorkflowName" }

// ChildName names a workflow's child stub.
func ChildName(base string) string { return base + "ChildWorkflow" }

// StartName names a workflow's typed start.
func StartName(base string) string { return "Execute" + base }

// addWorkflowCandidates notes the names a workflow directive may generate.
func (s *Scan) addWorkflowCandidates(spec *WorkflowSpec, owner ast.Node) {
	fn := ""
	if fd, ok := owner.(*ast.FuncDecl); ok {
		fn = fd.Name.Name
	}
	base := WorkflowBase(spec, fn)
	for _, name := range []string{WorkflowConstName(base), ChildName(base), StartName(base), RegisterWorkflowsName} {
		s.Candidates[name] = true
	}
}
