package runtime

import (
	"context"
	"strconv"
	"sync"
)

// limitKey is the context key under which WithLimit stores its limiter.
type limitKey struct{}

// WithLimit returns a copy of ctx under which the futures started by [Go],
// [GoNamed] and [GoWith], and the calls of [Map] and [Stream], run at most n at a time. A future that finds every slot taken
// waits in a queue, without a goroutine of its own, and starts when a slot
// frees, first come first served. A queued future whose context ends
// settles at once with the context's cause, and one that is cancelled
// settles at once with context.Canceled; either leaves the queue without
// waiting for a slot, at a constant cost whatever its place, so that
// cancelling a large limited batch, or ending the contexts of many queued
// requests one by one, releases them in time linear in their number. Once
// Cancel has returned, the queue holds nothing of the future: neither its
// function nor its arguments. The limit covers the futures started directly under the
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
	// queuedAt records where the task waits in the limiter's queue, or nil
	// once it has left, for a Cancel to find it; it is called with the
	// limiter's mu held, which guards what it records.
	queuedAt(q *queued)
	// skip settles an abandoned task that has left the queue, and drops
	// what it holds.
	skip()
}

// limiter hands out n slots. A task that gets a slot runs in a worker
// goroutine that, when the task ends, runs the next queued task itself.
//
// The queue is a doubly linked list, oldest first, so that a task leaves it
// from anywhere at a constant cost, and holds only the tasks that wait. A
// queued task leaves it as soon as it is abandoned: a cancelled future
// takes itself out in Cancel, and the limiter watches the contexts of its
// queued tasks and takes out exactly the tasks under a Done channel when it
// closes. Tasks queued one after another under the same Done channel, as a
// batch started in a loop is, share one watch (one context.AfterFunc);
// there is no table of channels, whose lookups would slow down as the
// queue grows.
type limiter struct {
	size        int // n, for Map's number of workers
	mu          sync.Mutex
	free        int
	first, last *queued // the queue, oldest first
}

// queued is a task's place in the limiter's queue, and among the tasks
// queued under the same Done channel.
type queued struct {
	r            runner
	prev, next   *queued // in the queue
	w            *watch  // the watch of r's context, or nil
	wprev, wnext *queued // among w's tasks
}

// watch is a watch of one Done channel: the tasks queued under it that
// share it, and how to stop watching it.
type watch struct {
	done  <-chan struct{}
	tasks *queued
	stop  func() bool
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
	q := &queued{r: r, prev: l.last}
	if l.last != nil {
		l.last.next = q
	} else {
		l.first = q
	}
	l.last = q
	l.watch(q)
	r.queuedAt(q)
	l.mu.Unlock()
}

// watch adds q, just queued, to a watch of its context's Done: that of the
// task queued before it when they share the channel, or a new one; l.mu is
// held.
func (l *limiter) watch(q *queued) {
	ctx := q.r.queuedUnder()
	if ctx == nil || ctx.Done() == nil {
		return
	}
	done := ctx.Done()
	var w *watch
	if q.prev != nil && q.prev.w != nil && q.prev.w.done == done {
		w = q.prev.w
	} else {
		w = &watch{done: done}
		w.stop = context.AfterFunc(ctx, func() { l.expire(w) })
	}
	q.w, q.wnext = w, w.tasks
	if w.tasks != nil {
		w.tasks.wprev = q
	}
	w.tasks = q
}

// remove takes q out of the queue and out of its watch, which it stops
// when q was its last task; l.mu is held.
func (l *limiter) remove(q *queued) {
	l.unlink(q)
	if w := q.w; w != nil {
		if q.wprev != nil {
			q.wprev.wnext = q.wnext
		} else {
			w.tasks = q.wnext
		}
		if q.wnext != nil {
			q.wnext.wprev = q.wprev
		}
		if w.tasks == nil {
			w.stop()
		}
	}
	q.r.queuedAt(nil)
	*q = queued{r: q.r}
}

// unlink takes q out of the queue, and out of nothing else; l.mu is held.
func (l *limiter) unlink(q *queued) {
	if q.prev != nil {
		q.prev.next = q.next
	} else {
		l.first = q.next
	}
	if q.next != nil {
		q.next.prev = q.prev
	} else {
		l.last = q.prev
	}
}

// expire takes out of the queue every task queued under w's channel, which
// has closed, and then skips them.
func (l *limiter) expire(w *watch) {
	l.mu.Lock()
	left := w.tasks
	for q := left; q != nil; q = q.wnext {
		l.unlink(q)
		q.r.queuedAt(nil)
	}
	w.tasks = nil
	l.mu.Unlock()
	for q := left; q != nil; q = q.wnext {
		q.r.skip()
	}
}

// leave takes the task of c, a future just cancelled, out of the queue if
// it waits there, and skips it.
func (l *limiter) leave(c *core) {
	l.mu.Lock()
	var q *queued
	if x := c.extra.Load(); x != nil {
		q = x.queued
	}
	if q == nil {
		l.mu.Unlock()
		return
	}
	l.remove(q)
	l.mu.Unlock()
	q.r.skip()
}

// next returns the oldest queued task, or nil after giving the slot back.
func (l *limiter) next() runner {
	l.mu.Lock()
	defer l.mu.Unlock()
	q := l.first
	if q == nil {
		l.free++
		return nil
	}
	l.remove(q)
	return q.r
}

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
