package gtemporal

import (
	"errors"
	"fmt"

	"go.temporal.io/sdk/workflow"
)

// ErrNoTimeout is the error of a future whose activity was started under a
// context without a start-to-close or a schedule-to-close timeout: the server
// refuses such an activity, so [Execute] fails it at once instead of
// scheduling it. Set one with workflow.WithActivityOptions.
var ErrNoTimeout = errors.New("gtemporal: no StartToCloseTimeout or ScheduleToCloseTimeout in the activity options (set them with workflow.WithActivityOptions)")

// Future is the typed result of one activity started by [Execute], the
// workflow-side twin of the runtime's Future. It wraps the SDK's
// workflow.Future, decodes the result into T once, and owns a cancel scope
// of its own.
type Future[T any] struct {
	core
	value  T
	loaded bool
	err    error
}

// core is the part of a future that does not depend on its type: what the
// gathers wait on and cancel.
type core struct {
	name   string
	future workflow.Future
	cancel workflow.CancelFunc
	queued *queued // the future's place in a limiter's queue, or nil
}

// input is what a gather holds of each argument: its core, and a way to
// decode its result into the typed future once it is ready.
type input interface {
	base() *core
	load(ctx workflow.Context) error
}

// Execute starts the activity registered under name with args, in a cancel
// scope of its own under ctx, and returns its future. T is the activity's
// result type, struct{} for an activity that returns only an error.
//
// The activity options come from ctx, as for workflow.ExecuteActivity: a
// ctx without a StartToCloseTimeout or ScheduleToCloseTimeout gives a future
// that has already failed with [ErrNoTimeout]. Under a context of
// [WithLimit], the activity waits for a free slot before it is scheduled.
// Execute panics when ctx is nil or name is empty.
func Execute[T any](ctx workflow.Context, name string, args ...any) *Future[T] {
	if ctx == nil {
		panic("gtemporal.Execute: ctx is nil")
	}
	if name == "" {
		panic("gtemporal.Execute: name is empty")
	}
	f := &Future[T]{core: core{name: name}}
	opts := workflow.GetActivityOptions(ctx)
	if opts.StartToCloseTimeout <= 0 && opts.ScheduleToCloseTimeout <= 0 {
		future, settable := workflow.NewFuture(ctx)
		settable.SetError(fmt.Errorf("gtemporal: activity %s: %w", name, ErrNoTimeout))
		f.future, f.cancel = future, func() {}
		return f
	}
	ctx, s := waitForCancellation(ctx)
	scope, cancel := workflow.WithCancel(ctx)
	f.cancel = cancel
	if l := limiterOf(ctx); l != nil {
		f.future, f.queued = l.enqueue(scope, name, args)
	} else {
		f.future = workflow.ExecuteActivity(scope, name, args...)
	}
	if s != nil {
		s.futures = append(s.futures, f.future)
	}
	return f
}

// Name returns the name under which the activity is registered.
func (f *Future[T]) Name() string { return f.name }

// IsReady reports whether the activity has completed, failed or been
// cancelled, so that [Future.Get] returns without blocking.
func (f *Future[T]) IsReady() bool { return f.future.IsReady() }

// Cancel cancels the future's scope: a scheduled activity is asked to stop
// (it learns of it at its next heartbeat), and one still waiting for a slot
// of [WithLimit] is never scheduled. Unless the activity options set
// WaitForCancellation, the future settles at once with a
// *temporal.CanceledError. Cancel of a settled future does nothing.
func (f *Future[T]) Cancel() { f.core.stop() }

// Get waits until the activity settles or ctx is done. It returns the
// activity's result decoded into T, or its error (a *temporal.ActivityError
// for an activity that failed, timed out or was cancelled). When ctx is done
// first, Get returns ctx.Err() and leaves the activity running: call Cancel
// to stop it.
func (f *Future[T]) Get(ctx workflow.Context) (T, error) {
	if ctx == nil {
		panic("gtemporal.Future.Get: ctx is nil")
	}
	if !f.future.IsReady() && !waitReady(ctx, f.future) {
		var zero T
		return zero, ctx.Err()
	}
	if err := f.load(ctx); err != nil {
		var zero T
		return zero, err
	}
	return f.value, nil
}

// waitReady blocks until future is ready (true) or ctx is done (false).
func waitReady(ctx workflow.Context, future workflow.Future) bool {
	ready := false
	s := workflow.NewSelector(ctx)
	s.AddFuture(future, func(workflow.Future) { ready = true })
	if done := ctx.Done(); done != nil {
		s.AddReceive(done, func(workflow.ReceiveChannel, bool) {})
	}
	s.Select(ctx)
	return ready
}

// base returns the untyped part of f.
func (f *Future[T]) base() *core { return &f.core }

// load decodes the result of the ready future into f.value, once, and
// returns the activity's error or the data converter's.
func (f *Future[T]) load(ctx workflow.Context) error {
	if f.loaded {
		return f.err
	}
	var ptr any = &f.value
	if _, empty := ptr.(*struct{}); empty {
		ptr = nil // an activity that returns only an error has no payload
	}
	f.err = f.future.Get(ctx, ptr)
	f.loaded = true
	return f.err
}

// stop cancels the scope, and settles a future still waiting in a
// limiter's queue.
func (c *core) stop() {
	c.cancel()
	if c.queued != nil {
		c.queued.drop()
	}
}

// check panics when f is nil, naming the argument arg of caller, and
// returns f.
func check[T any](caller, arg string, f *Future[T]) *Future[T] {
	if f == nil {
		panic(caller + ": " + arg + " is nil")
	}
	return f
}

// checkAll panics when a future of fs is nil, naming its index.
func checkAll[T any](caller string, fs []*Future[T]) []input {
	ins := make([]input, len(fs))
	for i, f := range fs {
		if f == nil {
			panic(fmt.Sprintf("%s: fs[%d] is nil", caller, i))
		}
		ins[i] = f
	}
	return ins
}

// checkCtx panics when ctx is nil.
func checkCtx(caller string, ctx workflow.Context) {
	if ctx == nil {
		panic(caller + ": ctx is nil")
	}
}
