package gtemporal

import (
	"errors"
	"fmt"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// ErrNoTimeout is the error of a future whose activity was started under a
// context without a start-to-close or a schedule-to-close timeout: the server
// refuses such an activity, so [Execute] and [ExecuteLocal] fail it at once
// instead of scheduling it. Set one with workflow.WithActivityOptions, or
// workflow.WithLocalActivityOptions for a local activity.
var ErrNoTimeout = errors.New("gtemporal: no StartToCloseTimeout or ScheduleToCloseTimeout in the activity options (set them with workflow.WithActivityOptions or workflow.WithLocalActivityOptions)")

// Future is the typed result of an activity, a local activity or a child
// workflow ([Execute], [ExecuteLocal], [ExecuteChild]), or of a function run
// by [Go]: the workflow-side twin of the runtime's Future. It wraps the
// SDK's workflow.Future, decodes the result into T once, and owns a cancel
// scope of its own.
type Future[T any] struct {
	core
	value  T
	loaded bool
	err    error
}

// core is the part of a future that does not depend on its type: what the
// gathers wait on and cancel.
type core struct {
	name     string
	scope    workflow.Context // the future's cancel scope, under which its result is read
	future   workflow.Future
	cancel   workflow.CancelFunc
	queued   *queued // the future's place in a limiter's queue, or nil
	wait     bool    // the options set WaitForCancellation: the SDK settles a cancelled future
	canceled bool    // Cancel settled the future before the SDK did
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
	return start[T](ctx, "gtemporal.Execute", activityKind, name, args)
}

// ExecuteLocal starts the local activity registered under name with args
// (workflow.ExecuteLocalActivity), in a cancel scope of its own under ctx,
// and returns its future, which joins every gather as [Execute]'s futures
// do. The workflow's worker runs a local activity itself, without a round
// trip to the server per attempt: it suits short work (seconds at most).
// The worker registers it as any activity, under its name.
//
// The options come from ctx (workflow.WithLocalActivityOptions): without a
// StartToCloseTimeout or ScheduleToCloseTimeout the future has already
// failed with [ErrNoTimeout]. A local activity cannot heartbeat; it runs in
// the worker's process, and Cancel cancels its context.Context. Under
// [WithLimit] it waits for a slot as an activity does. ExecuteLocal panics
// when ctx is nil or name is empty.
func ExecuteLocal[T any](ctx workflow.Context, name string, args ...any) *Future[T] {
	return start[T](ctx, "gtemporal.ExecuteLocal", localKind, name, args)
}

// ExecuteChild starts the workflow registered under name as a child of the
// running workflow (workflow.ExecuteChildWorkflow), in a cancel scope of its
// own under ctx, and returns the future of its result, which joins every
// gather as [Execute]'s futures do; a [TaskError] for its slot names the
// child workflow. The options come from ctx (workflow.WithChildOptions), as
// for the SDK: without them the child runs on the parent's task queue,
// under an ID that the SDK derives from the parent's run.
//
// Cancelling the future, or a gather that cancels it, asks the server to
// cancel the child: the child's workflow.Context is done and it ends as its
// code decides (a gather in it cancels its own activities and returns).
// Unless the child options set WaitForCancellation, the future settles at
// once with a *temporal.CanceledError. A child that is still running when
// its parent closes is handled by its ParentClosePolicy (see the package
// documentation). Under [WithLimit] a child waits for a slot as an activity
// does. ExecuteChild panics when ctx is nil or name is empty.
func ExecuteChild[T any](ctx workflow.Context, name string, args ...any) *Future[T] {
	return start[T](ctx, "gtemporal.ExecuteChild", childKind, name, args)
}

// start is Execute, ExecuteLocal and ExecuteChild: it starts what k names
// at once, or queues it under a limiter.
func start[T any](ctx workflow.Context, caller string, k kind, name string, args []any) *Future[T] {
	if ctx == nil {
		panic(caller + ": ctx is nil")
	}
	if name == "" {
		panic(caller + ": name is empty")
	}
	f := &Future[T]{core: core{name: name}}
	ctx, s := waitForCancellation(ctx, k)
	wait, err := k.options(ctx, name)
	if err != nil {
		future, settable := workflow.NewFuture(ctx)
		settable.SetError(err)
		f.scope, f.future, f.cancel = ctx, future, func() {}
		return f
	}
	scope, cancel := workflow.WithCancel(ctx)
	f.scope, f.cancel, f.wait = scope, cancel, wait
	if l := limiterOf(ctx); l != nil {
		f.future, f.queued = l.enqueue(scope, k, name, args, wait)
	} else {
		f.future = k.launch(scope, name, args)
	}
	if s != nil {
		s.futures = append(s.futures, f.future)
	}
	return f
}

// Go runs fn in a coroutine of its own (workflow.Go) under a cancel scope
// of ctx and returns the future of its result. It is how a gather in flight
// joins a workflow.Selector (with [Future.AddTo]) beside a signal or a
// timer, and how it is stopped: Cancel cancels fn's ctx, so that a gather
// in fn cancels its inputs and returns. Cancel settles the future at once
// with a *temporal.CanceledError; fn's own result, arriving later, is
// dropped. A panic in fn is the SDK's to handle, as anywhere in workflow
// code. The future has no name. Go panics when ctx or fn is nil.
func Go[T any](ctx workflow.Context, fn func(ctx workflow.Context) (T, error)) *Future[T] {
	checkCtx("gtemporal.Go", ctx)
	if fn == nil {
		panic("gtemporal.Go: fn is nil")
	}
	scope, cancel := workflow.WithCancel(ctx)
	future, settable := workflow.NewFuture(scope)
	workflow.Go(scope, func(ctx workflow.Context) {
		v, err := fn(ctx)
		settable.Set(v, err)
	})
	return &Future[T]{core: core{scope: scope, future: future, cancel: cancel}}
}

// Name returns the name under which the activity or the child workflow is
// registered; "" for a future of [Go].
func (f *Future[T]) Name() string { return f.name }

// IsReady reports whether the future has settled (completed, failed or been
// cancelled), so that [Future.Get] returns without blocking. It is true
// right after [Future.Cancel], unless the options set WaitForCancellation.
func (f *Future[T]) IsReady() bool { return f.ready() }

// Cancel cancels the future's scope: a scheduled activity is asked to stop
// (it learns of it at its next heartbeat), a local activity's context is
// cancelled, a child workflow is asked to cancel, and what still waits for
// a slot of [WithLimit] is never started. Unless the options set
// WaitForCancellation, the future settles at once with a
// *temporal.CanceledError: IsReady reports true and Get returns it, whatever
// the SDK reports later. Cancel of a settled future does nothing.
func (f *Future[T]) Cancel() { f.core.stop() }

// Get waits until the future settles or ctx is done. It returns the result
// decoded into T, or its error: a *temporal.ActivityError for an activity
// that failed, timed out or was cancelled, a
// *temporal.ChildWorkflowExecutionError for a child workflow. When ctx is
// done first, Get returns ctx.Err() and leaves the future running: call
// Cancel to stop it.
func (f *Future[T]) Get(ctx workflow.Context) (T, error) {
	if ctx == nil {
		panic("gtemporal.Future.Get: ctx is nil")
	}
	if !f.ready() && !waitReady(ctx, f.future) {
		var zero T
		return zero, ctx.Err()
	}
	if err := f.load(ctx); err != nil {
		var zero T
		return zero, err
	}
	return f.value, nil
}

// AddTo adds f to sel, so that a workflow waits for it beside a signal, a
// timer or any other workflow.Future, and returns sel. When a Select of sel
// picks f, fn receives f's value and error, as Get returns them. A gather
// joins a Selector through [Go]. To stop the future that lost a Select,
// Cancel it. AddTo panics when sel or fn is nil.
func (f *Future[T]) AddTo(sel workflow.Selector, fn func(T, error)) workflow.Selector {
	if sel == nil {
		panic("gtemporal.Future.AddTo: sel is nil")
	}
	if fn == nil {
		panic("gtemporal.Future.AddTo: fn is nil")
	}
	return sel.AddFuture(f.future, func(workflow.Future) {
		err := f.load(f.scope)
		fn(f.value, err)
	})
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

// load decodes the result of the settled future into f.value, once, and
// returns its error or the data converter's. A future that Cancel settled
// holds the cancellation, whatever the SDK delivered since.
func (f *Future[T]) load(ctx workflow.Context) error {
	if f.loaded {
		return f.err
	}
	f.loaded = true
	if f.canceled {
		f.err = temporal.NewCanceledError()
		return f.err
	}
	f.err = decode(ctx, f.future, &f.value)
	return f.err
}

// ready reports whether the future has settled, or Cancel settled it.
func (c *core) ready() bool { return c.canceled || c.future.IsReady() }

// stop cancels the scope and, unless the options set WaitForCancellation,
// settles the future: a limiter's at once, any other through the canceled
// flag, since the SDK may settle it later (the test environment does, at
// its next step).
func (c *core) stop() {
	if c.ready() {
		return
	}
	c.cancel()
	if c.queued != nil {
		c.queued.stop()
		return
	}
	if !c.wait && !c.future.IsReady() {
		c.canceled = true
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
