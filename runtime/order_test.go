package runtime

import (
	"context"
	goruntime "runtime"
	"testing"
)

// orderRuns is how many rounds each adversarial order test plays.
const orderRuns = 2000

// orderGap is how many pending inputs sit between the later input, in slot
// 0, and the earlier one, in the last slot: the wait subscribes to them one
// by one while the two settle.
const orderGap = 30

// subscribed reports whether a wait has subscribed to f, or f has settled.
func subscribed[T any](f *Future[T]) bool { return f.subs.Load() != nil }

// laterFirst is a round of the adversarial order: b, in slot 0, settles only
// once a wait has subscribed to it and it has seen a settle; a, in the last
// slot, settles first. Between them wait orderGap inputs that never settle
// unless cancelled.
type laterFirst struct {
	pa, pb *Promise[int]
	fs     []*Future[int]
}

func newLaterFirst() *laterFirst {
	r := &laterFirst{pa: NewPromise[int](), pb: NewPromise[int]()}
	r.fs = append(r.fs, r.pb.Future())
	for range orderGap {
		r.fs = append(r.fs, NewPromise[int]().Future())
	}
	r.fs = append(r.fs, r.pa.Future())
	return r
}

// play settles a with settleA as soon as a wait has subscribed to b, and
// then, once a's Done is closed, b with settleB.
func (r *laterFirst) play(settleA, settleB func()) {
	go func() {
		for !subscribed(r.pb.Future()) {
			goruntime.Gosched()
		}
		settleA()
		<-r.pa.Future().Done()
		settleB()
	}()
}

// last is the slot of a.
func (r *laterFirst) last() int { return len(r.fs) - 1 }

// An input that settles because it saw another settle is never counted
// before that other one, even when it sits in a lower slot and the wait had
// subscribed to it before the other settled.
func TestFirstInTimeWhateverTheSlots(t *testing.T) {
	ctx := context.Background()
	t.Run("All", func(t *testing.T) {
		for run := range orderRuns {
			r := newLaterFirst()
			r.play(func() { r.pa.Reject(errFirst) }, func() { r.pb.Reject(errAfter) })
			_, err := All(ctx, r.fs...)
			wantSlot(t, run, err, r.last())
		}
	})
	t.Run("Gather9", func(t *testing.T) {
		for run := range orderRuns {
			pa, pb := NewPromise[int](), NewPromise[int]()
			p := func() *Future[int] { return NewPromise[int]().Future() }
			r := &laterFirst{pa: pa, pb: pb}
			r.play(func() { pa.Reject(errFirst) }, func() { pb.Reject(errAfter) })
			_, _, _, _, _, _, _, _, _, err := Gather9(ctx, pb.Future(), p(), p(), p(), p(), p(), p(), p(), pa.Future())
			wantSlot(t, run, err, 8)
		}
	})
	firsts := map[string]func(context.Context, ...*Future[int]) (int, error){"Race": Race[int], "Any": Any[int]}
	for name, first := range firsts {
		t.Run(name, func(t *testing.T) {
			for run := range orderRuns {
				r := newLaterFirst()
				r.play(func() { r.pa.Resolve(1) }, func() { r.pb.Resolve(2) })
				if v, err := first(ctx, r.fs...); v != 1 || err != nil {
					t.Fatalf("run %d: %s = %v, %v; want a's 1", run, name, v, err)
				}
			}
		})
	}
	t.Run("AsCompleted", func(t *testing.T) {
		for run := range orderRuns {
			r := newLaterFirst()
			r.play(func() { r.pa.Resolve(1) }, func() { r.pb.Resolve(2) })
			for i := range AsCompleted(ctx, r.fs...) {
				if i != r.last() {
					t.Fatalf("run %d: AsCompleted yielded slot %d first; want a's slot %d", run, i, r.last())
				}
				break
			}
			<-r.pb.Future().Done()
		}
	})
}
