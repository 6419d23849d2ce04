package gtemporal

import (
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// Reducer runs one activity over many inputs in child workflows, as
// [Mapper] does, for results too large to return in one history: each leaf
// folds its chunk's results in index order, and the branches and the
// caller combine the folds in input order, so that only the folds cross
// the workflow boundaries. A Reducer is safe for concurrent use by many
// workflows.
type Reducer[In, Out, Acc any] struct {
	plan *plan[In, Out, Acc]
}

// NewReducer returns the Reducer of the activity registered under activity.
// name is the name under which [Reducer.Register] registers its child
// workflow: dot-free, and distinct from every other registered workflow.
// fold adds the result out of the element at index (in the whole input)
// to acc; each leaf folds its elements in index order, starting from the
// zero Acc. combine joins the folds of two consecutive ranges, a before b.
// Accumulators cross workflow boundaries through the data converter, so
// Acc must encode (its exported fields, by default) and stay under 1.5 MiB.
// NewReducer panics when name or activity is empty or holds a dot, or fold
// or combine is nil.
func NewReducer[In, Out, Acc any](name, activity string,
	fold func(acc Acc, index int, out Out) Acc, combine func(a, b Acc) Acc) *Reducer[In, Out, Acc] {
	checkName("gtemporal.NewReducer", "name", name)
	checkName("gtemporal.NewReducer", "activity", activity)
	if fold == nil {
		panic("gtemporal.NewReducer: fold is nil")
	}
	if combine == nil {
		panic("gtemporal.NewReducer: combine is nil")
	}
	return &Reducer[In, Out, Acc]{plan: &plan[In, Out, Acc]{
		name: name, activity: activity, fold: fold, combine: combine,
	}}
}

// Name returns the name under which Register registers the Reducer's child
// workflow.
func (r *Reducer[In, Out, Acc]) Name() string { return r.plan.name }

// Register registers the Reducer's child workflow with reg under Name().
func (r *Reducer[In, Out, Acc]) Register(reg worker.WorkflowRegistry) {
	if reg == nil {
		panic("gtemporal.Reducer.Register: reg is nil")
	}
	r.plan.register(reg)
}

// Reduce runs the activity once per element of in, in child workflows, as
// [Mapper.Map] does (options, limits, failures, cancellation), and returns
// combine over the chunks' folds in input order: the zero Acc for no
// input. Reduce panics when ctx is nil or an option is out of range.
func (r *Reducer[In, Out, Acc]) Reduce(ctx workflow.Context, in []In, o MapOptions) (Acc, error) {
	return r.plan.call(ctx, "gtemporal.Reducer.Reduce", in, o)
}
