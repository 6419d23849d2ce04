package gtemporal

import (
	"fmt"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// WithLimit returns a context under which the activities that [Execute]
// starts run at most n at a time, in the order in which they were started:
// the rest wait in a queue, without a coroutine each, and are scheduled as
// slots free up, so that a gather of thousands of activities keeps a
// bounded number in flight. The limit holds for every Execute under the
// returned context and the contexts derived from it; a WithLimit under it
// sets a limit of its own. WithLimit panics when ctx is nil or n is below 1.
func WithLimit(ctx workflow.Context, n int) workflow.Context {
	checkCtx("gtemporal.WithLimit", ctx)
	if n < 1 {
		panic(fmt.Sprintf("gtemporal.WithLimit: n is %d, below 1", n))
	}
	return workflow.WithValue(ctx, limitKey{}, &limiter{ctx: ctx, size: n})
}

// limitKey is the key of a context's limiter.
type limitKey struct{}

// limiterOf returns the limiter of ctx, or nil.
func limiterOf(ctx workflow.Context) *limiter {
	l, _ := ctx.Value(limitKey{}).(*limiter)
	return l
}

// limiter runs the activities queued under a context of WithLimit with at
// most size runners, coroutines that each schedule the next activity of
// the queue, wait for it, and end when the queue is empty.
type limiter struct {
	ctx     workflow.Context // the runners' context
	size    int
	runners int
	queue   []*queued
}

// queued is an activity waiting in a limiter's queue.
type queued struct {
	scope    workflow.Context // the future's cancel scope
	name     string
	args     []any
	settable workflow.Settable
	done     bool // scheduled or dropped
}

// enqueue queues the activity and returns the future that it settles.
func (l *limiter) enqueue(scope workflow.Context, name string, args []any) (workflow.Future, *queued) {
	future, settable := workflow.NewFuture(scope)
	q := &queued{scope: scope, name: name, args: args, settable: settable}
	l.queue = append(l.queue, q)
	if l.runners < l.size {
		l.runners++
		workflow.Go(l.ctx, l.run)
	}
	return future, q
}

// run schedules the queued activities one after the other until the queue
// is empty.
func (l *limiter) run(ctx workflow.Context) {
	for len(l.queue) > 0 {
		q := l.queue[0]
		l.queue[0] = nil
		l.queue = l.queue[1:]
		if q.done {
			continue
		}
		q.done = true
		if err := q.scope.Err(); err != nil {
			q.settable.SetError(err)
			continue
		}
		activity := workflow.ExecuteActivity(q.scope, q.name, q.args...)
		q.args = nil
		q.settable.Chain(activity)
		_ = activity.Get(ctx, nil) // the outcome reaches the future through Chain
	}
	l.queue = nil
	l.runners--
}

// drop settles a future still in the queue with a *temporal.CanceledError;
// its runner will skip it.
func (q *queued) drop() {
	if q.done {
		return
	}
	q.done = true
	q.args = nil
	q.settable.SetError(temporal.NewCanceledError())
}
