package gtemporal

import (
	"fmt"
	"strings"

	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// MapOptions bounds a [Mapper.Map] or a [Reducer.Reduce]. Zero values mean
// the defaults; a negative value, or one over its maximum, makes Map panic
// naming the field.
type MapOptions struct {
	// ChunkSize is the most elements one leaf child workflow runs; default
	// 1,000. Chunks are also cut smaller so that a chunk's encoded arguments
	// stay under 1 MiB.
	ChunkSize int
	// PerRun is the most activities in flight in one workflow run; default
	// 500, at most 2,000.
	PerRun int
	// Window is the most leaf children running at once across the whole
	// Map; default 10. (So at most Window*PerRun activities run at once for
	// one Map.)
	Window int
	// Fanout is the most children that one workflow run starts (the calling
	// workflow's run included); default 100, at least 2, at most 1,000. An
	// input with more than Fanout chunks is run as a tree: branch children
	// that each start children of their own.
	Fanout int
	// HistoryBudget is the most events a leaf child's run may reach before
	// it drains its in-flight activities and continues as new with what is
	// left; default 8,000, at most 10,000 (so that no run nears Temporal's
	// 10,240-event warning). Tests set it small to force continue-as-new.
	HistoryBudget int
}

// The defaults and bounds of MapOptions.
const (
	defaultChunkSize     = 1000
	defaultPerRun        = 500
	maxPerRun            = 2000
	defaultWindow        = 10
	defaultFanout        = 100
	maxFanout            = 1000
	defaultHistoryBudget = 8000
	maxHistoryBudget     = 10000
)

// resolve returns o with every zero field set to its default; it panics,
// naming the field, when one is negative or over its maximum.
func (o MapOptions) resolve(caller string) MapOptions {
	fields := []struct {
		name      string
		v         *int
		def, low  int
		high      int // 0: no maximum
		highLabel string
	}{
		{"ChunkSize", &o.ChunkSize, defaultChunkSize, 1, 0, ""},
		{"PerRun", &o.PerRun, defaultPerRun, 1, maxPerRun, "2,000"},
		{"Window", &o.Window, defaultWindow, 1, 0, ""},
		{"Fanout", &o.Fanout, defaultFanout, 2, maxFanout, "1,000"},
		{"HistoryBudget", &o.HistoryBudget, defaultHistoryBudget, 1, maxHistoryBudget, "10,000"},
	}
	for _, f := range fields {
		switch {
		case *f.v == 0:
			*f.v = f.def
		case *f.v < f.low:
			panic(fmt.Sprintf("%s: MapOptions.%s is %d, below %d", caller, f.name, *f.v, f.low))
		case f.high > 0 && *f.v > f.high:
			panic(fmt.Sprintf("%s: MapOptions.%s is %d, over its maximum of %s", caller, f.name, *f.v, f.highLabel))
		}
	}
	return o
}

// Mapper runs one activity over many inputs in child workflows (the leaf
// and branch workflows of a Map), which it registers under one workflow
// name. A Mapper is safe for concurrent use by many workflows.
type Mapper[In, Out any] struct {
	plan *plan[In, Out, []Out]
}

// NewMapper returns the Mapper of the activity registered under activity;
// its child workflows are registered ([Mapper.Register]) under the name
// activity + "Map" (dot-free, as every gathergen name is: replay compares
// names after their last dot). NewMapper panics when activity is empty or
// holds a dot.
func NewMapper[In, Out any](activity string) *Mapper[In, Out] {
	checkName("gtemporal.NewMapper", "activity", activity)
	return &Mapper[In, Out]{plan: &plan[In, Out, []Out]{
		name:     activity + "Map",
		activity: activity,
		fold:     func(acc []Out, _ int, out Out) []Out { return append(acc, out) },
		combine:  func(a, b []Out) []Out { return append(a, b...) },
	}}
}

// Name returns the name under which Register registers the Map's child
// workflow.
func (m *Mapper[In, Out]) Name() string { return m.plan.name }

// Register registers the Map's child workflow with r under Name(). Every
// worker that runs the calling workflow's task queue (or the TaskQueue of
// the child options) must register it, beside the activity.
func (m *Mapper[In, Out]) Register(r worker.WorkflowRegistry) {
	if r == nil {
		panic("gtemporal.Mapper.Register: r is nil")
	}
	m.plan.register(r)
}

// Map runs the activity once per element of in, in child workflows, and
// returns the results in input order. The activity options
// (workflow.WithActivityOptions) and the child workflow options
// (workflow.WithChildOptions: TaskQueue, timeouts) are read from ctx and
// carried to the children. The first failure cancels the rest (running
// children and their activities) and returns a *[TaskError] whose Index is
// the element's index in the whole input and whose Name is the activity's
// name; [AsTaskError] reads it on a client. When ctx is done, Map cancels
// everything, waits for the children to end, and returns ctx.Err().
//
// Before anything starts, Map returns an error when ctx has no activity
// timeout ([ErrNoTimeout]) or when an element alone encodes to more than
// fits a chunk, naming its index and size. A child whose results encode to
// more than 1.5 MiB fails with a non-retryable error that says to use a
// smaller ChunkSize or a [Reducer]. The package documentation ("Large
// fan-outs") tells how the limits are kept. Map of no elements returns an
// empty slice at once. Map panics when ctx is nil or an option is out of
// range.
func (m *Mapper[In, Out]) Map(ctx workflow.Context, in []In, o MapOptions) ([]Out, error) {
	out, err := m.plan.call(ctx, "gtemporal.Mapper.Map", in, o)
	if err != nil {
		return nil, err
	}
	if out == nil {
		out = []Out{}
	}
	return out, nil
}

// checkName panics when name is empty or holds a dot, naming arg.
func checkName(caller, arg, name string) {
	if name == "" {
		panic(caller + ": " + arg + " is empty")
	}
	if strings.Contains(name, ".") {
		panic(fmt.Sprintf("%s: %s %q holds a dot (replay compares registered names after their last dot)", caller, arg, name))
	}
}
