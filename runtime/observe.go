package runtime

import (
	"context"
	"time"
)

// An Observer sees the tasks started under a context from [WithObserver]:
// each reports its start and its end, with its name, its slot, how long it
// ran and its outcome. It is how a trace gets a span per task (the module
// github.com/gathergen/gathergen/otel provides that observer) and how
// [ProfileLabels] names tasks in profiles.
//
// The tasks are those that [Go], [GoNamed], [GoWith] to [GoWith9] (and so
// every generated wrapper) start, and the calls that [Map] and [Stream]
// make, limited or not, under that context or any context derived from it: the context a
// task receives carries the observer too, so sub-tasks are observed, and
// their spans nest under their parent's.
//
// TaskStart is called in the goroutine that runs the task, once the task
// has its slot of [WithLimit], just before its function. It returns the
// context the task's function receives: ctx itself, or a context derived
// from it (with a span, labels or other values), so that the function sees
// the cancellation of ctx. A nil context stands for ctx.
//
// TaskEnd is called once per task, after its function returned or
// panicked, in the same goroutine, and before the task's future settles (for
// Map, before the call's result counts), so that when a wait returns a
// task's result, that task's TaskEnd has returned. Its ctx is what TaskStart
// returned. A future whose task never started, because it was cancelled
// while it waited for a slot or its context was done by its turn, reports
// only its end, with Outcome.Started false and ctx the context it was
// started under. A call that Map does not make, once it has stopped, is not
// a task and is not reported: Map's *[PendingError] names those elements.
//
// A panic in TaskStart or TaskEnd is a panic of the task: its future settles
// with a *[PanicError], and a call of Map or Stream fails with it. Whatever
// panics, every observer whose TaskStart returned gets its TaskEnd, in
// nesting order (see [WithObserver]): when an inner observer panics in
// TaskStart, the outer ones end at once, and when one panics in TaskEnd,
// those outside it end all the same; each of them sees the *PanicError as
// Outcome.Err. An observer whose own TaskStart panicked gets no TaskEnd for
// that task: it returned no context to end. An Observer's methods are called from many
// goroutines at once and must be safe for that.
type Observer interface {
	TaskStart(ctx context.Context, t Task) context.Context
	TaskEnd(ctx context.Context, t Task, o Outcome)
}

// Task names a task to an [Observer].
type Task struct {
	// Name is the name given to [GoNamed] or [GoWith] (generated wrappers
	// give the wrapped function's), or to [MapNamed] or [StreamNamed] for
	// their calls; it is empty for [Go] and for the calls of [Map] and
	// [Stream].
	Name string
	// Slot is the task's position in the wait that knows it, or -1: for a
	// call of Map, its element's index; for a future, its slot in the first
	// gather, settle or race that waits for it, once that wait has started
	// waiting. TaskStart often sees -1 where TaskEnd sees the slot.
	Slot int
}

// Outcome is how a task ended, as [Observer.TaskEnd] sees it.
type Outcome struct {
	// Started reports that TaskStart was called for the task. It is false
	// for a task cancelled before it started, whose function was never
	// called either. It is true, with Duration 0, for the outer observers
	// of one that panicked in TaskStart.
	Started bool
	// Duration is how long the task's function ran (TaskStart and
	// TaskEnd excluded); 0 when it never started.
	Duration time.Duration
	// Value is what the task's function returned, when it succeeded.
	Value any
	// Err is the task's error: what its function returned, a *[PanicError]
	// for a panic, or, for a task that never started, why (context.Canceled
	// or the cause of the context it was started under). The task's future
	// may carry another error: one cancelled while its function ran settled
	// with context.Canceled at once.
	Err error
}

// observerKey is the context key under which WithObserver stores its
// observer.
type observerKey struct{}

// WithObserver returns a copy of ctx under which every task reports its
// start and its end to o (see [Observer] for what a task is and when it
// reports). Observers nest: an observer set under a context that has one
// already is added to it, not put in its place. Both see every task started
// under the returned context: the outer one (set first) starts first and
// ends last, and the inner one's TaskStart receives the context that the
// outer one's returned, as middleware does. With no observer set, tasks
// cost nothing more: no allocation and no measurable time (see
// bench/README.md). WithObserver panics when ctx or o is nil.
func WithObserver(ctx context.Context, o Observer) context.Context {
	if ctx == nil {
		panic("runtime.WithObserver: ctx is nil")
	}
	if o == nil {
		panic("runtime.WithObserver: o is nil")
	}
	if outer := observerOf(ctx); outer != nil {
		o = chain{outer: outer, inner: o}
	}
	return context.WithValue(ctx, observerKey{}, o)
}

// observerOf returns the observer that ctx carries, or nil.
func observerOf(ctx context.Context) Observer {
	o, _ := ctx.Value(observerKey{}).(Observer)
	return o
}

// chain is two observers, one set under the other.
type chain struct{ outer, inner Observer }

// chained is the context a task of a chain runs under: the inner observer's,
// remembering the outer one's for its TaskEnd.
type chained struct {
	context.Context
	outer context.Context
}

// TaskStart starts the outer observer, then the inner one under its context.
// When the inner one panics, the outer one ends, with the panic as the
// task's error, before the panic goes on.
func (c chain) TaskStart(ctx context.Context, t Task) context.Context {
	outer := startObserving(c.outer, ctx, t)
	returned := false
	defer c.endAfterPanic(&returned, outer, t, Outcome{Started: true})
	inner := startObserving(c.inner, outer, t)
	returned = true
	return &chained{Context: inner, outer: outer}
}

// TaskEnd ends the inner observer, then the outer one, each with its own
// context. When the inner one panics, the outer one ends all the same, with
// the panic as the task's error, before the panic goes on.
func (c chain) TaskEnd(ctx context.Context, t Task, o Outcome) {
	outer := ctx
	if cc, ok := ctx.(*chained); ok && o.Started {
		ctx, outer = cc.Context, cc.outer
	}
	returned := false
	defer c.endAfterPanic(&returned, outer, t, o)
	c.inner.TaskEnd(ctx, t, o)
	returned = true
	c.outer.TaskEnd(outer, t, o)
}

// endAfterPanic, deferred, does nothing once *returned is true. Otherwise
// the inner observer of c panicked or called runtime.Goexit: it ends the
// outer one under ctx with o, its error that of the panic (as the task's
// future will carry it), and then lets the panic go on. It must be the
// deferred call itself, for recover to stop the panic.
func (c chain) endAfterPanic(returned *bool, ctx context.Context, t Task, o Outcome) {
	if *returned {
		return
	}
	r := recover()
	o.Value, o.Err = nil, abortError(r)
	c.outer.TaskEnd(ctx, t, o)
	if r != nil {
		panic(r)
	}
}

// startObserving calls o.TaskStart and returns the context the task is to
// run under.
func startObserving(o Observer, ctx context.Context, t Task) context.Context {
	if observed := o.TaskStart(ctx, t); observed != nil {
		return observed
	}
	return ctx
}

// observeCall calls fn as a task named t under ctx, between o.TaskStart and
// o.TaskEnd; when c is not nil, TaskEnd gets c's slot as then known. A panic
// in fn is reported and returned as a *PanicError, so that both the observer
// and the future see the same one.
func observeCall[T any](o Observer, t Task, c *core, ctx context.Context, fn func(context.Context) (T, error)) (v T, err error) {
	ctx = startObserving(o, ctx, t)
	began := time.Now()
	returned := false
	defer func() {
		if !returned {
			err = abortError(recover()) // a runtime.Goexit goes on after this
		}
		if c != nil {
			t.Slot = c.knownSlot()
		}
		var value any
		if err == nil {
			value = v
		}
		o.TaskEnd(ctx, t, Outcome{Started: true, Duration: time.Since(began), Value: value, Err: err})
	}()
	v, err = fn(ctx)
	returned = true
	return v, err
}

// notStarted reports to o that the task of the future whose core is c ended
// before it started: cancelled, when c has been claimed (only a cancel
// claims a future before its task starts), or else with cause, the end of
// its parent context.
func notStarted(o Observer, c *core, cause error) {
	if c.isClaimed() {
		cause = context.Canceled
	}
	o.TaskEnd(c.parent, Task{Name: c.name, Slot: c.knownSlot()}, Outcome{Err: cause})
}

// knownSlot returns the slot of c in the first wait that subscribed to it
// (the bottom of its subscriber list), or -1 when none has or c has settled.
func (c *core) knownSlot() int {
	s := c.subs.Load()
	if s == nil || s == &settledList {
		return -1
	}
	for s.next != nil {
		s = s.next
	}
	return s.w.slotOf(s)
}
