package gtemporal

import (
	"go.temporal.io/sdk/workflow"
)

//go:generate go run -C .. ./internal/genarity -temporal -o temporal/gather_gen.go

// All waits for every one of fs and returns their values in the order of
// fs, whatever the order in which the activities complete. The first
// failure cancels every other pending input and returns at once with a
// *[TaskError] for its slot. When ctx is done first, All cancels the
// pending inputs and returns ctx.Err(). All of no futures returns an empty
// slice at once; the same future may be passed twice.
func All[T any](ctx workflow.Context, fs ...*Future[T]) ([]T, error) {
	ins := checkAll("gtemporal.All", fs)
	checkCtx("gtemporal.All", ctx)
	if err := gather(ctx, ins); err != nil {
		return nil, err
	}
	values := make([]T, len(fs))
	for i, f := range fs {
		values[i] = f.value
	}
	return values, nil
}

// AllSettled waits for every one of fs and returns each outcome in the
// order of fs, like Python's gather with return_exceptions=True: a failure
// cancels nothing. When ctx is done first, the pending inputs are cancelled
// and their results carry ctx.Err().
func AllSettled[T any](ctx workflow.Context, fs ...*Future[T]) []Result[T] {
	ins := checkAll("gtemporal.AllSettled", fs)
	checkCtx("gtemporal.AllSettled", ctx)
	cut := settle(ctx, ins)
	results := make([]Result[T], len(fs))
	for i, f := range fs {
		results[i] = outcome(ctx, f, cut)
	}
	return results
}

// gather waits for ins with the fail-fast rules of All and returns nil when
// every input succeeded, each input's value then decoded into its future.
func gather(ctx workflow.Context, ins []input) error {
	n := len(ins)
	if n == 0 {
		return nil
	}
	left, failed := n, -1
	var failure error
	s := workflow.NewSelector(ctx)
	for i, in := range ins {
		in.base().addTo(s, func(workflow.Future) {
			left--
			if err := in.load(ctx); err != nil && failed < 0 {
				failed, failure = i, err
			}
		})
	}
	done := watch(ctx, s)
	for left > 0 && failed < 0 && !*done {
		s.Select(ctx)
	}
	if err := ctx.Err(); err != nil {
		cancelPending(ins)
		return err
	}
	if failed >= 0 {
		cancelPending(ins)
		return &TaskError{Index: failed, Name: ins[failed].base().name, Err: failure}
	}
	return nil
}

// settle waits for every one of ins, or until ctx is done; then it cancels
// the inputs still pending and returns ctx.Err(), which [outcome] gives
// them.
func settle(ctx workflow.Context, ins []input) error {
	left := len(ins)
	s := workflow.NewSelector(ctx)
	for _, in := range ins {
		in.base().addTo(s, func(workflow.Future) { left-- })
	}
	done := watch(ctx, s)
	for left > 0 && !*done {
		s.Select(ctx)
	}
	if left == 0 {
		return nil
	}
	cancelPending(ins)
	return ctx.Err()
}

// outcome returns the result of f after a settle: cut for an input that
// was still pending when ctx was done, its own outcome otherwise.
func outcome[T any](ctx workflow.Context, f *Future[T], cut error) Result[T] {
	if cut != nil && !f.ready() {
		return Result[T]{Err: cut}
	}
	err := f.load(ctx)
	return Result[T]{Value: f.value, Err: err}
}

// watch adds ctx's Done channel to s and returns the flag that turns true
// when a Select picks it. A context that cannot be cancelled has no Done
// channel: the flag then stays false.
func watch(ctx workflow.Context, s workflow.Selector) *bool {
	done := new(bool)
	if ch := ctx.Done(); ch != nil {
		s.AddReceive(ch, func(workflow.ReceiveChannel, bool) { *done = true })
	}
	return done
}

// cancelPending cancels every input not yet settled, in argument order (the
// order of the cancel requests in the workflow's history).
func cancelPending(ins []input) {
	for _, in := range ins {
		in.base().stop()
	}
}

// addTo adds c's future to s with fn as its callback; for a future that
// Cancel settled before the SDK did, it calls fn at once instead.
func (c *core) addTo(s workflow.Selector, fn func(workflow.Future)) {
	if c.canceled {
		fn(c.future)
		return
	}
	s.AddFuture(c.future, fn)
}
