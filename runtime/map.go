package runtime

import (
	"context"
	"sync/atomic"
)

// Map calls fn(ctx, x) for every element x of in, each call in its own
// goroutine, and returns the results in the order of in: the gather of a
// slice, like asyncio.gather(*(fn(x) for x in in)).
//
// Map follows the rules of [All] without making a future per element, so
// that a fan-out over a large slice costs about what a hand-written one does
// (one allocation per element; see bench/README.md). It fails fast: the first
// call to fail cancels the context that the others run under, and Map
// returns at once with a *[TaskError] whose Index is the element's position
// (its Name is empty: [MapNamed] names the calls); a panic is recovered into
// a *[PanicError]. When ctx is done first, Map returns a *[PendingError]
// that names the elements whose calls had not succeeded. Like a gather, Map does not
// wait for the calls it cancels; their results are dropped. A call that is
// due to start once Map has failed or ctx is done is not made.
//
// The calls run under a child of ctx that is cancelled when Map returns.
// Under a context from [WithLimit], at most that many calls run at once and
// the elements waiting for a slot hold no goroutine: Map keeps no more
// entries in the limiter's queue than the limit, and each call takes its
// turn there with the futures started under the same context. As for
// futures, the context of the calls does not carry the limit. Map of an empty
// slice returns an empty slice at once; a nil ctx or fn panics.
func Map[In, Out any](ctx context.Context, in []In, fn func(context.Context, In) (Out, error)) ([]Out, error) {
	return mapNamed(ctx, "", in, fn, "runtime.Map")
}

// MapNamed is [Map] with a name for its calls, as [GoNamed] is [Go] with a
// name for its task: the *[TaskError] of a failed call and the entries of a
// *[PendingError] carry it, and an [Observer] sees each call as a task of
// that name (so its span, and its profile label under [ProfileLabels], are
// named after it), its Slot the element's index. The name is typically the
// function's own:
//
//	quotes, err := runtime.MapNamed(ctx, "Pricing.Quote", items, pricing.Quote)
func MapNamed[In, Out any](ctx context.Context, name string, in []In, fn func(context.Context, In) (Out, error)) ([]Out, error) {
	return mapNamed(ctx, name, in, fn, "runtime.MapNamed")
}

// mapNamed is Map and MapNamed: it checks the arguments for caller, then
// makes the calls named name.
func mapNamed[In, Out any](ctx context.Context, name string, in []In, fn func(context.Context, In) (Out, error), caller string) ([]Out, error) {
	checkStart(ctx, fn == nil, caller)
	if len(in) == 0 {
		return []Out{}, nil
	}
	if ctx.Err() != nil {
		return nil, nothingDone(ctx, len(in), name)
	}
	return startMapping(ctx, name, in, fn).wait(ctx)
}

// startMapping makes Map's calls, named name, for in under ctx, which is not done: each
// in a goroutine of its own, or, under a limit, through as many workers
// queued in the limiter as the limit allows. It returns once they are
// started or queued.
func startMapping[In, Out any](ctx context.Context, name string, in []In, fn func(context.Context, In) (Out, error)) *mapping[In, Out] {
	m := &mapping[In, Out]{name: name, in: in, out: make([]Out, len(in)), fn: fn, done: make(chan struct{})}
	m.succeeded = newSucceeded(ctx, len(in), &m.small)
	m.observer = observerOf(ctx)
	m.scope = scopeOf(ctx)
	m.left.Store(int64(len(in)))
	m.ctx, m.cancel = context.WithCancelCause(ctx)
	if l := limiterOf(ctx); l != nil {
		m.ctx = unlimited{m.ctx}
		for range min(len(in), l.size) {
			l.submit(&mapWorker[In, Out]{m: m, l: l})
		}
	} else {
		for i := range in {
			go m.call(i)
		}
	}
	return m
}

// wait waits until Map's calls have all succeeded, one has failed, or ctx,
// the context that Map was given, is done; it then cancels the calls'
// context and returns Map's results.
func (m *mapping[In, Out]) wait(ctx context.Context) ([]Out, error) {
	select { // a nil Done, for a context that never ends, is never ready
	case <-m.done:
	case <-ctx.Done():
		if !m.over() {
			err := m.succeeded.pending(ctx, len(m.in), m.name)
			m.cancel(err.Err) // ctx may not have reached the calls' context yet
			return nil, err
		}
		<-m.done // the call that ended the wait is closing it
	}
	if slot := m.failed.Load(); slot != 0 {
		err := &TaskError{Index: int(slot - 1), Name: m.name, Err: m.err}
		m.cancel(err)
		if !m.own && echoesEnd(ctx, m.err) {
			return nil, m.succeeded.pending(ctx, len(m.in), m.name)
		}
		return nil, err
	}
	m.cancel(nil)
	return m.out, nil
}

// mapping is the state of one call of Map.
type mapping[In, Out any] struct {
	ctx    context.Context         // the calls' context
	cancel context.CancelCauseFunc // ends ctx when Map returns
	name   string                  // the calls' name, from MapNamed
	in     []In
	out    []Out
	fn     func(context.Context, In) (Out, error)
	// succeeded records the calls that succeeded, for the *PendingError
	// of a Map that ctx ends.
	succeeded succeeded
	small     [1]atomic.Uint64 // succeeded's word for a Map of up to 64
	observer  Observer         // sees each call as a task; nil for none
	scope     *scope           // the scope of ctx, which counts each call; nil for none
	// left counts the calls yet to succeed; the one that takes it to 0
	// closes done.
	left atomic.Int64
	// failed is 1 + the index of the first call to fail, 0 while none
	// has; the call that sets it writes err and then closes done.
	failed atomic.Int64
	err    error
	// own says that the calls' context was alive when that call failed,
	// so that its error is its own even when it reads as an echo of ctx's
	// end (a call's own timeout).
	own  bool
	done chan struct{}
	// next is the next index to hand out under a limit.
	next atomic.Int64
}

// over reports whether Map's wait is over: a call failed, or every call
// succeeded.
func (m *mapping[In, Out]) over() bool {
	return m.failed.Load() != 0 || m.left.Load() == 0
}

// stopped reports whether no more calls are to be made: a call failed, or
// the calls' context is done.
func (m *mapping[In, Out]) stopped() bool {
	return m.failed.Load() != 0 || m.ctx.Err() != nil
}

// call makes the call for element i and records its outcome, unless Map has
// stopped by then.
func (m *mapping[In, Out]) call(i int) {
	m.scope.enter() // before the check: see scope.go's note on Map and Stream
	defer m.scope.leave()
	if m.stopped() {
		return
	}
	returned := false
	defer func() {
		if !returned {
			m.fail(i, abortError(recover()))
		}
	}()
	var v Out
	var err error
	if m.observer != nil {
		v, err = observeCall(m.observer, Task{Name: m.name, Slot: i}, nil, m.ctx, func(ctx context.Context) (Out, error) {
			return m.fn(ctx, m.in[i])
		})
	} else {
		v, err = m.fn(m.ctx, m.in[i])
	}
	returned = true
	if err != nil {
		m.fail(i, err)
		return
	}
	m.out[i] = v
	m.succeeded.mark(i)
	if m.left.Add(-1) == 0 {
		close(m.done)
	}
}

// fail records the failure of element i unless another came first.
func (m *mapping[In, Out]) fail(i int, err error) {
	if m.failed.CompareAndSwap(0, int64(i)+1) {
		m.err = err
		m.own = m.ctx.Err() == nil
		close(m.done)
	}
}

// A mapWorker makes Map's calls under a limit: each time the limiter gives
// it a slot it makes the call for the next element, and then it queues for
// the next slot, behind whatever was submitted meanwhile.
type mapWorker[In, Out any] struct {
	m *mapping[In, Out]
	l *limiter
}

// run makes one call and queues w again while elements are left.
func (w *mapWorker[In, Out]) run() {
	m := w.m
	i := int(m.next.Add(1) - 1)
	if i >= len(m.in) {
		return
	}
	m.call(i)
	if int(m.next.Load()) < len(m.in) && !m.stopped() {
		w.l.submit(w)
	}
}

// queuedUnder returns the calls' context: when Map returns, the limiter
// drops its workers still queued at once.
func (w *mapWorker[In, Out]) queuedUnder() context.Context { return w.m.ctx }

// queuedAt does nothing: a worker leaves the queue when the calls' context
// ends or its turn comes, never by hand.
func (w *mapWorker[In, Out]) queuedAt(*queued) {}

// skip does nothing: a worker holds nothing of its own.
func (w *mapWorker[In, Out]) skip() {}

// unlimited is a context that hides the limit of [WithLimit] from the calls
// of Map, as a task's own context does.
type unlimited struct{ context.Context }

// Value returns the parent's value for key, except for the limit.
func (c unlimited) Value(key any) any { return valueBelowLimit(c.Context, key) }
