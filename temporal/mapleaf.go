package gtemporal

import (
	"go.temporal.io/sdk/workflow"
)

// eventsPerActivity is the most events that one activity in flight adds to
// a leaf's history: scheduled, started, a cancel request and its end, and
// the workflow task that handles it.
const eventsPerActivity = 8

// leaf runs the activity over t.In, at most t.Options.PerRun at a time,
// and folds the results in index order. Past the history budget it starts
// nothing more, waits for what is in flight, and continues as new with the
// elements left and the fold so far. The first failure cancels the
// activities in flight and fails the leaf, once they have ended, with a
// *TaskError of the element's global index.
func (p *plan[In, Out, R]) leaf(ctx workflow.Context, t task[In, R]) (R, error) {
	var zero R
	actx, cancel := workflow.WithCancel(t.Activity.apply(ctx))
	defer cancel()
	n := len(t.In)
	outs := make([]Out, n)
	acc := t.Acc
	fl := newFlight(ctx, n)
	info := workflow.GetInfo(ctx)
	next, folded := 0, 0
	for {
		for next < n && fl.running < t.Options.PerRun && fl.open() &&
			room(info, t.Options.HistoryBudget, next, fl.running) {
			i := next
			fl.add(i, workflow.ExecuteActivity(actx, p.activity, t.In[i]), func(f workflow.Future) error {
				if err := decode(ctx, f, &outs[i]); err != nil {
					return &TaskError{Index: t.First + i, Name: p.activity, Err: err}
				}
				return nil
			})
			next++
		}
		if !fl.wait(ctx) {
			break
		}
		for ; folded < next && fl.ended[folded] && fl.open(); folded++ {
			acc = p.fold(acc, t.First+folded, outs[folded])
			var none Out
			outs[folded] = none
		}
	}
	if err := fl.stop(ctx, cancel); err != nil {
		return zero, err
	}
	if next < n {
		rest := t
		rest.First, rest.In, rest.Acc = t.First+next, t.In[next:], acc
		if err := p.fits(rest, t.First, n, "results so far and the elements left"); err != nil {
			return zero, err
		}
		return zero, workflow.NewContinueAsNewError(ctx, p.name, rest)
	}
	if err := p.fits(acc, t.First, n, "results"); err != nil {
		return zero, err
	}
	return acc, nil
}

// room reports whether a leaf's run may start one more activity, with
// started started in this run and running of them in flight: whether its
// history, with room for what is in flight and the one more, stays within
// budget. The first start of a run is always allowed, so that every run
// makes progress. A run whose length the SDK does not report (the SDK's
// test environment) counts its own events: three to start, six at most
// per activity.
func room(info *workflow.Info, budget, started, running int) bool {
	if started == 0 {
		return true
	}
	if info.GetContinueAsNewSuggested() {
		return false
	}
	length := info.GetCurrentHistoryLength()
	if length <= 0 {
		length = 3 + 6*started
	}
	return length+eventsPerActivity*(running+1) <= budget
}

// decode reads the result of the settled future f into v; a result of
// type struct{} is not read (an activity that returns only an error has
// none).
func decode[T any](ctx workflow.Context, f workflow.Future, v *T) error {
	var ptr any = v
	if _, empty := ptr.(*struct{}); empty {
		ptr = nil
	}
	return f.Get(ctx, ptr)
}
