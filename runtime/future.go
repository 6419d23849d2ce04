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
}

// Bits of core.state. The task bits say that the task's context has ended,
// and why; at most one of them is ever set.
const (
	claimed        uint32 = 1 << iota // a settle has begun: it alone writes the value and the error
	failedCanceled                    // the error is context.Canceled (kept here, so that cancelling allocates nothing)
	taskCancelled                     // the runtime ended the task's context: its Err is context.Canceled
	taskParentDone                    // the parent ended first: the task context's Err is the parent's
)

// taskEnded has a bit set once the task's context has ended.
const taskEnded = taskCancelled | taskParentDone

// closedChan is returned by Done for futures that have already settled.
var closedChan = func() chan struct{} {
	ch := make(chan struct{})
	close(ch)
	return ch
}()

// settledList is the subscriber list of every settled future: a future has
// settled exactly when its list is this one, so that the compare-and-swap
// that closes the list publishes the settle.
var settledList subscription

// core is the part of a future that does not depend on T: its state, its
// subscribers and its task's context. Gathers work on cores, so that one
// non-generic loop serves every arity.
//
// A future and its task's context are one allocation, kept small because a
// gather of a million tasks holds a million futures (Future[int] is 64 bytes,
// one cache line): what most futures never need (an error, Done channels, the
// parent's cancellation hook, and the lock that guards them) hangs off
// extra, which is allocated on first use. Settling and subscribing take no
// lock.
//
// How a future settles: one caller claims it with a compare-and-swap on
// state, writes the value and the error, takes a stamp from clock, and
// records the outcome in the waiter of every subscriber; then it closes the subscriber list with a
// compare-and-swap, which fails when subscribers were pushed meanwhile (it
// then records those and tries again). Only that closing makes the settle
// visible (isSettled, Await, Done, a later subscription); after it come
// Done's closing, the wake-ups of the waiters whose wait the outcome ended,
// and the end of the task's context. So whatever can observe that a future
// has settled, a task that awaits it included, observes it after every
// wait that subscribed to the future has recorded its outcome, and after
// its stamp was taken: a failure that follows from another, in time, can
// never be recorded first by a wait that was subscribed to both, nor carry
// an earlier stamp. A wait still subscribing compares stamps (see
// subscribeEach); one that returns an input's outcome first waits until the
// input's settle is visible (awaitSettled), as the input may have recorded
// its outcome without having closed its list yet.
type core struct {
	state  atomic.Uint32
	stamp  uint32                       // the settle's place in time (see clock); written before the settle is recorded
	subs   atomic.Pointer[subscription] // pushed on top; settledList once settled
	name   string
	parent context.Context       // the context the task was started under; nil for promises
	extra  atomic.Pointer[extra] // set once
}

// extra holds what few futures need.
type extra struct {
	mu         sync.Mutex    // guards done, taskDone, taskClosed and stop
	err        error         // the error, unless nil or context.Canceled; written before the settle is published
	done       chan struct{} // the future's Done; made on the first call while pending
	taskDone   chan struct{} // the task context's Done; made on the first call while live
	taskClosed bool          // taskDone is closed and stop called, if they were set
	stop       func() bool   // unregisters the task context from its parent
	queued     *queued       // the task's place in its limiter's queue; guarded by the limiter's mu
}

// clock orders settles in time. Its high 32 bits are the time, its low 32
// bits count the waits that are subscribing to their inputs. A wait hears
// of inputs in no particular order while it subscribes to them one by one:
// one it has subscribed to may settle after seeing the settle of one it has
// not reached yet, and tell it first. So, while any wait subscribes, each
// settle advances the time and takes the new value as its stamp, before it
// tells any waiter; a settle that follows another (its task saw the other
// one settle) then has a later stamp. While none does, a settle takes the
// time as it is, which costs no write to a line that every settle shares;
// a wait that begins later ranks it as settled before the wait began. The
// time wraps; a wait compares only stamps taken during its own
// subscription, far fewer than 2³¹ apart.
// Every wait writes it twice: it is a lone counter.
var clock loneCounter

// A loneCounter is an atomic counter alone on its cache lines, so that
// writing it makes no other variable's line be read from memory again.
type loneCounter struct {
	_ [cacheLine]byte
	atomic.Uint64
	_ [cacheLine]byte
}

// cacheLine is a size that covers a cache line, for padding.
const cacheLine = 64

// now returns the time of clock.
func now() uint32 { return uint32(clock.Load() >> 32) }

// stampNow returns the stamp of a settle that begins: the time, advanced
// while a wait subscribes.
func stampNow() uint32 {
	v := clock.Load()
	if uint32(v) != 0 {
		v = clock.Add(1 << 32)
	}
	return uint32(v >> 32)
}

// beginSubscribing counts a wait that begins to subscribe, and returns the
// time.
func beginSubscribing() uint32 { return uint32(clock.Add(1) >> 32) }

// endSubscribing counts off a wait that has subscribed to every input.
func endSubscribing() { clock.Add(^uint64(0)) }

// A subscription is one waiter's interest in one input and a link in the
// input's list of subscribers. Waiters own their subscriptions, one per
// input in slot order, allocated with the waiter: a subscription's place
// among them is the slot the waiter knows the input by.
type subscription struct {
	w    *waiter
	next *subscription
}

// extraOf returns c's extra, allocating it on first use.
func (c *core) extraOf() *extra {
	if x := c.extra.Load(); x != nil {
		return x
	}
	c.extra.CompareAndSwap(nil, new(extra))
	return c.extra.Load()
}

// isSettled reports whether c has settled.
func (c *core) isSettled() bool { return c.subs.Load() == &settledList }

// isClaimed reports whether a settle of c has begun: c may not be visibly
// settled yet, but its task must not start.
func (c *core) isClaimed() bool { return c.state.Load()&claimed != 0 }

// err returns c's error; c must have settled, or told a waiter its outcome.
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
// or the zero value and context.Cause(ctx) when ctx is done first. When ctx
// is done and f's error only echoes its end (a context error, or the cause),
// the error is context.Cause(ctx), so that it does not depend on which of
// the two Await saw first. Giving up does not cancel f: other callers may
// still be waiting for it.
func (f *Future[T]) Await(ctx context.Context) (T, error) {
	if ctx == nil {
		panic("runtime.Future.Await: ctx is nil")
	}
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
	if err := f.err(); err != nil {
		if echoesEnd(ctx, err) {
			return f.value, context.Cause(ctx)
		}
		return f.value, err
	}
	return f.value, nil
}

// Done returns a channel that is closed when f settles, for use in select.
func (f *Future[T]) Done() <-chan struct{} { return f.done() }

// done is Done for a core.
func (c *core) done() <-chan struct{} {
	if c.isSettled() {
		return closedChan
	}
	x := c.extraOf()
	x.mu.Lock()
	defer x.mu.Unlock()
	// The settle publishes before it takes x.mu to close done: a settle
	// not yet visible here will find the channel made below.
	if c.isSettled() {
		return closedChan
	}
	if x.done == nil {
		x.done = make(chan struct{})
	}
	return x.done
}

// awaitSettled returns once c has visibly settled; c must have told a
// waiter its outcome, or been claimed. Its settle is then under way, and
// it runs no code of the caller's: the wait is short.
func (c *core) awaitSettled() {
	if !c.isSettled() {
		<-c.done()
	}
}

// Cancel asks f to stop: when f is still pending, it settles f at once with
// context.Canceled and then cancels the task's context; whatever the task
// returns later is dropped. A task cancelled before its goroutine started, or
// while it waited for a slot of [WithLimit], is never called (and leaves the
// limit's queue at once). Cancel does not wait for the task to return, and
// does nothing once f has settled. When it meets another settle of f under
// way (the task returning, a promise settled, a limit's queue releasing f),
// it returns once that settle is visible, so that after Cancel f has
// settled for every observer; that settle runs no user code and takes an
// instant.
func (f *Future[T]) Cancel() { f.cancel() }

// Name returns the name given to [GoNamed] or to [GoWith] to [GoWith9], or "".
func (f *Future[T]) Name() string { return f.name }

// settle records v and err unless f has settled already, and reports
// whether it did. When end is a task bit, it also ends the task's context
// for that reason, whether or not f had settled: a task's goroutine settles
// its future with taskCancelled when the task returns; a promise, which has
// no task, settles with 0.
func (f *Future[T]) settle(v T, err error, end uint32) bool {
	if !f.claim(err) {
		f.endTask(end)
		return false
	}
	f.value = v
	f.finish(err)
	f.endTask(end)
	return true
}

// result returns f's outcome as a Result; f must have settled.
func (f *Future[T]) result() Result[T] { return Result[T]{Value: f.value, Err: f.err()} }

// cancel settles c with context.Canceled and then cancels its task's
// context. It reports whether c was pending. The task cannot settle c in
// between: the claim is made before the task's context ends. When another
// settle has claimed c, cancel returns once that one is visible.
func (c *core) cancel() bool {
	if c.isSettled() {
		return false
	}
	if !c.claim(context.Canceled) {
		c.awaitSettled()
		return false
	}
	c.finish(context.Canceled)
	c.endTask(taskCancelled)
	if c.parent != nil {
		if l := limiterOf(c.parent); l != nil {
			l.leave(c) // it may wait in l's queue
		}
	}
	return true
}

// claim makes the caller the one settle of c, with err, and reports whether
// it won; no other settle can begin after it.
func (c *core) claim(err error) bool {
	for {
		s := c.state.Load()
		if s&claimed != 0 {
			return false
		}
		n := s | claimed
		if err == context.Canceled {
			n |= failedCanceled
		}
		if c.state.CompareAndSwap(s, n) {
			return true
		}
	}
}

// finish completes the settle that the caller claimed, the value written:
// it records err, tells every subscriber's waiter, publishes the settle by
// closing the subscriber list, closes Done and wakes the waiters whose wait
// is over. The caller then ends the task's context, if it must: after the
// settle, so that not even the task sees a cancellation before every wait
// on its future has recorded the outcome.
func (c *core) finish(err error) {
	if err != nil && err != context.Canceled {
		c.extraOf().err = err
	}
	c.stamp = stampNow()
	// The waiters to wake, kept here rather than in their subscriptions:
	// those share cache lines that the waiting goroutine writes.
	var few [4]*waiter
	wake := few[:0]
	var told *subscription // the subscribers told so far begin here
	head := c.subs.Load()
	for {
		for s := head; s != told; s = s.next {
			if s.w.record(s, err, c.stamp) {
				wake = append(wake, s.w)
			}
		}
		if c.subs.CompareAndSwap(head, &settledList) {
			break
		}
		told, head = head, c.subs.Load() // newcomers sit on top of head
	}
	for s := head; s != nil; s = s.next { // now that the settle is visible
		if s.w.counted(err) {
			wake = append(wake, s.w)
		}
	}
	if x := c.extra.Load(); x != nil {
		x.mu.Lock()
		if x.done != nil {
			close(x.done)
		}
		x.mu.Unlock()
	}
	for _, w := range wake {
		w.notify()
	}
}

// endsTask reports whether a future in state s has a task whose context has
// not ended.
func (c *core) endsTask(s uint32) bool { return c.parent != nil && s&taskEnded == 0 }

// endTask ends the context of c's task for reason unless it has ended
// already or reason is 0. As the standard contexts do, it records the end
// before it closes Done; Err waits for the closing.
func (c *core) endTask(reason uint32) {
	if reason == 0 {
		return
	}
	for {
		s := c.state.Load()
		if !c.endsTask(s) {
			return
		}
		if c.state.CompareAndSwap(s, s|reason) {
			break
		}
	}
	if x := c.extra.Load(); x != nil {
		x.mu.Lock()
		x.closeTask()
		x.mu.Unlock()
	}
}

// closeTask closes the task context's Done channel, if made, and unregisters
// the context from its parent, unless that is done already; x.mu is held and
// the task's context has ended. Whoever sees the end first does it.
func (x *extra) closeTask() {
	if x.taskClosed {
		return
	}
	x.taskClosed = true
	if x.taskDone != nil {
		close(x.taskDone)
	}
	if x.stop != nil {
		x.stop()
		x.stop = nil
	}
}

// subscribe arranges for c to tell its outcome, when it settles, to the
// waiter that owns s. When c has settled already it registers nothing and
// tells the waiter itself, then wakes it when its wait is over.
func (c *core) subscribe(s *subscription) {
	for {
		head := c.subs.Load()
		if head == &settledList {
			break
		}
		s.next = head
		if c.subs.CompareAndSwap(head, s) {
			return
		}
	}
	s.next = nil
	err := c.err()
	if s.w.record(s, err, c.stamp) || s.w.counted(err) {
		s.w.notify()
	}
}
