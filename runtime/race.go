package runtime

import (
	"context"
	"errors"
	"iter"
	"sync/atomic"
)

// Race waits for the first of fs to settle, like JavaScript's Promise.race,
// and returns its value, or its error wrapped in a *[TaskError]. Every other
// input is cancelled. When ctx is done first, Race cancels every input and
// returns context.Cause(ctx). Race of no futures returns [ErrNoFutures].
func Race[T any](ctx context.Context, fs ...*Future[T]) (T, error) {
	return first(ctx, "runtime.Race", fs, false)
}

// Any waits for the first of fs to succeed, like JavaScript's Promise.any,
// and returns its value; every other input is cancelled. When every input
// fails, Any returns all their errors, each a *[TaskError], joined with
// errors.Join in the order of fs. When ctx is done first, Any cancels every
// input and returns context.Cause(ctx). Any of no futures returns
// [ErrNoFutures].
func Any[T any](ctx context.Context, fs ...*Future[T]) (T, error) {
	return first(ctx, "runtime.Any", fs, true)
}

// racing records the winner of a race: the first input to settle, or with
// needSuccess the first to succeed, or failure of all.
type racing struct {
	needSuccess bool
	winner      atomic.Int64 // 1 + slot of the winner; 0 while none
	failures    atomic.Int64 // inputs failed, counted only with needSuccess
	total       int64
	signal      chan struct{}
}

func (r *racing) wake(slot int, err error) {
	if err != nil && r.needSuccess {
		if r.failures.Add(1) == r.total {
			r.notify()
		}
		return
	}
	if r.winner.CompareAndSwap(0, int64(slot)+1) {
		r.notify()
	}
}

func (r *racing) notify() {
	select {
	case r.signal <- struct{}{}:
	default:
	}
}

func first[T any](ctx context.Context, caller string, fs []*Future[T], needSuccess bool) (T, error) {
	var zero T
	cores := coresOf(caller, fs)
	if ctx == nil {
		panic(caller + ": ctx is nil")
	}
	if len(fs) == 0 {
		return zero, ErrNoFutures
	}
	r := &racing{needSuccess: needSuccess, total: int64(len(fs)), signal: make(chan struct{}, 1)}
	for i, c := range cores {
		c.subscribe(r, i)
		if r.winner.Load() != 0 {
			break
		}
	}
	select {
	case <-r.signal:
	default:
		select {
		case <-r.signal:
		case <-ctx.Done():
			if r.winner.Load() == 0 && r.failures.Load() != r.total {
				cancelAll(cores)
				return zero, context.Cause(ctx)
			}
		}
	}
	cancelAll(cores)
	if w := r.winner.Load(); w != 0 {
		f := fs[w-1]
		if f.err != nil {
			return zero, &TaskError{Index: int(w - 1), Name: f.name, Err: f.err}
		}
		return f.value, nil
	}
	errs := make([]error, len(fs))
	for i, f := range fs {
		errs[i] = &TaskError{Index: i, Name: f.name, Err: f.err}
	}
	return zero, errors.Join(errs...)
}

// AsCompleted returns an iterator over fs in the order in which they settle,
// like asyncio.as_completed: each step yields an input's index in fs and its
// outcome, and every input is yielded once. Stopping the loop early cancels
// the inputs not yet yielded. When ctx is done first, the inputs still
// pending are cancelled and yielded, in the order of fs, with
// context.Cause(ctx). Inputs already settled when the loop starts come first,
// in the order of fs. The iterator may be ranged over more than once.
func AsCompleted[T any](ctx context.Context, fs ...*Future[T]) iter.Seq2[int, Result[T]] {
	cores := coresOf("runtime.AsCompleted", fs)
	if ctx == nil {
		panic("runtime.AsCompleted: ctx is nil")
	}
	return func(yield func(int, Result[T]) bool) {
		arrivals := make(completions, len(fs))
		for i, c := range cores {
			c.subscribe(arrivals, i)
		}
		yielded := make([]bool, len(fs))
		for range fs {
			var i int
			select {
			case i = <-arrivals:
			case <-ctx.Done():
				yieldRest(fs, yielded, context.Cause(ctx), yield)
				return
			}
			yielded[i] = true
			if !yield(i, fs[i].result()) {
				cancelAll(cores)
				return
			}
		}
	}
}

// completions receives the slots of settled inputs; its buffer holds one per
// input, so wake never blocks.
type completions chan int

func (c completions) wake(slot int, _ error) { c <- slot }

// yieldRest yields the inputs not yet yielded, in index order, after ctx was
// done: those still pending are cancelled and carry cause.
func yieldRest[T any](fs []*Future[T], yielded []bool, cause error, yield func(int, Result[T]) bool) {
	for i, f := range fs {
		if yielded[i] {
			continue
		}
		if !yield(i, outcome(f, cause)) {
			for _, f := range fs[i+1:] {
				f.cancel()
			}
			return
		}
	}
}
