package runtime

import (
	"context"
	"runtime/debug"
	"time"
)

// Go starts fn in its own goroutine, like asyncio.create_task, and returns
// its future. fn receives a child context of ctx that is cancelled when ctx
// is, when the future is cancelled, and when fn returns.
//
// A panic in fn settles the future with a *[PanicError]; the process does not
// crash. When ctx is already done by the time fn's turn comes, fn is not
// called and the future settles with context.Cause(ctx). Under a context from
// [WithLimit], fn waits for a free slot.
func Go[T any](ctx context.Context, fn func(context.Context) (T, error)) *Future[T] {
	return start(ctx, "", fn, "runtime.Go")
}

// GoNamed is [Go] with a name for the task, which a gather reports in its
// *[TaskError] when the task fails. Generated wrappers of functions that
// carry no values call it with the wrapped function's name (the others
// call [GoWith] to [GoWith9]).
func GoNamed[T any](ctx context.Context, name string, fn func(context.Context) (T, error)) *Future[T] {
	return start(ctx, name, fn, "runtime.GoNamed")
}

// GoWith is [GoNamed] for a function that receives its input as an argument
// instead of capturing it: the task is fn(ctx, arg). When fn captures
// nothing (a function literal that uses only its parameters, or a top-level
// function), the future, arg and fn take one allocation, where a closure
// would take one more. [GoWith2] to [GoWith9] take two to nine arguments.
// Generated wrappers call them: a function of the right shape is passed as
// it is (runtime.GoWith2(ctx, "F", n, s, F)), a method through a function
// literal that takes the receiver and the parameters.
func GoWith[A, T any](ctx context.Context, name string, arg A, fn func(context.Context, A) (T, error)) *Future[T] {
	checkStart(ctx, fn == nil, "runtime.GoWith")
	t := &argTask[A, T]{arg: arg, call: fn}
	t.name = name
	launch(ctx, &t.core, t)
	return &t.Future
}

// argTask is a future with its task's function and argument beside it.
type argTask[A, T any] struct {
	Future[T]
	arg  A
	call func(context.Context, A) (T, error)
}

// run calls fn(ctx, arg) as the future's task, then drops both.
func (t *argTask[A, T]) run() {
	call, arg := t.call, t.arg
	t.call, t.arg = nil, *new(A)
	t.runTask(func(ctx context.Context) (T, error) { return call(ctx, arg) })
}

// start is Go and GoNamed: it checks the arguments for caller, then makes
// the future named name with fn as its task and launches it under ctx.
func start[T any](ctx context.Context, name string, fn func(context.Context) (T, error), caller string) *Future[T] {
	checkStart(ctx, fn == nil, caller)
	t := &fnTask[T]{fn: fn}
	t.name = name
	launch(ctx, &t.core, t)
	return &t.Future
}

// fnTask is a future with its task's function beside it.
type fnTask[T any] struct {
	Future[T]
	fn func(context.Context) (T, error)
}

// checkStart panics, naming the argument, when ctx or fn is nil.
func checkStart(ctx context.Context, nilFn bool, caller string) {
	if ctx == nil {
		panic(caller + ": ctx is nil")
	}
	if nilFn {
		panic(caller + ": fn is nil")
	}
}

// launch starts r, the task of the future whose core is c, under ctx: in a
// goroutine of its own, or in a slot of the limiter that ctx carries.
func launch(ctx context.Context, c *core, r runner) {
	c.parent = ctx
	if liveScopes.Load() != 0 {
		c.enterScope(ctx)
	}
	if l := limiterOf(ctx); l != nil {
		l.submit(r)
		return
	}
	go r.run()
}

// queuedUnder returns the context the task was started under: its end
// abandons the task while it waits for a slot.
func (f *Future[T]) queuedUnder() context.Context { return f.parent }

// queuedAt records the task's place in its limiter's queue, where Cancel
// finds it; the limiter's mu is held.
func (f *Future[T]) queuedAt(q *queued) {
	if q != nil {
		f.extraOf().queued = q
	} else if x := f.extra.Load(); x != nil {
		x.queued = nil
	}
}

// skip settles the abandoned task without calling it, as run would once its
// turn came (unless it was cancelled), and reports it to its observer as a
// task that never started.
func (f *Future[T]) skip() {
	var zero T
	cause := context.Cause(f.parent)
	if o := observerOf(f.parent); o != nil {
		notStarted(o, &f.core, cause)
	}
	f.settle(zero, cause, taskCancelled)
	f.leaveScope()
}

// run calls the task's function as the future's task, and drops it.
func (t *fnTask[T]) run() {
	fn := t.fn
	t.fn = nil
	t.runTask(fn)
}

// runTask calls fn and settles f with what it returns, with a *PanicError
// when it panics, or with errGoexit when it calls runtime.Goexit. Either way
// it then ends the task's context. Under an observer, fn runs between its
// TaskStart and TaskEnd, and a task that does not start reports its end.
// The task leaves its scope, if it entered one, once fn has returned:
// before the settle when fn returns, so that a wait that returned need not
// wait for the leave, and after it otherwise.
func (f *Future[T]) runTask(fn func(context.Context) (T, error)) {
	o := observerOf(f.parent)
	state := f.state.Load()
	if state&claimed != 0 { // cancelled while it waited for a slot or to start
		if o != nil {
			notStarted(o, &f.core, nil)
		}
		f.leaveScope()
		return
	}
	if f.parent.Err() != nil {
		var zero T
		cause := context.Cause(f.parent)
		if o != nil {
			notStarted(o, &f.core, cause)
		}
		f.settle(zero, cause, taskCancelled)
		f.leaveScope()
		return
	}
	scoped := state&inScope != 0 // set before the task's start, and cleared only below
	returned := false
	defer func() {
		if !returned {
			var zero T
			f.settle(zero, abortError(recover()), taskCancelled)
			if scoped {
				f.leaveScope()
			}
		}
	}()
	var v T
	var err error
	if o != nil {
		v, err = observeCall(o, Task{Name: f.name, Slot: f.knownSlot()}, &f.core, (*taskContext)(&f.core), fn)
	} else {
		v, err = fn((*taskContext)(&f.core))
	}
	returned = true
	if scoped {
		f.leaveScope()
	}
	f.settle(v, err, taskCancelled)
}

// abortError is the error of a task that did not return, given what
// recover returned in its deferred call: a *PanicError for a panic, or
// errGoexit when the task called runtime.Goexit. It takes the stack of the
// task's goroutine, so it must be called there.
func abortError(recovered any) error {
	if recovered != nil {
		return &PanicError{Value: recovered, Stack: debug.Stack()}
	}
	return errGoexit
}

// taskContext is the context a task runs under: a child of the context
// passed to Go, made of the fields of the task's own future, so that it costs
// no allocation of its own. It is built lazily: it allocates nothing and
// registers nothing with its parent until the task asks for Done, so a task
// that never looks at its context costs no more than a goroutine.
type taskContext core

// Deadline returns the parent's deadline.
func (c *taskContext) Deadline() (time.Time, bool) { return c.parent.Deadline() }

// Value returns the parent's value for key, except that the limit of
// WithLimit does not pass on to the futures a task starts: a task that starts
// and awaits sub-tasks must not wait for the slot it holds itself.
func (c *taskContext) Value(key any) any { return valueBelowLimit(c.parent, key) }

// Done returns a channel closed when the task's context is cancelled. Every
// call returns the same channel, as the standard contexts' Done does.
func (c *taskContext) Done() <-chan struct{} {
	if c.state.Load()&taskEnded == 0 && c.parent.Err() != nil {
		(*core)(c).endTask(taskParentDone)
	}
	if c.state.Load()&taskEnded != 0 && c.extra.Load() == nil {
		return closedChan // ended before anyone asked: no channel was made
	}
	x := (*core)(c).extraOf()
	x.mu.Lock()
	defer x.mu.Unlock()
	if c.state.Load()&taskEnded != 0 {
		x.closeTask() // the end may not have reached x yet
		if x.taskDone != nil {
			return x.taskDone // made, and closed, before the end
		}
		return closedChan
	}
	if x.taskDone == nil {
		x.taskDone = make(chan struct{})
		if c.parent.Done() != nil {
			x.stop = context.AfterFunc(c.parent, (*core)(c).parentDone)
		}
	}
	return x.taskDone
}

// Err returns nil while the context is live, then why it was cancelled. It
// reports an end only once Done shows it.
func (c *taskContext) Err() error {
	s := c.state.Load()
	if s&taskEnded == 0 {
		if c.parent.Err() == nil {
			return nil
		}
		(*core)(c).parentDone()
		s = c.state.Load()
	}
	if x := c.extra.Load(); x != nil {
		x.mu.Lock()
		x.closeTask()
		x.mu.Unlock()
	}
	if s&taskCancelled != 0 {
		return context.Canceled
	}
	return c.parent.Err()
}

// String names the context for debugging, as the standard contexts do.
func (c *taskContext) String() string { return "runtime.taskContext" }

// parentDone ends the task's context because its parent is done, unless it
// has ended already.
func (c *core) parentDone() { c.endTask(taskParentDone) }
