package runtime

import (
	"context"
	"iter"
	"strconv"
	"sync"
	"sync/atomic"
)

// Stream calls fn(ctx, x) for every element x of in, in goroutines of their
// own with at most window calls started and not yet yielded, and yields the
// results in the order of in, each as soon as it and every result before it
// are ready: Map for inputs of any length, or asyncio.as_completed in input
// order (Rust's StreamExt::buffered).
//
//	for page, err := range runtime.Stream(ctx, urls, 100, fetch) {
//		if err != nil {
//			return err // the stream has stopped; its calls are cancelled
//		}
//		...
//	}
//
// Memory is bounded by window, not by the input: Stream keeps at most window
// inputs and results (in room that grows with the calls in flight, so that
// a short input under a wide window does not pay for all of it), reads the
// next element of in only when fewer than window are started and not yet
// yielded, and holds no goroutine besides those of the calls (a goroutine
// that ends a call goes on with the next element started, if there is one,
// instead of leaving a new goroutine to start for it). A
// slow call holds up the yield of the results after it and, once window
// results wait behind it, the start of new calls. The window is a parameter
// of its own, not the limit of [WithLimit], so that the bound holds for an
// input without end whatever ctx carries, and so that it cannot be
// forgotten.
//
// The stream fails fast, as [Map] does: the first call to fail (a returned
// error, a panic recovered into a *[PanicError], runtime.Goexit) cancels the context that the
// others run under, and the stream yields a zero Out with a *[TaskError]
// whose Index is the element's position in in (its Name is empty:
// [StreamNamed] names the calls), and ends;
// results not yet yielded are dropped. So every stream yields its results in
// input order from the first element on, without a gap, and ends after the
// last one or after one error. When ctx is done, the stream's last step
// yields context.Cause(ctx), unwrapped, even when a call failed an instant
// earlier with a context error or that cause; a call that failed while ctx
// was alive (its own timeout) keeps its own error.
//
// Leaving the loop early (break, return, a panic, runtime.Goexit) stops
// reading in and cancels the context of the calls that have not returned; as
// for a gather, Stream does not wait for them to return, and their results
// are dropped. A call due to start after the stream stopped is not made.
//
// in is read in the caller's goroutine, between yields, as a range loop
// would: a result that becomes ready while in is making its next element is
// yielded once in has made it. The calls run under a child of ctx that is
// cancelled when the loop ends. Under a context from [WithLimit], at most
// that many calls run at once, taking their turns in the limiter's queue
// with the futures started under the same context, and window still bounds
// the results held; as for futures, the calls' context does not carry the
// limit. The iterator may be ranged over more than once, each time reading in
// again. A nil ctx, in or fn, or a window below 1, panics at the call.
func Stream[In, Out any](ctx context.Context, in iter.Seq[In], window int, fn func(context.Context, In) (Out, error)) iter.Seq2[Out, error] {
	return streamNamed(ctx, "", in, window, fn, "runtime.Stream")
}

// StreamNamed is [Stream] with a name for its calls, as [MapNamed] is [Map]
// with one: the *[TaskError] of a failed call carries it, and an [Observer]
// sees each call as a task of that name (its span, and its profile label
// under [ProfileLabels], are named after it), its Slot the element's index.
func StreamNamed[In, Out any](ctx context.Context, name string, in iter.Seq[In], window int, fn func(context.Context, In) (Out, error)) iter.Seq2[Out, error] {
	return streamNamed(ctx, name, in, window, fn, "runtime.StreamNamed")
}

// streamNamed is Stream and StreamNamed: it checks the arguments for
// caller, then returns the stream of the calls named name.
func streamNamed[In, Out any](ctx context.Context, name string, in iter.Seq[In], window int, fn func(context.Context, In) (Out, error), caller string) iter.Seq2[Out, error] {
	switch {
	case ctx == nil:
		panic(caller + ": ctx is nil")
	case in == nil:
		panic(caller + ": in is nil")
	case window < 1:
		panic(caller + ": window is " + strconv.Itoa(window) + ", want at least 1")
	case fn == nil:
		panic(caller + ": fn is nil")
	}
	return func(yield func(Out, error) bool) {
		if ctx.Err() != nil {
			var zero Out
			yield(zero, context.Cause(ctx))
			return
		}
		s := newStreaming(ctx, name, window, fn)
		defer s.cancel(nil)
		for x := range in {
			if s.stopped() {
				s.yieldEnd(yield)
				return
			}
			s.start(x)
			// Yield what is ready; then, with window elements held, wait
			// for the first of them, so that the next element is read
			// only once there is room for it.
			for s.head < s.next && s.ring[s.head%len(s.ring)].done.Load() {
				if !s.yieldHead(yield) {
					return
				}
			}
			if s.next-s.head == len(s.ring) {
				if len(s.ring) < s.window {
					s.grow()
				} else if !s.yieldHead(yield) {
					return
				}
			}
		}
		for s.head < s.next {
			if !s.yieldHead(yield) {
				return
			}
		}
	}
}

// streaming is the state of one range over a Stream. Its fields without an
// atomic type belong to the goroutine of the loop.
type streaming[In, Out any] struct {
	parent context.Context         // the ctx given to Stream
	ctx    context.Context         // the calls' context
	cancel context.CancelCauseFunc // ends ctx when the loop ends or a call fails
	name   string                  // the calls' name, from StreamNamed
	fn     func(context.Context, In) (Out, error)
	// observer sees each call as a task, its slot the element's index; nil
	// for none.
	observer Observer
	l        *limiter // the limiter that parent carries, or nil
	scope    *scope   // the scope of parent, which counts each call; nil for none
	// ring holds the elements started and not yet yielded: element i is
	// in ring[i%len(ring)]. It starts small and grows up to window slots
	// as the calls in flight need them (see grow).
	ring   []*streamSlot[In, Out]
	window int
	head   int // the next element to yield
	next   int // the next element to start
	// waiting is the element whose result the loop is waiting for, -1
	// before the first wait: the call that completes it wakes the loop.
	waiting atomic.Int64
	// failed is 1 + the index of the first call to fail, 0 while none
	// has; that call writes its *TaskError in its slot first.
	failed atomic.Int64
	// wake has room for one value, so that a call never blocks to wake
	// the loop; a stale value only makes the loop check again.
	wake chan struct{}
	// Without a limiter, workers make the calls (see work). mu guards
	// ring, which the loop changes and workers read, and the count of elements started for them and of those taken, and the
	// number of idle workers: those between two calls, which will take
	// an element started before they leave. There are always at least as
	// many idle workers as elements started and not taken, so that none
	// waits behind a call in flight; the loop starts a worker when an
	// element would otherwise wait.
	mu      sync.Mutex
	started int
	taken   int
	idle    int
}

// streamSlot is one element of the window: its input, then its outcome. The
// loop writes in and index before it starts the call; the call writes out
// or err and then sets done; the loop reads them once it sees done.
type streamSlot[In, Out any] struct {
	s     *streaming[In, Out]
	index int
	in    In
	out   Out
	err   *TaskError
	// own says that the stream's ctx was alive when the call failed, so
	// that its error is its own even when it reads as an echo of ctx's
	// end (a call's own timeout).
	own  bool
	done atomic.Bool
}

// newStreaming returns the state of one range over a Stream under ctx,
// which is not done, its calls named name.
func newStreaming[In, Out any](ctx context.Context, name string, window int, fn func(context.Context, In) (Out, error)) *streaming[In, Out] {
	s := &streaming[In, Out]{parent: ctx, name: name, fn: fn, observer: observerOf(ctx), l: limiterOf(ctx), window: window, wake: make(chan struct{}, 1)}
	s.scope = scopeOf(ctx)
	s.ctx, s.cancel = context.WithCancelCause(ctx)
	if s.l != nil {
		s.ctx = unlimited{s.ctx}
	}
	s.ring = s.fill(make([]*streamSlot[In, Out], min(window, firstRing)))
	s.waiting.Store(-1)
	return s
}

// firstRing is the number of slots that a stream starts with, so that a
// short input under a wide window does not pay for the whole window.
const firstRing = 8

// grow doubles the ring, up to window slots, when every slot holds an
// element in flight: the elements keep their slots, which calls and the
// limiter may hold, and move to their places in the larger ring.
func (s *streaming[In, Out]) grow() {
	ring := make([]*streamSlot[In, Out], min(2*len(s.ring), s.window))
	for i := s.head; i < s.next; i++ {
		ring[i%len(ring)] = s.ring[i%len(s.ring)]
	}
	s.fill(ring)
	s.mu.Lock()
	s.ring = ring
	s.mu.Unlock()
}

// fill puts a new slot of s in every empty place of ring, and returns ring.
func (s *streaming[In, Out]) fill(ring []*streamSlot[In, Out]) []*streamSlot[In, Out] {
	fresh := make([]streamSlot[In, Out], len(ring)-(s.next-s.head))
	for i := range ring {
		if ring[i] == nil {
			sl := &fresh[0]
			fresh = fresh[1:]
			sl.s = s
			ring[i] = sl
		}
	}
	return ring
}

// start starts the call for x, the next element, whose slot is free: for a
// worker, or in the limiter's queue.
func (s *streaming[In, Out]) start(x In) {
	sl := s.ring[s.next%len(s.ring)]
	sl.index, sl.in = s.next, x
	sl.done.Store(false)
	s.next++
	if s.l != nil {
		s.l.submit(sl)
		return
	}
	s.mu.Lock()
	s.started++
	spawn := s.started-s.taken > s.idle
	if spawn {
		s.idle++
	}
	s.mu.Unlock()
	if spawn {
		go s.work()
	}
}

// work makes the calls of the elements that no worker has taken yet, one by
// one, and returns when there are none left. A worker that finds the next
// element started goes on with it instead of leaving a new goroutine to
// start for it.
func (s *streaming[In, Out]) work() {
	s.mu.Lock()
	for s.taken < s.started {
		sl := s.ring[s.taken%len(s.ring)]
		s.taken++
		s.idle--
		s.mu.Unlock()
		sl.run()
		s.mu.Lock()
		s.idle++
	}
	s.idle--
	s.mu.Unlock()
}

// yieldHead waits for the result of the element at the head of the window
// and yields it, or yields the end of the stream. It reports whether the
// loop goes on.
func (s *streaming[In, Out]) yieldHead(yield func(Out, error) bool) bool {
	sl := s.ring[s.head%len(s.ring)]
	if !s.await(sl) || s.stopped() {
		s.yieldEnd(yield)
		return false
	}
	v := sl.out
	sl.out, sl.in = *new(Out), *new(In) // let the collector have them
	s.head++
	return yield(v, nil)
}

// await waits until the call of sl has returned, a call has failed or the
// parent context is done, and reports whether the call returned.
func (s *streaming[In, Out]) await(sl *streamSlot[In, Out]) bool {
	if sl.done.Load() {
		return true
	}
	// Publish the wait before checking again: a call sets done before it
	// reads waiting, so either this check sees done or the call wakes us.
	s.waiting.Store(int64(sl.index))
	for !sl.done.Load() {
		if s.failed.Load() != 0 {
			return false
		}
		select {
		case <-s.wake:
		case <-s.parent.Done():
			return sl.done.Load()
		}
	}
	return true
}

// stopped reports whether the stream is over before its end: a call failed
// or the parent context is done.
func (s *streaming[In, Out]) stopped() bool {
	if s.failed.Load() != 0 {
		return true
	}
	select {
	case <-s.parent.Done():
		return true
	default:
		return false
	}
}

// yieldEnd yields the error that stopped the stream: the first failure, or
// context.Cause of the parent context when it is done and the failure is
// only its echo (or there is none).
func (s *streaming[In, Out]) yieldEnd(yield func(Out, error) bool) {
	var zero Out
	if f := s.failed.Load(); f != 0 {
		sl := s.ring[int(f-1)%len(s.ring)]
		if sl.own || !echoesEnd(s.parent, sl.err.Err) {
			yield(zero, sl.err)
			return
		}
	}
	yield(zero, context.Cause(s.parent))
}

// run makes the call of sl's element and records its outcome, unless the
// stream has stopped by then. It is the runner that the limiter runs.
func (sl *streamSlot[In, Out]) run() {
	s := sl.s
	s.scope.enter() // before the check: see scope.go's note on Map and Stream
	defer s.scope.leave()
	if sl.abandoned() {
		return
	}
	returned := false
	defer func() {
		if !returned {
			sl.fail(abortError(recover()))
		}
	}()
	var v Out
	var err error
	if s.observer != nil {
		v, err = observeCall(s.observer, Task{Name: s.name, Slot: sl.index}, nil, s.ctx, func(ctx context.Context) (Out, error) {
			return s.fn(ctx, sl.in)
		})
	} else {
		v, err = s.fn(s.ctx, sl.in)
	}
	returned = true
	if err != nil {
		sl.fail(err)
		return
	}
	sl.out = v
	i := int64(sl.index)
	sl.done.Store(true) // the loop may reuse sl from here on
	if s.waiting.Load() == i {
		s.notify()
	}
}

// queuedUnder returns the calls' context: when the stream stops, the
// limiter drops the calls still queued at once.
func (sl *streamSlot[In, Out]) queuedUnder() context.Context { return sl.s.ctx }

// queuedAt does nothing: a slot leaves the queue when the calls' context
// ends or its turn comes, never by hand.
func (sl *streamSlot[In, Out]) queuedAt(*queued) {}

// abandoned reports whether the stream has stopped making calls.
func (sl *streamSlot[In, Out]) abandoned() bool {
	return sl.s.failed.Load() != 0 || sl.s.ctx.Err() != nil
}

// skip does nothing: the slot belongs to the stream, which has stopped.
func (sl *streamSlot[In, Out]) skip() {}

// fail records the failure of sl's element, cancels the other calls with it
// unless another call failed first, and wakes the loop.
func (sl *streamSlot[In, Out]) fail(err error) {
	s := sl.s
	te := &TaskError{Index: sl.index, Name: s.name, Err: err}
	sl.err = te
	sl.own = s.parent.Err() == nil
	won := s.failed.CompareAndSwap(0, int64(sl.index)+1)
	sl.done.Store(true)
	if won {
		s.cancel(te)
		s.notify()
	}
}

// notify wakes the loop if it waits, without blocking.
func (s *streaming[In, Out]) notify() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}
