package bench

import (
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	gtemporal "github.com/gathergen/gathergen/temporal"
)

// EchoChild returns n: the trivial child workflow of the benchmarks of
// children.
func EchoChild(_ workflow.Context, n int) (int, error) { return n, nil }

// EchoChildWorkflowName is the name under which RegisterChildren registers EchoChild.
const EchoChildWorkflowName = "EchoChild"

// EchoChildChildWorkflow starts the workflow EchoChild as a child, with the child options of ctx, and returns its future.
func EchoChildChildWorkflow(ctx workflow.Context, n int) *gtemporal.Future[int] {
	return gtemporal.ExecuteChild[int](ctx, EchoChildWorkflowName, n)
}

// GatherChildrenTyped gathers n EchoChild children through their stub:
// with Gather2 for 2, with All otherwise. It returns the sum of the
// results.
func GatherChildrenTyped(ctx workflow.Context, n int) (int, error) {
	if n == 2 {
		a, b, err := gtemporal.Gather2(ctx, EchoChildChildWorkflow(ctx, 0), EchoChildChildWorkflow(ctx, 1))
		return a + b, err
	}
	fs := make([]*gtemporal.Future[int], n)
	for i := range fs {
		fs[i] = EchoChildChildWorkflow(ctx, i)
	}
	values, err := gtemporal.All(ctx, fs...)
	sum := 0
	for _, v := range values {
		sum += v
	}
	return sum, err
}

// GatherChildrenSelector is GatherChildrenTyped written by hand with the
// SDK: untyped ExecuteChildWorkflow calls in one cancel scope, a Selector,
// results read with Get into their slots, and the scope cancelled on the
// first failure.
func GatherChildrenSelector(ctx workflow.Context, n int) (int, error) {
	ctx, cancel := workflow.WithCancel(ctx)
	defer cancel()
	futures := make([]workflow.Future, n)
	for i := range futures {
		futures[i] = workflow.ExecuteChildWorkflow(ctx, EchoChildWorkflowName, i)
	}
	return sumSelected(ctx, cancel, futures, "child")
}

// RegisterChildren registers the two parents and the child with r.
func RegisterChildren(r worker.WorkflowRegistry) {
	r.RegisterWorkflow(GatherChildrenTyped)
	r.RegisterWorkflow(GatherChildrenSelector)
	r.RegisterWorkflowWithOptions(EchoChild, workflow.RegisterOptions{Name: EchoChildWorkflowName})
}
