package runtime

import (
	"context"
	"sync/atomic"
)

// waitMode says what a waiter waits for.
type waitMode uint8

const (
	waitAll     waitMode = iota // every input to succeed, or the first to fail (gathers)
	waitSettled                 // every input to settle (settles)
	waitFirst                   // the first input to settle (Race)
	waitSuccess                 // the first input to succeed, or every one to fail (Any)
	waitEach                    // each input as it settles (AsCompleted)
)

// A waiter is what one gather, settle, race or as-completed loop waits on.
// It subscribes to its inputs, each of which wakes it once, with the slot it
// subscribed with and its error. It is one concrete type, so that a future
// keeps its first subscriber in a pointer and calls it directly.
type waiter struct {
	mode waitMode
	// left counts inputs yet to succeed (waitAll), to settle (waitSettled)
	// or to fail (waitSuccess).
	left atomic.Int64
	// found is 1 + the slot of the first failure (waitAll) or of the
	// winner (waitFirst, waitSuccess); 0 while there is none.
	found atomic.Int64
	// signal receives one value when the wait is over; for waitSettled it
	// is closed instead.
	signal chan struct{}
	// arrivals receives the slot of each input as it settles (waitEach);
	// it has room for every input, so wake never blocks.
	arrivals chan int
}

// newWaiter returns a waiter in mode for n inputs.
func newWaiter(mode waitMode, n int) *waiter {
	w := &waiter{mode: mode}
	if mode == waitEach {
		w.arrivals = make(chan int, n)
		return w
	}
	if mode == waitSettled {
		w.signal = make(chan struct{})
	} else {
		w.signal = make(chan struct{}, 1)
	}
	if mode != waitFirst {
		w.left.Store(int64(n))
	}
	return w
}

// wake is called once by each input as it settles. It never blocks.
func (w *waiter) wake(slot int, err error) {
	switch w.mode {
	case waitAll:
		if err != nil {
			w.win(slot)
		} else if w.left.Add(-1) == 0 {
			w.notify()
		}
	case waitSettled:
		if w.left.Add(-1) == 0 {
			close(w.signal)
		}
	case waitFirst:
		w.win(slot)
	case waitSuccess:
		if err == nil {
			w.win(slot)
		} else if w.left.Add(-1) == 0 {
			w.notify()
		}
	case waitEach:
		w.arrivals <- slot
	}
}

// win records slot as found unless another was first.
func (w *waiter) win(slot int) {
	if w.found.CompareAndSwap(0, int64(slot)+1) {
		w.notify()
	}
}

// notify ends the wait. In every mode that uses it, it is called at most
// once; the buffer of one makes it never block.
func (w *waiter) notify() {
	select {
	case w.signal <- struct{}{}:
	default:
	}
}

// over reports whether the wait of a waitAll, waitFirst or waitSuccess
// waiter is over.
func (w *waiter) over() bool {
	return w.found.Load() != 0 || (w.mode != waitFirst && w.left.Load() == 0)
}

// wait blocks until the wait is over or ctx is done, and reports whether the
// wait is over; an input that settles while ctx ends still counts.
func (w *waiter) wait(ctx context.Context) bool {
	if w.over() {
		return true
	}
	select {
	case <-w.signal:
		return true
	case <-ctx.Done():
		return w.over()
	}
}

// An input is a future as a gather sees it: a *core, or a *Future[T], which
// has the methods of its core. Gathers are generic in it, so that All and
// the others work on their argument directly, without a slice of cores.
type input interface {
	base() *core
}

// base returns c itself; through embedding, a future's base is its core.
func (c *core) base() *core { return c }

// cancelInputs cancels every input that is still pending.
func cancelInputs[E input](in []E) {
	for _, e := range in {
		e.base().cancel()
	}
}
