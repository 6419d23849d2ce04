package runtime

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Scope runs body under a child of ctx, the scope's context, and returns
// only once every task started under that context has returned, cancelled
// or not: no task outlives the code that started it. It is structured
// concurrency as Python's TaskGroup, Trio's nurseries, Java's
// StructuredTaskScope, Kotlin's coroutineScope and errgroup's Wait give it.
//
// The tasks of a scope are those that [Go], [GoNamed] and [GoWith] to
// [GoWith9] (and so every generated wrapper) start, and the calls that
// [Map] and [Stream] make, under the scope's context or any context derived
// from it, the contexts that its tasks receive included: a task's sub-tasks
// belong to the scope too. A goroutine started with the go statement is not
// a task. Gathers stay fail-fast inside a scope; the scope is what waits.
//
// What Scope returns, and when:
//
//   - body returns an error: the scope's context is cancelled with that
//     error as its cause (context.Cause), Scope waits for every task, and
//     returns the error.
//   - body returns nil: Scope waits for every task without cancelling any
//     (tasks started and never awaited run to their end) and returns nil,
//     unless ctx ended before they had all returned: the tasks are then
//     cancelled, Scope still waits for them, and returns a *[PendingError]
//     that names the tasks still running when ctx ended and unwraps to
//     context.Cause(ctx).
//   - A task's failure is its future's error and reaches the scope only
//     through the body, which awaits it: a failure that nobody awaits
//     neither cancels the scope nor is returned (an [Observer] sees it).
//     A panic in a task settles its future with a *[PanicError], as
//     anywhere.
//   - body panics: the scope's context is cancelled with a *[PanicError]
//     as its cause, Scope waits for every task, then panics again with the
//     same value.
//   - body calls runtime.Goexit: the scope's context is cancelled, Scope
//     waits for every task, and the goroutine goes on exiting.
//
// The scope's context is cancelled when Scope returns, so that a task
// started under it afterwards does not start.
//
// Waiting is bounded only by the tasks: one that ignores its context's
// cancellation holds the scope, and so its caller, until it returns.
// [ScopeWith] reports the tasks that hold a scope after a grace period.
// A scope keeps the names of its tasks only when it may have to report
// them: when its ctx can end (its Done is not nil) or Held is set.
// Scope panics when ctx or body is nil.
func Scope(ctx context.Context, body func(ctx context.Context) error) error {
	return ScopeWith(ctx, ScopeOptions{}, body)
}

// ScopeOptions are the settings of [ScopeWith].
type ScopeOptions struct {
	// Grace is how long a scope's wait lets its tasks run on once the
	// scope's context has ended (its body failed or panicked, or the
	// caller's ctx ended) before it calls Held. It matters only when Held
	// is set.
	Grace time.Duration
	// Held, when set, is called once per scope, in the goroutine that
	// called ScopeWith, when tasks still hold the scope Grace after its
	// context ended: its argument is a *[PendingError] that names them
	// (Index is the order in which the scope's tasks started, from 0;
	// Count counts the calls of Map and Stream too, which have no
	// names) and unwraps to context.Cause of the scope's context. The
	// wait goes on after Held returns.
	Held func(held *PendingError)
}

// ScopeWith is [Scope] with options: it reports the tasks that hold the
// scope after a grace period (see [ScopeOptions]).
func ScopeWith(ctx context.Context, o ScopeOptions, body func(ctx context.Context) error) (err error) {
	if ctx == nil {
		panic("runtime.Scope: ctx is nil")
	}
	if body == nil {
		panic("runtime.Scope: body is nil")
	}
	liveScopes.Add(1)
	defer liveScopes.Add(^uint64(0))
	s := new(scope)
	s.Context, s.cancel = context.WithCancelCause(ctx)
	s.parentEnds = ctx.Done() != nil
	s.named = o.Held != nil || s.parentEnds
	s.n.Store(1) // the body
	returned := false
	defer func() {
		if returned {
			return
		}
		recovered := recover()
		s.end(o, abortError(recovered))
		if recovered != nil {
			panic(recovered)
		}
		// a runtime.Goexit goes on once this returns
	}()
	err = body(s)
	returned = true
	if held := s.end(o, err); err == nil && held != nil {
		return held
	}
	return err
}

// errScopeExited is the cause of a scope's context when its body called
// runtime.Goexit.
var errScopeExited = errors.New("runtime: scope's body called runtime.Goexit")

// scopeKey is the context key under which a scope's context finds itself.
type scopeKey struct{}

// scope is a scope's context: the cancellable child of the caller's ctx,
// and the count of what runs under it.
type scope struct {
	context.Context
	cancel context.CancelCauseFunc
	// cut is set when a task or call returns after the scope's context
	// ended.
	cut atomic.Bool
	// named is set when the scope may have to name the tasks that hold
	// it: Held is set, or the caller's ctx can end (the *PendingError of
	// its end names them). Otherwise the scope keeps no list of its
	// tasks, and a task costs it a count, not a lock and an append.
	named bool
	// parentEnds is set when the caller's ctx can end (its Done is not
	// nil). Otherwise only the scope itself ends its context, and wakes
	// the waits under it (see await).
	parentEnds bool
	// n counts the body, while it runs, and the tasks and calls of Map
	// and Stream that have not returned; the one that takes it to 0 sets
	// ended and closes done, if the wait made it. Every task's start and
	// end writes it. It sits beside the fields above, which a task's end
	// reads as it writes n, with no padding: padding it onto a cache line
	// of its own doubled the scope's size and cost more at n = 2 than it
	// saved at n = 1024 (BenchmarkScopePaired).
	n atomic.Int64

	mu      sync.Mutex    // guards the fields below
	ended   bool          // n has reached 0 since the body returned
	done    chan struct{} // made by a wait that must block; closed once ended
	tasks   []scopedTask  // the tasks started, some of them returned
	started int           // how many tasks have started: the next one's index
	compact int           // compact tasks when it grows to this length
	// waits are the waits under the scope's own context that are blocked,
	// which its end wakes (see await).
	waits []*waiter
	// firstWaits is where waits begins, so that the usual single wait
	// costs no allocation.
	firstWaits [1]*waiter
}

// scopedTask is a task of a scope and its place in the scope's order.
type scopedTask struct {
	c     *core
	index int
}

// inScope is the bit of core.state set when a task enters a scope. The
// task leaves it once, on whichever path it ends (runTask, skip), and
// clears the bit then if the scope names its tasks: held and prune read
// it as "still running". It is far from the bits of future.go, which
// count up.
const inScope uint32 = 1 << 31

// Value returns the scope for scopeKey and the parent's value otherwise.
func (s *scope) Value(key any) any {
	if _, ok := key.(scopeKey); ok {
		return s
	}
	return s.Context.Value(key)
}

// String names the context for debugging, as the standard contexts do.
func (s *scope) String() string { return "runtime.Scope" }

// liveScopes counts the calls of ScopeWith that have not returned. While
// it is 0, no context carries a scope that waits, and starting a task
// looks for none: a process that makes no scope pays a load of this
// counter per task, not a walk up the context's parents. Every scope
// writes it twice: it is a lone counter.
var liveScopes loneCounter

// scopeOf returns the innermost scope that ctx belongs to, or nil. It
// returns nil while no scope is live: a scope that has returned waits for
// nothing.
func scopeOf(ctx context.Context) *scope {
	if liveScopes.Load() == 0 {
		return nil
	}
	return scopeIn(ctx)
}

// scopeIn returns the innermost scope that ctx belongs to, live or not, or
// nil.
func scopeIn(ctx context.Context) *scope {
	s, _ := ctx.Value(scopeKey{}).(*scope)
	return s
}

// enterScope makes the task of c, about to be launched under ctx, a task
// of ctx's scope, if it has one. It is called in the goroutine that starts
// the task, so that the scope cannot end before the task has begun, and
// only while a scope is live (see liveScopes).
func (c *core) enterScope(ctx context.Context) {
	s := scopeIn(ctx)
	if s == nil {
		return
	}
	c.state.Or(inScope)
	s.enter()
	if !s.named {
		return
	}
	s.mu.Lock()
	if len(s.tasks) >= s.compact {
		s.prune()
	}
	if s.tasks == nil {
		s.tasks = make([]scopedTask, 0, 8)
	}
	s.tasks = append(s.tasks, scopedTask{c: c, index: s.started})
	s.started++
	s.mu.Unlock()
}

// A call of Map or Stream enters its scope in its own goroutine, not where
// it is started, and before it checks whether Map or Stream has stopped:
// either the scope's wait counts it, or the check finds Map or Stream
// stopped and the call's function is never called. That suffices because
// Map and Stream stop (fail, or cancel their calls' context) before they
// return, and they return before the scope's body or task that called
// them does. A future's task enters where it is started instead, since
// nothing stops it once that code has returned.

// leaveScope ends the task of c in its scope, if it entered one: the task
// has returned, or will never start.
func (c *core) leaveScope() {
	if c.state.Load()&inScope == 0 {
		return
	}
	s := scopeIn(c.parent)
	if s.named { // held and prune look for the bit
		c.state.And(^inScope)
	}
	s.leave()
}

// prune drops the tasks that have returned, and sets the length at which
// the next prune comes, so that a long-lived scope holds about twice its
// running tasks, at a constant cost per task; s.mu is held.
func (s *scope) prune() {
	kept := s.tasks[:0]
	for _, t := range s.tasks {
		if t.c.state.Load()&inScope != 0 {
			kept = append(kept, t)
		}
	}
	clear(s.tasks[len(kept):])
	s.tasks = kept
	s.compact = max(64, 2*len(kept))
}

// enter counts one more task or call running under s; s may be nil.
func (s *scope) enter() {
	if s != nil {
		s.n.Add(1)
	}
}

// leave counts one task or call of s as returned; s may be nil.
func (s *scope) leave() {
	if s == nil {
		return
	}
	if !s.cut.Load() && s.Err() != nil { // an atomic load while live
		s.cut.Store(true)
	}
	if s.n.Add(-1) == 0 {
		s.endWait()
	}
}

// endWait records that n has reached 0 and wakes the wait, unless an
// earlier leave did (a call of Map or Stream may enter and leave a scope
// that has ended: see above).
func (s *scope) endWait() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended {
		return
	}
	s.ended = true
	if s.done != nil {
		close(s.done)
	}
}

// waitChan returns the channel that closes when n reaches 0, or nil when
// it has.
func (s *scope) waitChan() chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended {
		return nil
	}
	if s.done == nil {
		s.done = make(chan struct{})
	}
	return s.done
}

// end ends the body, whose error is err (a *PanicError for a panic, and
// nil for a success): unless it succeeded, it cancels the scope's context
// with err as the cause. It then waits for every task, reporting the
// tasks that hold the scope to o.Held, and returns a *PendingError if the
// scope's context ended before the last task returned: it names the
// tasks still running when the wait saw the end, if it saw it before they
// had all returned. Last, it cancels the scope's context.
func (s *scope) end(o ScopeOptions, err error) *PendingError {
	defer s.endContext(nil)
	if err == errGoexit {
		err = errScopeExited
	}
	if err != nil {
		s.endContext(err)
	}
	var cut *PendingError
	if s.n.Add(-1) != 0 { // tasks run on past the body
		cut = s.wait(o)
	}
	if !s.cut.Load() {
		return nil
	}
	if cut == nil {
		cut = &PendingError{Err: context.Cause(s)}
	}
	return cut
}

// wait waits until n reaches 0, reporting the tasks that hold s to
// o.Held, and returns the tasks still running when the scope's context
// ended, if it ended first. When n is 0 as the body ends, the wait is
// not called and takes no lock: a call of Map or Stream that enters and
// leaves later then finds done nil.
func (s *scope) wait(o ScopeOptions) *PendingError {
	done := s.waitChan()
	if done == nil {
		return nil
	}
	select {
	case <-done:
		return nil
	case <-s.Done():
		cut := s.held()
		s.report(o, done)
		<-done
		return cut
	}
}

// endContext cancels the scope's context with cause, unless it has ended,
// and wakes the waits blocked under it: the scope ends its context only
// here, so that no wait under it misses the end.
func (s *scope) endContext(cause error) {
	s.cancel(cause)
	s.wakeWaits()
}

// A wait (a gather, settle or race) under the scope's own context, when
// the caller's ctx cannot end, blocks on its waiter's done, not in a
// select on the context's Done channel, so that it makes no channel: only
// the scope ends its context (endContext), and it wakes the waits right
// after. Under a caller's ctx that can end, a wait selects on the Done
// channel as under any context: a hook on the caller's end would cost
// the scope more allocations than the one wait it usually holds saves.

// await blocks until w's wait is over or the scope's context has ended,
// and reports whether the wait is over, as waiter.wait does.
func (s *scope) await(w *waiter) bool {
	if w.woke.Load()&wokeOver != 0 {
		return true
	}
	if s.addWait(w) {
		w.done.Wait()
		s.dropWait(w)
	} else {
		w.wake(wokeEnded)
	}
	return w.woke.Load()&wokeOver != 0
}

// addWait records w as blocked under the scope's context, and reports
// whether it may block: false once the context has ended. The scope ends
// it before it takes mu to wake the waits (endContext), so a wait added
// here is either woken then or not added at all.
func (s *scope) addWait(w *waiter) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err() != nil {
		return false
	}
	if s.waits == nil {
		s.waits = s.firstWaits[:0]
	}
	s.waits = append(s.waits, w)
	return true
}

// dropWait forgets w, whose wait has returned.
func (s *scope) dropWait(w *waiter) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i := slices.Index(s.waits, w); i >= 0 {
		last := len(s.waits) - 1
		s.waits[i] = s.waits[last]
		s.waits[last] = nil
		s.waits = s.waits[:last]
	}
}

// wakeWaits wakes every wait blocked under the scope's context, which has
// ended, and then forgets them, so that the scope, which its tasks'
// contexts keep, keeps no waiter: no wait is added once the context has
// ended (addWait).
func (s *scope) wakeWaits() {
	s.mu.Lock()
	waits := s.waits
	s.waits = nil
	s.mu.Unlock()
	for _, w := range waits {
		w.wake(wokeEnded)
	}
	clear(waits)
}

// report calls o.Held with the tasks that still hold s o.Grace after its
// context ended, if any do and o.Held is set; done closes when none does.
func (s *scope) report(o ScopeOptions, done chan struct{}) {
	if o.Held == nil {
		return
	}
	t := time.NewTimer(o.Grace)
	defer t.Stop()
	select {
	case <-done:
		return
	case <-t.C:
	}
	if held := s.held(); held.Count > 0 {
		o.Held(held)
	}
}

// held returns the *PendingError of the tasks of s that have not returned:
// the first ten by index, and the count of every task and call. The tasks
// go on returning as it looks, so the count is taken last and is at least
// the number of tasks it found running.
func (s *scope) held() *PendingError {
	e := &PendingError{Err: context.Cause(s)}
	running := 0
	s.mu.Lock()
	for _, t := range s.tasks {
		if t.c.state.Load()&inScope == 0 {
			continue
		}
		running++
		if len(e.Tasks) < maxPendingListed {
			e.Tasks = append(e.Tasks, PendingTask{Index: t.index, Name: t.c.name})
		}
	}
	s.mu.Unlock()
	e.Count = max(running, int(s.n.Load()))
	return e
}
