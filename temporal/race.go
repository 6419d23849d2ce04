package gtemporal

import (
	"iter"

	"go.temporal.io/sdk/workflow"
)

// Race waits for the first of fs to settle, like JavaScript's Promise.race,
// and returns its value, or its error in a *[TaskError]. Every other input
// is cancelled. When ctx is done first, Race cancels every input and returns
// ctx.Err(). Race of no futures returns [ErrNoFutures].
func Race[T any](ctx workflow.Context, fs ...*Future[T]) (T, error) {
	return first(ctx, "gtemporal.Race", fs, false)
}

// Any waits for the first of fs to succeed, like JavaScript's Promise.any,
// and returns its value; every other input is cancelled. When every input
// fails, Any returns an *[AggregateError] that holds each failure as a
// *[TaskError], in the order of fs (Promise.any's AggregateError). When ctx
// is done first, Any cancels every input and returns ctx.Err(). Any of no
// futures returns [ErrNoFutures].
func Any[T any](ctx workflow.Context, fs ...*Future[T]) (T, error) {
	return first(ctx, "gtemporal.Any", fs, true)
}

// first is Race (needSuccess false) and Any (needSuccess true).
func first[T any](ctx workflow.Context, caller string, fs []*Future[T], needSuccess bool) (T, error) {
	var zero T
	ins := checkAll(caller, fs)
	checkCtx(caller, ctx)
	if len(fs) == 0 {
		return zero, ErrNoFutures
	}
	left, winner := len(fs), -1
	s := workflow.NewSelector(ctx)
	for i, f := range fs {
		f.addTo(s, func(workflow.Future) {
			left--
			if err := f.load(ctx); winner < 0 && (err == nil || !needSuccess) {
				winner = i
			}
		})
	}
	done := watch(ctx, s)
	for left > 0 && winner < 0 && !*done {
		s.Select(ctx)
	}
	cancelPending(ins)
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	if winner >= 0 {
		f := fs[winner]
		if f.err != nil {
			return zero, &TaskError{Index: winner, Name: f.name, Err: f.err}
		}
		return f.value, nil
	}
	errs := make([]*TaskError, len(fs))
	for i, f := range fs {
		errs[i] = &TaskError{Index: i, Name: f.name, Err: f.err}
	}
	return zero, &AggregateError{Errs: errs}
}

// AsCompleted returns an iterator over fs in the order in which they
// settle, like Python's asyncio.as_completed, driven by one
// workflow.Selector: each step yields an input's index in fs and its
// outcome, and every input is yielded once. Inputs already settled when the
// loop starts come first, in the order of fs. Leaving the loop early, by
// break, return or a panic of its body, cancels the inputs not yet yielded.
// When ctx is done first, the inputs still pending are cancelled and
// yielded, in the order of fs, with ctx.Err(). The iterator may be ranged
// over more than once.
func AsCompleted[T any](ctx workflow.Context, fs ...*Future[T]) iter.Seq2[int, Result[T]] {
	checkAll("gtemporal.AsCompleted", fs)
	checkCtx("gtemporal.AsCompleted", ctx)
	return func(yield func(int, Result[T]) bool) {
		yielded := make([]bool, len(fs))
		defer stopRest(fs, yielded) // however the loop is left
		arrived := -1
		s := workflow.NewSelector(ctx)
		for i, f := range fs {
			s.AddFuture(f.future, func(workflow.Future) {
				if !yielded[i] { // a future that Cancel settled was yielded before the SDK settled it
					arrived = i
				}
			})
		}
		done := watch(ctx, s)
		for left := len(fs); left > 0; {
			arrived = canceledOne(fs, yielded)
			if arrived < 0 {
				s.Select(ctx)
			}
			if arrived < 0 {
				if *done {
					yieldRest(ctx, fs, yielded, yield)
					return
				}
				continue
			}
			yielded[arrived] = true
			left--
			if !yield(arrived, outcome(ctx, fs[arrived], nil)) {
				return
			}
		}
	}
}

// canceledOne returns the index of the first input not yet yielded that
// Cancel settled before the SDK did, or -1.
func canceledOne[T any](fs []*Future[T], yielded []bool) int {
	for i, f := range fs {
		if f.canceled && !yielded[i] {
			return i
		}
	}
	return -1
}

// yieldRest yields the inputs not yet yielded, in index order, once ctx is
// done: those still pending are cancelled and carry ctx.Err().
func yieldRest[T any](ctx workflow.Context, fs []*Future[T], yielded []bool, yield func(int, Result[T]) bool) {
	cut := ctx.Err()
	for i, f := range fs {
		if yielded[i] {
			continue
		}
		yielded[i] = true
		r := outcome(ctx, f, cut)
		f.stop()
		if !yield(i, r) {
			return
		}
	}
}

// stopRest cancels the inputs not yet yielded.
func stopRest[T any](fs []*Future[T], yielded []bool) {
	for i, f := range fs {
		if !yielded[i] {
			f.stop()
		}
	}
}
