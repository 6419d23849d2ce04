package runtime

import (
	"context"
	"errors"
	"slices"
	"strconv"
)

// Result is the outcome of one future: its value, or its error.
type Result[T any] struct {
	Value T
	Err   error
}

// All waits for every future in fs and returns their values in the order of
// fs, whatever the order in which they settle.
//
// It fails fast: when an input fails, All cancels every other pending input
// and returns at once with a *[TaskError] that names the input and wraps its
// error. Among inputs that have already failed when All is called, the
// lowest index wins; after that, the first to fail. When ctx is done first,
// All cancels every pending input and returns a *[PendingError] that names
// them and unwraps to context.Cause(ctx). All of no
// futures returns an empty slice at once; the same future may appear twice.
func All[T any](ctx context.Context, fs ...*Future[T]) ([]T, error) {
	checkFutures("runtime.All", fs)
	if err := gatherEach(ctx, len(fs), coresOf(fs)); err != nil {
		return nil, err
	}
	out := make([]T, len(fs))
	for i, f := range fs {
		out[i] = f.value
	}
	return out, nil
}

// AllSettled waits for every future in fs, like asyncio.gather with
// return_exceptions=True, and returns each outcome in the order of fs. A
// failure cancels nothing. When ctx is done first, AllSettled cancels the
// inputs still pending, and their slots carry a *[PendingError] that names
// them and unwraps to context.Cause(ctx), as do the slots whose error only
// echoes ctx's end (a context error or the cause).
func AllSettled[T any](ctx context.Context, fs ...*Future[T]) []Result[T] {
	checkFutures("runtime.AllSettled", fs)
	w, pending := settleEach(ctx, len(fs), coresOf(fs))
	out := make([]Result[T], len(fs))
	for i, f := range fs {
		out[i] = f.result()
		if pending != nil && w.echoes(ctx, i, out[i].Err) {
			out[i].Err = pending
		}
	}
	return out
}

// checkFutures panics, naming the first nil future in fs, when there is one.
func checkFutures[T any](caller string, fs []*Future[T]) {
	for i, f := range fs {
		if f == nil {
			panic(caller + ": fs[" + strconv.Itoa(i) + "] is nil")
		}
	}
}

// mustFuture panics, naming the argument, when f is nil.
func mustFuture[T any](caller, arg string, f *Future[T]) *core {
	if f == nil {
		panic(caller + ": " + arg + " is nil")
	}
	return &f.core
}

// settleEnd is what a settle of a few inputs (SettleN) that its ctx ended
// tells each input's outcome: the *PendingError that the inputs listed in
// it carry, and the inputs whose error reads as an echo of ctx's end but is
// their own.
type settleEnd struct {
	pending *PendingError
	own     []*core
}

// outcome returns f's result for a settle that ended as end says (nil when
// ctx did not end it): f carries end's *PendingError when its error only
// echoes ctx's end.
func outcome[T any](f *Future[T], end *settleEnd) Result[T] {
	r := f.result()
	if end != nil && echoes(r.Err, end.pending.Err) && !slices.Contains(end.own, &f.core) {
		r.Err = end.pending
	}
	return r
}

// gather waits for the cores with the fail-fast rules of All and returns nil
// when every one succeeded.
func gather(ctx context.Context, cores []*core) error {
	return gatherEach(ctx, len(cores), func(i int) *core { return cores[i] })
}

// gatherEach is gather for n inputs, the core of slot i being at(i).
func gatherEach(ctx context.Context, n int, at func(int) *core) error {
	if ctx == nil {
		panic("runtime: gather: ctx is nil")
	}
	if n == 0 {
		return nil
	}
	w := subscribeEach(ctx, waitAll, n, at)
	if !w.wait(ctx) {
		cancelEach(n, at)
		return pendingOf(ctx, w, at)
	}
	if slot := w.slot(); slot >= 0 {
		cancelEach(n, at)
		c := at(slot)
		if err := c.err(); !w.echoes(ctx, slot, err) {
			return &TaskError{Index: slot, Name: c.name, Err: err}
		}
		return pendingOf(ctx, w, at)
	}
	return nil // each input counted once it had visibly settled
}

// echoesEnd reports whether err, an input's failure, is only the echo of
// ctx's end: ctx is done and err is a context error or ctx's cause. Inputs
// that run under ctx fail that way an instant before the wait sees ctx end
// itself: a task returns ctx.Err() or context.Cause(ctx), a task that never
// started settles with the cause. The wait then reports a *PendingError
// that unwraps to context.Cause(ctx), as it would have a moment later, so
// that the caller's error does not depend on the scheduler.
func echoesEnd(ctx context.Context, err error) bool {
	return ctx.Err() != nil && echoes(err, context.Cause(ctx))
}

// echoes reports whether err is the echo of the end of a context that ended
// with cause: a context error, or cause itself (or an error that wraps it).
func echoes(err, cause error) bool {
	return err != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, cause))
}

// settleAll waits until every core has settled or ctx is done; when ctx is
// done by then, it cancels the cores still pending and returns what each
// slot's outcome needs, nil otherwise.
func settleAll(ctx context.Context, cores []*core) *settleEnd {
	w, pending := settleEach(ctx, len(cores), func(i int) *core { return cores[i] })
	if pending == nil {
		return nil
	}
	end := &settleEnd{pending: pending}
	for i, c := range cores {
		if w.isOwn(i) {
			end.own = append(end.own, c)
		}
	}
	return end
}

// settleEach is settleAll for n inputs, the core of slot i being at(i). It
// returns its waiter, and the *PendingError of ctx's end when ctx is done by
// then (nil otherwise), once every input has visibly settled: when ctx is
// done, it cancels those still pending before it lists them, so that the
// list names exactly the inputs whose slots carry it.
func settleEach(ctx context.Context, n int, at func(int) *core) (*waiter, *PendingError) {
	if ctx == nil {
		panic("runtime: settle: ctx is nil")
	}
	if n == 0 {
		return nil, nil
	}
	w := subscribeEach(ctx, waitSettled, n, at)
	w.wait(ctx)
	if ctx.Err() == nil {
		return w, nil // each input counted once it had visibly settled
	}
	cancelEach(n, at)
	return w, pendingOf(ctx, w, at)
}
