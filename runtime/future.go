package runtime

import (
	"context"
	"sync"
	"sync/atomic"
)

// A Future is the eventual result of a task: a value of type T or an error.
// It settles exactly once; after that Await returns the same result to every
// caller. The zero Future is not usable: futures come from [Go], [GoNamed],
// [Promise.Future], [Resolved] and [Rejected]. All methods are safe for
// concurrent use.
type Future[T any] struct {
	core
	value T
	fn    func(context.Context) (T, error) // the task; nil for promises and once started
}

// Bits of core.state. A future is pending until settled is set; its value
// and error are written before that. The task bits say that the task's
// context has ended, and why; at most one of them is ever set. Every change
// to state is made with core.mu held.
const (
	settled        uint32 = 1 << iota
	failedCanceled        // the error is context.Canceled (kept here, so that cancelling allocates nothing)
	taskCancelled         // the runtime ended the task's context: its Err is context.Canceled
	taskParentDone        // the parent ended first: the task context's Err is the parent's
)

// taskEnded has a bit set once the task's context has ended.
const taskEnded = taskCancelled | taskParentDone

// closedChan is returned by Done for futures that have already settled.
var closedChan = func() chan struct{} {
	ch := make(chan struct{})
	close(ch)
	return ch
}()

// core is the part of a future that does not depend on T: its state, its
// subscribers and its task's context. Gathers work on cores, so that one
// non-generic loop serves every arity.
//
// A future and its task's context are one allocation, kept small because a
// gather of a million tasks holds a million futures: what most futures never
// need (an error, Done channels, a second subscriber, the parent's
// cancellation hook) hangs off extra, which is allocated on first use.
type core struct {
	mu     sync.Mutex
	state  atomic.Uint32
	slot   int32   // first's slot; a gather of more than 2³¹ futures cannot fit in memory
	first  *waiter // most futures have one subscriber; it costs no allocation
	name   string
	parent context.Context       // the context the task was started under; nil for promises
	extra  atomic.Pointer[extra] // set once, with mu held
}

// extra holds what few futures need.
type extra struct {
	err      error          // the error, unless nil or context.Canceled
	done     chan struct{}  // the future's Done; made on the first call
	taskDone chan struct{}  // the task context's Done; made on the first call
	stop     func() bool    // unregisters the task context from its parent
	more     []subscription // subscribers after the first
}

// subscription is a waiter and the slot it knows an input by.
type subscription struct {
	w    *waiter
	slot int
}

// extraLocked returns c's extra, allocating it on first use; c.mu is held.
func (c *core) extraLocked() *extra {
	x := c.extra.Load()
	if x == nil {
		x = new(extra)
		c.extra.Store(x)
	}
	return x
}

// isSettled reports whether c has settled.
func (c *core) isSettled() bool { return c.state.Load()&settled != 0 }

// err returns c's error; c must have settled.
func (c *core) err() error {
	if c.state.Load()&failedCanceled != 0 {
		return context.Canceled
	}
	if x := c.extra.Load(); x != nil {
		return x.err
	}
	return nil
}

// Await waits until f settles or ctx is done. It returns f's value and error,
// or the zero value and context.Cause(ctx) when ctx is done first. Giving up
// does not cancel f: other callers may still be waiting for it.
func (f *Future[T]) Await(ctx context.Context) (T, error) {
	if !f.isSettled() {
		select {
		case <-f.Done():
		case <-ctx.Done():
			if !f.isSettled() {
				var zero T
				return zero, context.Cause(ctx)
			}
		}
	}
	return f.value, f.err()
}

// Done returns a channel that is closed when f settles, for use in select.
func (f *Future[T]) Done() <-chan struct{} {
	if f.isSettled() {
		return closedChan
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.isSettled() {
		return closedChan
	}
	x := f.extraLocked()
	if x.done == nil {
		x.done = make(chan struct{})
	}
	return x.done
}

// Cancel asks f to stop: when f is still pending, it settles f at once with
// context.Canceled and then cancels the task's context; whatever the task
// returns later is dropped. A task cancelled before its goroutine started, or
// while it waited for a slot of [WithLimit], is never called. Cancel never
// blocks, does not wait for the task to return, and does nothing once f has
// settled.
func (f *Future[T]) Cancel() { f.cancel() }

// Name returns the name given to [GoNamed] or to [GoWith] to [GoWith9], or "".
func (f *Future[T]) Name() string { return f.name }

// settle records v and err unless f has settled already, and reports
// whether it did. When end is a task bit, it also ends the task's context
// for that reason, whether or not f had settled, under the same lock: a
// task's goroutine settles its future with taskCancelled when the task
// returns; a promise, which has no task, settles with 0.
func (f *Future[T]) settle(v T, err error, end uint32) bool {
	f.mu.Lock()
	if f.isSettled() {
		if end != 0 {
			f.endTaskLocked(end)
		}
		f.mu.Unlock()
		return false
	}
	f.value = v
	f.finishLocked(err, end)
	return true
}

// result returns f's outcome as a Result; f must have settled.
func (f *Future[T]) result() Result[T] { return Result[T]{Value: f.value, Err: f.err()} }

// cancel settles c with context.Canceled and cancels its task's context in
// one critical section, so that a task which returns as soon as it sees the
// cancellation cannot settle c first. It reports whether c was pending.
func (c *core) cancel() bool {
	if c.isSettled() {
		return false
	}
	c.mu.Lock()
	if c.isSettled() {
		c.mu.Unlock()
		return false
	}
	c.finishLocked(context.Canceled, taskCancelled)
	return true
}

// finishLocked settles c with err and, when end is a task bit, ends its
// task's context for that reason. It is called with c.mu held and the value
// written, unlocks c.mu, and then wakes the subscribers outside the lock.
func (c *core) finishLocked(err error, end uint32) {
	s := c.state.Load() | settled
	switch err {
	case nil:
	case context.Canceled:
		s |= failedCanceled
	default:
		c.extraLocked().err = err
	}
	if end != 0 && c.endsTask(s) {
		s |= end
	} else {
		end = 0
	}
	c.state.Store(s)
	var done chan struct{}
	var more []subscription
	if x := c.extra.Load(); x != nil {
		done, more = x.done, x.more
		x.done, x.more = closedChan, nil
		if end != 0 {
			x.closeTask()
		}
	}
	first, slot := c.first, int(c.slot)
	c.first = nil
	c.mu.Unlock()
	if done != nil {
		close(done)
	}
	if first != nil {
		first.wake(slot, err)
	}
	for _, sub := range more {
		sub.w.wake(sub.slot, err)
	}
}

// endsTask reports whether a future in state s has a task whose context has
// not ended.
func (c *core) endsTask(s uint32) bool { return c.parent != nil && s&taskEnded == 0 }

// endTaskLocked ends the context of c's task for reason unless it has ended
// already. As the standard contexts do, it records the end before it closes
// Done; Err waits for the closing. c.mu is held.
func (c *core) endTaskLocked(reason uint32) {
	s := c.state.Load()
	if !c.endsTask(s) {
		return
	}
	c.state.Store(s | reason)
	if x := c.extra.Load(); x != nil {
		x.closeTask()
	}
}

// closeTask closes the task context's Done channel, if made, and unregisters
// the context from its parent; the future's mu is held.
func (x *extra) closeTask() {
	if x.taskDone != nil {
		close(x.taskDone)
		x.taskDone = closedChan
	}
	if x.stop != nil {
		x.stop()
		x.stop = nil
	}
}

// subscribe arranges for w.wake(slot, err) to be called when c settles. When
// c has settled already it registers nothing and calls w.wake itself.
func (c *core) subscribe(w *waiter, slot int) {
	if !c.isSettled() {
		c.mu.Lock()
		if !c.isSettled() {
			if c.first == nil {
				c.first, c.slot = w, int32(slot)
			} else {
				x := c.extraLocked()
				x.more = append(x.more, subscription{w, slot})
			}
			c.mu.Unlock()
			return
		}
		c.mu.Unlock()
	}
	w.wake(slot, c.err())
}
