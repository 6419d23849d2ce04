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

// Future states.
const (
	pending uint32 = iota
	settled
)

// closedChan is returned by Done for futures that have already settled.
var closedChan = func() chan struct{} {
	ch := make(chan struct{})
	close(ch)
	return ch
}()

// A waker is told when a future it subscribed to settles: slot is the
// number it subscribed with, err the future's error. wake must not block.
type waker interface {
	wake(slot int, err error)
}

type subscription struct {
	w    waker
	slot int
}

// core is the part of a future that does not depend on T: its state, its
// subscribers and its task context. Gathers work on cores, so that one
// non-generic loop serves every arity.
type core struct {
	state atomic.Uint32
	mu    sync.Mutex
	done  chan struct{} // made on the first call to Done
	first subscription  // most futures have one subscriber; it costs no allocation
	more  []subscription
	err   error
	name  string
	task  taskContext // parent is nil for futures that run no task
}

// Await waits until f settles or ctx is done. It returns f's value and error,
// or the zero value and context.Cause(ctx) when ctx is done first. Giving up
// does not cancel f: other callers may still be waiting for it.
func (f *Future[T]) Await(ctx context.Context) (T, error) {
	if f.state.Load() != settled {
		select {
		case <-f.Done():
		case <-ctx.Done():
			if f.state.Load() != settled {
				var zero T
				return zero, context.Cause(ctx)
			}
		}
	}
	return f.value, f.err
}

// Done returns a channel that is closed when f settles, for use in select.
func (f *Future[T]) Done() <-chan struct{} {
	if f.state.Load() == settled {
		return closedChan
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.done == nil {
		if f.state.Load() == settled {
			return closedChan
		}
		f.done = make(chan struct{})
	}
	return f.done
}

// Cancel asks f to stop: it cancels the task's context and, when f is still
// pending, settles f at once with context.Canceled; whatever the task returns
// later is dropped. Cancel never blocks and does nothing once f has settled.
func (f *Future[T]) Cancel() { f.cancel() }

// Name returns the name given to [GoNamed], or "".
func (f *Future[T]) Name() string { return f.name }

// settle records v and err unless f has settled already; it reports whether
// it did.
func (f *Future[T]) settle(v T, err error) bool {
	f.mu.Lock()
	if f.state.Load() == settled {
		f.mu.Unlock()
		return false
	}
	f.value = v
	f.finishLocked(err)
	return true
}

// result returns f's outcome as a Result; f must have settled.
func (f *Future[T]) result() Result[T] { return Result[T]{Value: f.value, Err: f.err} }

// cancel settles c with context.Canceled and then cancels its task's
// context, in that order, so that a task which returns as soon as it sees
// the cancellation cannot settle c first. It reports whether c was pending.
func (c *core) cancel() bool {
	if c.state.Load() == settled {
		return false
	}
	c.mu.Lock()
	if c.state.Load() == settled {
		c.mu.Unlock()
		return false
	}
	c.finishLocked(context.Canceled)
	if c.task.parent != nil {
		c.task.cancel(context.Canceled)
	}
	return true
}

// finishLocked settles c with err. It is called with c.mu held, unlocks it,
// and then wakes the subscribers outside the lock.
func (c *core) finishLocked(err error) {
	c.err = err
	c.state.Store(settled)
	done, first, more := c.done, c.first, c.more
	c.first, c.more = subscription{}, nil
	c.mu.Unlock()
	if done != nil {
		close(done)
	}
	if first.w != nil {
		first.w.wake(first.slot, err)
	}
	for _, s := range more {
		s.w.wake(s.slot, err)
	}
}

// subscribe arranges for w.wake(slot, err) to be called when c settles. When
// c has settled already it registers nothing and calls w.wake itself.
func (c *core) subscribe(w waker, slot int) {
	if c.state.Load() != settled {
		c.mu.Lock()
		if c.state.Load() != settled {
			if c.first.w == nil {
				c.first = subscription{w, slot}
			} else {
				c.more = append(c.more, subscription{w, slot})
			}
			c.mu.Unlock()
			return
		}
		c.mu.Unlock()
	}
	w.wake(slot, c.err)
}
