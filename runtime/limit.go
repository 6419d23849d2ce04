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
// frees, first come first served; cancelling it while it waits removes it
// from its turn. The limit covers the futures started directly under the
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
type runner interface{ run() }

// limiter hands out n slots. A task that gets a slot runs in a worker
// goroutine that, when the task ends, runs the next queued task itself.
type limiter struct {
	size  int // n, for Map's number of workers
	mu    sync.Mutex
	free  int
	queue []runner // queue[head:] waits, oldest first
	head  int
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
	l.mu.Unlock()
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
