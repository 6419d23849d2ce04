package gtemporal

import (
	"fmt"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// WithLimit returns a context under which the activities, local activities
// and child workflows that [Execute], [ExecuteLocal] and [ExecuteChild]
// start run at most n at a time, in the order in which they were started:
// the rest wait in a queue, without a coroutine each, and start as slots
// free up, so that a gather of thousands keeps a bounded number in flight.
//
// A slot is taken when the activity or child is scheduled and freed when it
// has ended: completed, failed, timed out, or, once cancelled, when the
// server records its end. Cancelling one therefore settles its future at
// once (unless the options set WaitForCancellation) but keeps its slot
// until it has stopped, however long it runs on: a cancelled activity that
// never heartbeats holds its slot until it returns or times out. (The SDK's
// test environment reports a cancelled activity ended at once, and frees
// its slot then.) A local activity's slot is freed when its future settles.
//
// The limit holds for every start under the returned context and the
// contexts derived from it; a WithLimit under it sets a limit of its own.
// WithLimit panics when ctx is nil or n is below 1.
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

// limiter runs what is queued under a context of WithLimit with at most
// size runners, coroutines that each start the next of the queue, wait
// until it has ended, and end when the queue is empty.
type limiter struct {
	ctx     workflow.Context // the runners' context
	size    int
	runners int
	queue   []*queued
}

// queued is an activity or a child workflow in a limiter's queue.
type queued struct {
	scope    workflow.Context // the future's cancel scope
	kind     kind
	name     string
	args     []any
	wait     bool // the options set WaitForCancellation
	settable workflow.Settable
	started  bool // started by a runner, or dropped
	settled  bool // settable has been set
}

// enqueue queues what k names and returns the future that it settles.
func (l *limiter) enqueue(scope workflow.Context, k kind, name string, args []any, wait bool) (workflow.Future, *queued) {
	future, settable := workflow.NewFuture(scope)
	q := &queued{scope: scope, kind: k, name: name, args: args, wait: wait, settable: settable}
	l.queue = append(l.queue, q)
	if l.runners < l.size {
		l.runners++
		workflow.Go(l.ctx, l.run)
	}
	return future, q
}

// run starts the queued items one after the other, each once the one
// before has ended, until the queue is empty.
func (l *limiter) run(ctx workflow.Context) {
	for len(l.queue) > 0 {
		q := l.queue[0]
		l.queue[0] = nil
		l.queue = l.queue[1:]
		if q.started {
			continue
		}
		q.started = true
		if q.scope.Err() != nil {
			q.settle(nil)
			continue
		}
		started := q.kind.launch(q.kind.holding(q.scope), q.name, q.args)
		q.args = nil
		if !q.wait {
			// A scope cancelled from above (the workflow, or a ctx that a
			// gather does not watch) settles the future at once, as Cancel
			// does; the slot stays taken until the start has ended.
			s := workflow.NewSelector(ctx)
			s.AddFuture(started, func(workflow.Future) {})
			s.AddReceive(q.scope.Done(), func(workflow.ReceiveChannel, bool) { q.settle(nil) })
			s.Select(ctx)
		}
		_ = started.Get(ctx, nil) // the slot is freed once it has ended
		q.settle(started)
	}
	l.queue = nil
	l.runners--
}

// settle settles the future once: with the outcome of ended, or with a
// *temporal.CanceledError when ended is nil.
func (q *queued) settle(ended workflow.Future) {
	if q.settled {
		return
	}
	q.settled = true
	if ended == nil {
		q.settable.SetError(temporal.NewCanceledError())
		return
	}
	q.settable.Chain(ended)
}

// stop settles a future that Cancel cancelled: one still in the queue is
// dropped (its runner will skip it), one started settles at once unless it
// waits for its cancellation.
func (q *queued) stop() {
	if !q.started {
		q.started = true
		q.args = nil
	} else if q.wait {
		return
	}
	q.settle(nil)
}
