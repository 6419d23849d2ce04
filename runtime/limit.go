package runtime

import (
	"context"
	"strconv"
	"sync"
)

// limitKey is the context key under which WithLimit stores its limiter.
type limitKey struct{}

// WithLimit returns a copy of ctx under which the futures started by [Go],
// [GoNamed] and [GoWith], and the calls of [Map], run at most n at a time. A future that finds every slot taken
// waits in a queue, without a goroutine of its own, and starts when a slot
// frees, first come first served. A queued future whose context ends
// settles at once with the context's cause, and one that is cancelled
// settles at once with context.Canceled; either leaves the queue without
// waiting for a slot, so that cancelling a large limited batch releases it
// at once. The limit covers the futures started directly under the
// returned context: the context that a task receives does not carry it, so a
// task may start and await sub-tasks without waiting for its own slot. A
// limit set inside another replaces it for the futures started under it.
// WithLimit panics when n is below 1.
func WithLimit(ctx context.Context, n int) context.Context {
	if ctx == nil {
		panic("runtime.WithLimit: ctx is nil")
	}
	if n < 1 {
		panic("runtime.WithLimit: n is " + strconv.Itoa(n) + ", want at least 1")
	}
	return context.WithValue(ctx, limitKey{}, &limiter{free: n, size: n})
}

// limiterOf returns the limiter that ctx carries, or nil.
func limiterOf(ctx context.Context) *limiter {
	l, _ := ctx.Value(limitKey{}).(*limiter)
	return l
}

// valueBelowLimit is parent.Value(key) as the contexts that tasks and the
// calls of Map receive see it: without the limit, so that work started
// under them does not wait for the slot that the caller holds.
func valueBelowLimit(parent context.Context, key any) any {
	if _, ok := key.(limitKey); ok {
		return nil
	}
	return parent.Value(key)
}

// runner is a task waiting for a slot.
type runner interface {
	// run runs the task in the slot it was given.
	run()
	// queuedUnder returns the context whose end abandons the task while it
	// waits, or nil when nothing but its turn ends its wait.
	queuedUnder() context.Context
	// abandoned reports whether the task may leave the queue unrun: it was
	// cancelled, or its context has ended. It is called with the
	// limiter's mu held, so it takes no lock of the limiter.
	abandoned() bool
	// skip settles an abandoned task that has left the queue, and drops
	// what it holds.
	skip()
}

// limiter hands out n slots. A task that gets a slot runs in a worker
// goroutine that, when the task ends, runs the next queued task itself.
//
// A queued task leaves the queue as soon as it is abandoned: the limiter
// watches the contexts of its queued tasks (one context.AfterFunc per
// distinct Done channel, however many tasks share it) and sweeps the queue
// when one ends; and a sweep follows once the futures cancelled by hand
// since the last one are as many as half the queue, so that cancelling a
// large batch releases it at a constant cost per future.
type limiter struct {
	size      int // n, for Map's number of workers
	mu        sync.Mutex
	free      int
	queue     []runner // queue[head:] waits, oldest first
	head      int
	cancelled int                        // futures of this limiter cancelled since the last sweep
	watches   map[<-chan struct{}]*watch // by Done channel, the contexts of queued tasks
}

// watch is the watch of one Done channel: how many queued tasks wait under
// it, and how to stop watching it.
type watch struct {
	n    int
	stop func() bool
}

// submit runs r at once in a new worker when a slot is free, or queues it.
func (l *limiter) submit(r runner) {
	l.mu.Lock()
	if l.free > 0 {
		l.free--
		l.mu.Unlock()
		go l.work(r)
		return
	}
	l.queue = append(l.queue, r)
	l.watch(r)
	l.mu.Unlock()
}

// watch counts r, just queued, among the tasks under its context's Done,
// watching that channel from its first task on; l.mu is held.
func (l *limiter) watch(r runner) {
	ctx := r.queuedUnder()
	if ctx == nil || ctx.Done() == nil {
		return
	}
	done := ctx.Done()
	w := l.watches[done]
	if w == nil {
		if l.watches == nil {
			l.watches = make(map[<-chan struct{}]*watch)
		}
		w = &watch{stop: context.AfterFunc(ctx, l.sweep)}
		l.watches[done] = w
	}
	w.n++
}

// unwatch undoes watch for r, which has left the queue; l.mu is held. It
// stops watching a Done channel that no queued task waits under any more.
func (l *limiter) unwatch(r runner) {
	ctx := r.queuedUnder()
	if ctx == nil || ctx.Done() == nil {
		return
	}
	done := ctx.Done()
	if w := l.watches[done]; w != nil {
		if w.n--; w.n == 0 {
			w.stop()
			delete(l.watches, done)
		}
	}
}

// sweep removes every abandoned task from the queue and then skips them.
func (l *limiter) sweep() {
	l.mu.Lock()
	var left []runner
	kept := l.head
	for _, r := range l.queue[l.head:] {
		if r.abandoned() {
			l.unwatch(r)
			left = append(left, r)
			continue
		}
		l.queue[kept] = r
		kept++
	}
	clear(l.queue[kept:])
	l.queue = l.queue[:kept]
	l.cancelled = 0
	l.mu.Unlock()
	for _, r := range left {
		r.skip()
	}
}

// futureCancelled counts a future of l cancelled by hand, queued or not, and
// sweeps the queue once such futures are as many as half of it.
func (l *limiter) futureCancelled() {
	l.mu.Lock()
	l.cancelled++
	due := 2*l.cancelled >= len(l.queue)-l.head && l.head < len(l.queue)
	l.mu.Unlock()
	if due {
		l.sweep()
	}
}

// next returns the oldest queued task, or nil after giving the slot back.
func (l *limiter) next() runner {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.head == len(l.queue) {
		l.free++
		l.queue, l.head = l.queue[:0], 0
		return nil
	}
	r := l.queue[l.head]
	l.queue[l.head] = nil
	l.head++
	l.unwatch(r)
	if l.head >= compactAfter && 2*l.head >= len(l.queue) {
		n := copy(l.queue, l.queue[l.head:])
		clear(l.queue[n:])
		l.queue, l.head = l.queue[:n], 0
	}
	return r
}

// compactAfter is how many tasks must have left the front of the queue before
// next moves the rest down, so that a queue that never drains stays bounded.
const compactAfter = 1024

// work runs r, then queued tasks, until the queue is empty.
func (l *limiter) work(r runner) {
	defer func() {
		if r != nil { // r called runtime.Goexit: hand its slot on
			if next := l.next(); next != nil {
				go l.work(next)
			}
		}
	}()
	for r != nil {
		r.run()
		r = l.next()
	}
}
