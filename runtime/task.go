package runtime

import (
	"context"
	"runtime/debug"
	"sync"
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
// *[TaskError] when the task fails. Generated wrappers call GoNamed with the
// wrapped function's name.
func GoNamed[T any](ctx context.Context, name string, fn func(context.Context) (T, error)) *Future[T] {
	return start(ctx, name, fn, "runtime.GoNamed")
}

func start[T any](ctx context.Context, name string, fn func(context.Context) (T, error), caller string) *Future[T] {
	if ctx == nil {
		panic(caller + ": ctx is nil")
	}
	if fn == nil {
		panic(caller + ": fn is nil")
	}
	f := &Future[T]{fn: fn}
	f.name = name
	f.task.parent = ctx
	if l, ok := ctx.Value(limitKey{}).(*limiter); ok {
		l.submit(f)
		return f
	}
	go f.run()
	return f
}

// run calls the task's function and settles f with what it returns, with a
// *PanicError when it panics, or with errGoexit when it calls runtime.Goexit.
func (f *Future[T]) run() {
	fn := f.fn
	f.fn = nil
	if f.state.Load() == settled { // cancelled while it waited for a slot
		return
	}
	if f.task.parent.Err() != nil {
		var zero T
		f.settle(zero, context.Cause(f.task.parent))
		f.task.cancel(context.Canceled)
		return
	}
	returned := false
	defer func() {
		if !returned {
			var zero T
			if r := recover(); r != nil {
				f.settle(zero, &PanicError{Value: r, Stack: debug.Stack()})
			} else {
				f.settle(zero, errGoexit)
			}
		}
		f.task.cancel(context.Canceled)
	}()
	v, err := fn(&f.task)
	returned = true
	f.settle(v, err)
}

// taskContext is the context a task runs under. It is a child of the context
// passed to Go, built lazily: it allocates nothing and registers nothing with
// its parent until the task asks for Done, so a task that never looks at its
// context costs no more than a goroutine.
type taskContext struct {
	parent context.Context
	mu     sync.Mutex
	done   chan struct{} // made on the first call to Done
	err    error         // set once cancelled
	stop   func() bool   // unregisters the parent's AfterFunc
}

// Deadline returns the parent's deadline.
func (c *taskContext) Deadline() (time.Time, bool) { return c.parent.Deadline() }

// Value returns the parent's value for key, except that the limit of
// WithLimit does not pass on to the futures a task starts: a task that starts
// and awaits sub-tasks must not wait for the slot it holds itself.
func (c *taskContext) Value(key any) any {
	if _, ok := key.(limitKey); ok {
		return nil
	}
	return c.parent.Value(key)
}

// Done returns a channel closed when the task's context is cancelled.
func (c *taskContext) Done() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done != nil {
		return c.done
	}
	if c.err == nil {
		if err := c.parent.Err(); err != nil {
			c.err = err
		}
	}
	if c.err != nil {
		c.done = closedChan
		return c.done
	}
	c.done = make(chan struct{})
	if c.parent.Done() != nil {
		c.stop = context.AfterFunc(c.parent, func() { c.cancel(c.parent.Err()) })
	}
	return c.done
}

// Err returns nil while the context is live, then why it was cancelled.
func (c *taskContext) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		if err := c.parent.Err(); err != nil {
			c.cancelLocked(err)
		}
	}
	return c.err
}

// cancel cancels the context with err unless it is cancelled already.
func (c *taskContext) cancel(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		c.cancelLocked(err)
	}
}

func (c *taskContext) cancelLocked(err error) {
	c.err = err
	if c.done != nil && c.done != closedChan {
		close(c.done)
	}
	if c.stop != nil {
		c.stop()
		c.stop = nil
	}
}

// String names the context for debugging, as the standard contexts do.
func (c *taskContext) String() string { return "runtime.taskContext" }
