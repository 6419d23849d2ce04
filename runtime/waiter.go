package runtime

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"
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
// It subscribes to its inputs, each of which tells it once its outcome, with
// the slot it subscribed with. Being told (record) and being woken (notify)
// are two steps: an input records its outcome in every waiter before its
// settle is visible, and wakes the waiters only after; a waiter's goroutine
// learns of records only through a wake, so no wait can end on an input's
// outcome before every other wait on that input has recorded it. A success
// counts towards a wait for every input (waitAll, waitSettled) only once
// its settle is visible (counted), so that the wake that ends such a wait
// comes after every input has visibly settled. A wake that ends a wait on
// one input's outcome comes after the settle of that input is visible, not
// necessarily after the others': a wait that returns their outcomes waits
// for each to be visible first (cancelEach). It is one concrete type, so
// that an input calls it directly.
type waiter struct {
	mode waitMode
	// subscribed is set once the waiter has subscribed to every input;
	// it is false while it subscribes, from the waiter's allocation on,
	// so that beginning costs no store.
	subscribed atomic.Bool
	// since is the time of clock when the waiter began to subscribe:
	// inputs whose stamp is not after it had settled when the wait began.
	since uint32
	// woke holds wokeOver and wokeEnded for a wait under a scope's own
	// context (scope is set): whichever is set first wakes the waiter.
	woke atomic.Uint32
	// left counts inputs yet to succeed (waitAll), to settle (waitSettled)
	// or to fail (waitSuccess).
	left atomic.Int64
	// found holds the first failure (waitAll) or the winner (waitFirst,
	// waitSuccess) as a key (see key): 1 + its slot in the low 32 bits (a
	// wait has fewer than 2³² inputs), its rank in time in the high ones;
	// 0 while there is none. While the waiter subscribes, a candidate of
	// lower key replaces the one found; after that, the first one stays.
	found atomic.Uint64
	// ended is the Done channel of the wait's context, which an input's
	// record consults to tell a failure of its own from an echo of the
	// context's end; nil when it can never end, or when scope is set.
	ended <-chan struct{}
	// scope is set when the wait's context is a scope's own (a gather in
	// a scope's body) and the scope alone can end it: the scope wakes the
	// waiter when it ends its context, so that the wait needs neither the
	// context's Done channel nor a select, and done is the wake-up.
	scope *scope
	// own has a bit per slot, set when the input failed while the context
	// was alive, so that its error is its own even when it reads as an
	// echo of the context's end (a task's own timeout). It is nil until
	// the first such failure, and always for a context that can never end.
	// A bit is set when the input tells the waiter its outcome, and read
	// once the input has visibly settled.
	own atomic.Pointer[[]atomic.Uint64]
	// signal receives one value when the wait is over (for waitEach: when
	// a slot has arrived, at most one value pending). It is nil when the
	// mode is not waitEach and the context of the wait can never end, or
	// is a scope's own that only the scope ends: then nothing needs a
	// select, and done, which costs no allocation, is the wake-up.
	signal chan struct{}
	done   sync.WaitGroup
	// arrived holds the slots of the inputs in the order they settled,
	// not yet taken (waitEach; nil in the other modes, which keeps the
	// waiter of a gather small).
	arrived *arrivals
	// subs are the waiter's subscriptions, one per input; for up to nine
	// inputs (GatherN, SettleN) they share the waiter's allocation.
	subs []subscription
}

// arrivals are the slots that have arrived at a waiter in mode waitEach.
type arrivals struct {
	mu    sync.Mutex // guards slots
	slots []int
}

// allocWaiter returns a zero waiter whose subs has room for n inputs: for up
// to nine in the waiter's own allocation, the smallest that fits.
func allocWaiter(n int) *waiter {
	switch {
	case n <= 2:
		w := new(struct {
			waiter
			room [2]subscription
		})
		w.subs = w.room[:n]
		return &w.waiter
	case n <= 4:
		w := new(struct {
			waiter
			room [4]subscription
		})
		w.subs = w.room[:n]
		return &w.waiter
	case n <= 9:
		w := new(struct {
			waiter
			room [9]subscription
		})
		w.subs = w.room[:n]
		return &w.waiter
	}
	return &waiter{subs: make([]subscription, n)}
}

// newWaiter returns a waiter in mode for n inputs, for a wait under ctx.
func newWaiter(ctx context.Context, mode waitMode, n int) *waiter {
	w := allocWaiter(n)
	w.mode = mode
	if mode == waitEach {
		w.ended = ctx.Done()
		w.arrived = &arrivals{slots: make([]int, 0, n)}
		w.signal = make(chan struct{}, 1)
		return w
	}
	if s, ok := ctx.(*scope); ok && !s.parentEnds {
		w.scope = s
		w.done.Add(1)
	} else if w.ended = ctx.Done(); w.ended == nil {
		w.done.Add(1)
	} else {
		w.signal = make(chan struct{}, 1)
	}
	if mode != waitFirst {
		w.left.Store(int64(n))
	}
	return w
}

// subscribeEach returns a waiter in mode for the n inputs of a wait under
// ctx, the core of slot i being at(i), subscribed to each in slot order.
//
// Inputs settle while it subscribes: one it has subscribed to may settle
// after seeing the settle of one it has not reached yet, and tell it first.
// So, until it has subscribed to every input, it ranks what it hears of by
// the inputs' stamps: those settled before the wait began rank first, in
// slot order, then the others in the order of their settles.
func subscribeEach(ctx context.Context, mode waitMode, n int, at func(int) *core) *waiter {
	w := newWaiter(ctx, mode, n)
	w.since = beginSubscribing()
	for i := range n {
		s := &w.subs[i]
		s.w = w
		at(i).subscribe(s)
	}
	w.subscribed.Store(true)
	if mode == waitEach {
		w.sortArrived(at) // while settles still advance the time
	}
	endSubscribing()
	return w
}

// key returns the key of a candidate in slot for found: its rank, 0 for an
// input settled before the wait began and otherwise how long after, then
// its slot. stamp is the input's stamp; t, a time of clock taken after it.
func (w *waiter) key(slot int, stamp, t uint32) uint64 {
	rank := stamp - w.since
	if rank > t-w.since { // not after since: it wrapped below
		rank = 0
	}
	return uint64(rank)<<32 | uint64(slot+1)
}

// slot returns the slot that found holds, or -1 when it holds none.
func (w *waiter) slot() int { return int(uint32(w.found.Load())) - 1 }

// propose offers the candidate of key k for found, and reports whether it is
// the first one: its input then wakes the waiter.
func (w *waiter) propose(k uint64) bool {
	if w.found.CompareAndSwap(0, k) {
		return true
	}
	for !w.subscribed.Load() {
		old := w.found.Load()
		if old <= k || w.found.CompareAndSwap(old, k) {
			break
		}
	}
	return false
}

// sortArrived puts the slots that arrived while the waiter subscribed in the
// order in which they settled, those settled before the wait began first in
// slot order (waitEach). The core of slot i is at(i).
func (w *waiter) sortArrived(at func(int) *core) {
	a := w.arrived
	a.mu.Lock()
	t := now() // after every stamp of what arrived
	slices.SortFunc(a.slots, func(i, j int) int {
		return cmp.Compare(w.key(i, at(i).stamp, t), w.key(j, at(j).stamp, t))
	})
	a.mu.Unlock()
}

// record is called once by each input as it settles, with the waiter's
// subscription to it, its error and its stamp, before its settle is visible
// to anyone; or by the waiter itself when it subscribes to an input that
// has settled. It never blocks. It reports whether the input
// must then wake the waiter with notify: the outcome ended the wait, or,
// for waitEach, arrived.
func (w *waiter) record(s *subscription, err error, stamp uint32) bool {
	if err != nil && w.ctxAlive() {
		w.markOwn(w.slotOf(s))
	}
	switch w.mode {
	case waitAll:
		if err != nil {
			return w.propose(w.keyOf(s, stamp))
		}
		return false // counted once visible
	case waitSettled:
		return false // counted once visible
	case waitFirst:
		return w.propose(w.keyOf(s, stamp))
	case waitSuccess:
		if err == nil {
			return w.propose(w.keyOf(s, stamp))
		}
		return w.left.Add(-1) == 0
	default: // waitEach
		a := w.arrived
		a.mu.Lock()
		a.slots = append(a.slots, w.slotOf(s))
		a.mu.Unlock()
		return true
	}
}

// counted is called once by each input, with its error, after its settle
// has become visible, and reports whether the input must then wake the
// waiter: the input was the last that a wait for every input (waitAll,
// waitSettled) counted, so that when such a wait wakes, every input has
// visibly settled. A failure ends a waitAll on its record instead, and
// counts for nothing here.
func (w *waiter) counted(err error) bool {
	switch w.mode {
	case waitAll:
		return err == nil && w.left.Add(-1) == 0
	case waitSettled:
		return w.left.Add(-1) == 0
	}
	return false
}

// ctxAlive reports whether the wait's context can end and has not ended.
func (w *waiter) ctxAlive() bool {
	if w.scope != nil {
		return w.scope.Err() == nil
	}
	if w.ended == nil {
		return false
	}
	select {
	case <-w.ended:
		return false
	default:
		return true
	}
}

// markOwn records that the input in slot failed while the wait's context
// was alive.
func (w *waiter) markOwn(slot int) {
	bits := w.own.Load()
	if bits == nil {
		made := make([]atomic.Uint64, (len(w.subs)+63)/64)
		if w.own.CompareAndSwap(nil, &made) {
			bits = &made
		} else {
			bits = w.own.Load()
		}
	}
	(*bits)[slot/64].Or(1 << (slot % 64))
}

// isOwn reports whether the input in slot failed while the wait's context
// was alive.
func (w *waiter) isOwn(slot int) bool {
	bits := w.own.Load()
	return bits != nil && (*bits)[slot/64].Load()&(1<<(slot%64)) != 0
}

// keyOf returns the key of the input that s subscribes to, of the given
// stamp. Once the waiter has subscribed to every input, the first candidate
// stays whatever its rank: the key is its slot alone.
func (w *waiter) keyOf(s *subscription, stamp uint32) uint64 {
	if w.subscribed.Load() {
		return uint64(w.slotOf(s) + 1)
	}
	return w.key(w.slotOf(s), stamp, now())
}

// slotOf returns the slot of the input that s, one of w's subscriptions,
// subscribes to: its index among w.subs.
func (w *waiter) slotOf(s *subscription) int {
	return int((uintptr(unsafe.Pointer(s)) - uintptr(unsafe.Pointer(unsafe.SliceData(w.subs)))) / unsafe.Sizeof(*s))
}

// notify wakes the waiter's goroutine. In every mode but waitEach it is
// called at most once, when the wait is over; for waitEach, once per
// arrival, and a wake-up already pending covers the next ones. It never
// blocks.
func (w *waiter) notify() {
	if w.scope != nil {
		w.wake(wokeOver)
		return
	}
	if w.signal == nil {
		w.done.Done()
		return
	}
	select {
	case w.signal <- struct{}{}:
	default:
	}
}

// The bits of waiter.woke.
const (
	wokeOver  uint32 = 1 << iota // the wait is over
	wokeEnded                    // the scope's context ended
)

// wake sets bit in w.woke and wakes the waiter's goroutine unless an
// earlier bit did (a wait under a scope's own context).
func (w *waiter) wake(bit uint32) {
	if w.woke.Or(bit) == 0 {
		w.done.Done()
	}
}

// takeArrived returns the slots that arrived since the last call, in the
// order they settled, in a slice of its own (waitEach).
func (w *waiter) takeArrived(into []int) []int {
	a := w.arrived
	a.mu.Lock()
	into = append(into[:0], a.slots...)
	a.slots = a.slots[:0]
	a.mu.Unlock()
	return into
}

// wait blocks until the wait is over or ctx is done, and reports whether the
// wait is over; an input that ended the wait while ctx ends still counts.
// Only a wake-up ends it: an outcome recorded and not yet woken for is an
// input still settling.
func (w *waiter) wait(ctx context.Context) bool {
	if w.scope != nil {
		return w.scope.await(w)
	}
	if w.signal == nil {
		w.done.Wait()
		return true
	}
	select {
	case <-w.signal:
		return true
	case <-ctx.Done():
		select {
		case <-w.signal:
			return true
		default:
			return false
		}
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

// cancelEach cancels every input that is still pending; when it returns,
// every input has visibly settled.
func cancelEach(n int, at func(int) *core) {
	for i := range n {
		at(i).cancel()
	}
}

// echoes reports whether the error err of the input in slot is only the
// echo of the end of ctx, the wait's context: ctx is done, err reads as its
// echo, and the input did not fail while ctx was alive. The input must
// have visibly settled.
func (w *waiter) echoes(ctx context.Context, slot int, err error) bool {
	return !w.isOwn(slot) && echoesEnd(ctx, err)
}
