package runtime

import (
	"context"
	"errors"
	"iter"
)

// Race waits for the first of fs to settle, like JavaScript's Promise.race,
// and returns its value, or its error wrapped in a *[TaskError]. Every other
// input is cancelled. When ctx is done first, Race cancels every input and
// returns a *[PendingError] that names them and unwraps to
// context.Cause(ctx). Race of no futures returns [ErrNoFutures].
func Race[T any](ctx context.Context, fs ...*Future[T]) (T, error) {
	return first(ctx, "runtime.Race", fs, false)
}

// Any waits for the first of fs to succeed, like JavaScript's Promise.any,
// and returns its value; every other input is cancelled. When every input
// fails, Any returns all their errors, each a *[TaskError], joined with
// errors.Join in the order of fs, unless ctx is done and one echoes its end
// (then the error is as below). When ctx is done first, Any cancels every
// input and returns a *[PendingError] that names the inputs still pending
// and unwraps to context.Cause(ctx). Any of no futures returns
// [ErrNoFutures].
func Any[T any](ctx context.Context, fs ...*Future[T]) (T, error) {
	return first(ctx, "runtime.Any", fs, true)
}

func first[T any](ctx context.Context, caller string, fs []*Future[T], needSuccess bool) (T, error) {
	var zero T
	checkFutures(caller, fs)
	if ctx == nil {
		panic(caller + ": ctx is nil")
	}
	if len(fs) == 0 {
		return zero, ErrNoFutures
	}
	mode := waitFirst
	if needSuccess {
		mode = waitSuccess
	}
	at := coresOf(fs)
	w := subscribeEach(ctx, mode, len(fs), at)
	over := w.wait(ctx)
	cancelEach(len(fs), at)
	if !over {
		return zero, pendingOf(ctx, w, at)
	}
	if slot := w.slot(); slot >= 0 {
		f := fs[slot]
		if err := f.err(); w.echoes(ctx, slot, err) {
			return zero, pendingOf(ctx, w, at)
		} else if err != nil {
			return zero, &TaskError{Index: slot, Name: f.name, Err: err}
		}
		return f.value, nil
	}
	errs := make([]error, len(fs))
	for i, f := range fs {
		err := f.err()
		if w.echoes(ctx, i, err) { // the failures are ctx's end, not the inputs' own
			return zero, pendingOf(ctx, w, at)
		}
		errs[i] = &TaskError{Index: i, Name: f.name, Err: err}
	}
	return zero, errors.Join(errs...)
}

// AsCompleted returns an iterator over fs in the order in which they settle,
// like asyncio.as_completed: each step yields an input's index in fs and its
// outcome, and every input is yielded once. Leaving the loop early, by
// break, return, a panic in its body or runtime.Goexit, cancels the inputs
// not yet yielded. When ctx is done first, the inputs still
// pending are cancelled and yielded, in the order of fs, with
// context.Cause(ctx), which also replaces an error that only echoes ctx's
// end. Inputs already settled when the loop starts come first,
// in the order of fs. The iterator may be ranged over more than once.
func AsCompleted[T any](ctx context.Context, fs ...*Future[T]) iter.Seq2[int, Result[T]] {
	checkFutures("runtime.AsCompleted", fs)
	if ctx == nil {
		panic("runtime.AsCompleted: ctx is nil")
	}
	return func(yield func(int, Result[T]) bool) {
		at := coresOf(fs)
		// However the loop is left (to its end, break, return, a panic
		// in its body, runtime.Goexit), what it has not yielded is
		// cancelled; what it has yielded has settled.
		defer cancelEach(len(fs), at)
		w := subscribeEach(ctx, waitEach, len(fs), at)
		yielded := make([]bool, len(fs))
		var arrived []int
		for left := len(fs); left > 0; {
			if arrived = w.takeArrived(arrived); len(arrived) == 0 {
				select {
				case <-w.signal:
					continue
				case <-ctx.Done():
					yieldRest(ctx, w, fs, yielded, yield)
					return
				}
			}
			for _, i := range arrived {
				yielded[i] = true
				left--
				fs[i].awaitSettled()
				r := fs[i].result()
				if w.echoes(ctx, i, r.Err) {
					r.Err = context.Cause(ctx)
				}
				if !yield(i, r) {
					return
				}
			}
		}
	}
}

// yieldRest yields the inputs not yet yielded, in index order, after ctx,
// the context of w's wait, was done: those still pending are cancelled and
// carry context.Cause(ctx), as do those whose error only echoes ctx's end.
// It stops when yield returns false.
func yieldRest[T any](ctx context.Context, w *waiter, fs []*Future[T], yielded []bool, yield func(int, Result[T]) bool) {
	cause := context.Cause(ctx)
	for i, f := range fs {
		if yielded[i] {
			continue
		}
		r := Result[T]{Err: cause}
		if !f.cancel() {
			if r = f.result(); w.echoes(ctx, i, r.Err) {
				r.Err = cause
			}
		}
		if !yield(i, r) {
			return
		}
	}
}
