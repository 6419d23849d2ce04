package runtime

import (
	"context"
	"sync"
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
	// signal receives one value when the wait is over. It is nil when the
	// context of the wait can never end: then nothing needs a select, and
	// done, which costs no allocation, is the wake-up.
	signal chan struct{}
	done   sync.WaitGroup
	// arrivals receives the slot of each input as it settles (waitEach);
	// it has room for every input, so wake never blocks.
	arrivals chan int
}

// newWaiter returns a waiter in mode for n inputs, for a wait under ctx.
func newWaiter(ctx context.Context, mode waitMode, n int) *waiter {
	w := &waiter{mode: mode}
	switch {
	case mode == waitEach:
		w.arrivals = make(chan int, n)
		return w
	case ctx.Done() == nil:
		w.done.Add(1)
	default:
		w.signal = make(chan struct{}, 1)
	}
	if mode != waitFirst {
		w.left.Store(int64(n))
	}
	return w
}

// subscribeEach returns a waiter in mode for the n inputs of a wait under
// ctx, the core of slot i being at(i), subscribed to each in slot order. It
// stops once a slot is found (a gather's failure, a race's winner): that
// decides the wait, and the caller cancels every input, subscribed or not.
func subscribeEach(ctx context.Context, mode waitMode, n int, at func(int) *core) *waiter {
	w := newWaiter(ctx, mode, n)
	for i := range n {
		at(i).subscribe(w, i)
		if w.found.Load() != 0 {
			break
		}
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
			w.notify()
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
// once, so it never blocks: signal has room for one value.
func (w *waiter) notify() {
	if w.signal == nil {
		w.done.Done()
		return
	}
	w.signal <- struct{}{}
}

// over reports whether the wait of a waiter in any mode but waitEach is
// over: a slot was found, or no input is left to wait for.
func (w *waiter) over() bool {
	return w.found.Load() != 0 || (w.mode != waitFirst && w.left.Load() == 0)
}

// wait blocks until the wait is over or ctx is done, and reports whether the
// wait is over; an input that settles while ctx ends still counts.
func (w *waiter) wait(ctx context.Context) bool {
	if w.over() {
		return true
	}
	if w.signal == nil {
		w.done.Wait()
		return true
	}
	select {
	case <-w.signal:
		return true
	case <-ctx.Done():
		return w.over()
	}
}

// The waits below see their inputs as a count and a function from slot to
// core, so that one non-generic loop serves the generated GatherN and
// SettleN (an array of cores on the stack) and All and the others (the
// caller's slice of futures, with no slice of cores made from it).

// coresOf returns the slot-to-core function of fs.
func coresOf[T any](fs []*Future[T]) func(int) *core {
	return func(i int) *core { return &fs[i].core }
}

// cancelEach cancels every input that is still pending.
func cancelEach(n int, at func(int) *core) {
	for i := range n {
		at(i).cancel()
	}
}
