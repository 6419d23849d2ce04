package runtime

import (
	"context"
	"errors"
	"iter"
	"slices"
	"testing"
)

func TestRaceFirstSettledWinsAndLosersAreCancelled(t *testing.T) {
	slow := NewPromise[int]()
	fast := NewPromise[int]()
	fast.Reject(errBoom)
	_, err := Race(context.Background(), slow.Future(), fast.Future())
	var te *TaskError
	if !errors.As(err, &te) || te.Index != 1 || !errors.Is(err, errBoom) {
		t.Fatalf("Race = %v; want the first settled (a failure) as a TaskError", err)
	}
	if slow.Resolve(1) {
		t.Fatal("the loser was not cancelled")
	}
	if v, err := Race(context.Background(), NewPromise[int]().Future(), Resolved(8)); v != 8 || err != nil {
		t.Fatalf("Race = %v, %v; want 8, nil", v, err)
	}
}

func TestAnyFirstSuccess(t *testing.T) {
	loser := NewPromise[string]()
	v, err := Any(context.Background(), Rejected[string](errBoom), loser.Future(), Resolved("ok"))
	if v != "ok" || err != nil {
		t.Fatalf("Any = %q, %v; want ok", v, err)
	}
	if loser.Resolve("late") {
		t.Fatal("the loser was not cancelled")
	}
}

func TestAnyAllFailedJoinsEveryCause(t *testing.T) {
	p := NewPromise[int]()
	go p.Reject(errTwo)
	_, err := Any(context.Background(), Rejected[int](errBoom), p.Future())
	if !errors.Is(err, errBoom) || !errors.Is(err, errTwo) {
		t.Fatalf("Any = %v; want both causes", err)
	}
	if want := "task 0: boom\ntask 1: two"; err.Error() != want {
		t.Fatalf("Any error = %q; want %q", err, want)
	}
}

func TestRaceAndAnyOfNothing(t *testing.T) {
	if _, err := Race[int](context.Background()); !errors.Is(err, ErrNoFutures) {
		t.Errorf("Race() = %v", err)
	}
	if _, err := Any[int](context.Background()); !errors.Is(err, ErrNoFutures) {
		t.Errorf("Any() = %v", err)
	}
}

func TestRaceAndAnyWhenContextDone(t *testing.T) {
	for name, wait := range map[string]func(context.Context, ...*Future[int]) (int, error){"Race": Race[int], "Any": Any[int]} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithCancelCause(context.Background())
			cancel(errBoom)
			p := NewPromise[int]()
			if _, err := wait(ctx, p.Future()); !errors.Is(err, errBoom) {
				t.Fatalf("err = %v; want the cause", err)
			}
			if p.Resolve(1) {
				t.Fatal("input not cancelled")
			}
		})
	}
}

func TestAsCompletedYieldsInCompletionOrder(t *testing.T) {
	ps := []*Promise[int]{NewPromise[int](), NewPromise[int](), NewPromise[int]()}
	next, stop := iter.Pull2(AsCompleted(context.Background(), ps[0].Future(), ps[1].Future(), ps[2].Future()))
	defer stop()
	for _, i := range []int{2, 0, 1} {
		ps[i].Resolve(i * 10)
		slot, r, ok := next()
		if !ok || slot != i || r.Value != i*10 || r.Err != nil {
			t.Fatalf("next = %d, %+v, %v; want %d, {%d <nil>}", slot, r, ok, i, i*10)
		}
	}
	if _, _, ok := next(); ok {
		t.Fatal("AsCompleted yielded more than its inputs")
	}
}

// Inputs settled before the loop starts come first, in the order of fs, and
// a second loop over the same iterator yields every input again.
func TestAsCompletedSettledFirstAndRangedTwice(t *testing.T) {
	late := NewPromise[int]()
	seq := AsCompleted(context.Background(), late.Future(), Resolved(1), Rejected[int](errBoom), Resolved(3))
	var slots []int
	for slot := range seq {
		if len(slots) == 0 {
			late.Resolve(0)
		}
		slots = append(slots, slot)
	}
	if want := []int{1, 2, 3, 0}; !slices.Equal(slots, want) {
		t.Fatalf("first loop: slots %v; want %v", slots, want)
	}
	slots = slots[:0]
	for slot, r := range seq {
		slots = append(slots, slot)
		if (r.Err != nil) != (slot == 2) {
			t.Fatalf("second loop: slot %d = %+v", slot, r)
		}
	}
	if want := []int{0, 1, 2, 3}; !slices.Equal(slots, want) {
		t.Fatalf("second loop: slots %v; want every input, in the order of fs", slots)
	}
}

func TestAsCompletedBreakCancelsTheRest(t *testing.T) {
	rest := NewPromise[int]()
	for slot := range AsCompleted(context.Background(), rest.Future(), Resolved(1)) {
		if slot != 1 {
			t.Fatalf("first slot = %d; want the settled one", slot)
		}
		break
	}
	if rest.Resolve(2) {
		t.Fatal("leaving the loop did not cancel the rest")
	}
}

func TestAsCompletedWhenContextDone(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	a, b := NewPromise[int](), NewPromise[int]()
	var slots []int
	var errs []error
	for slot, r := range AsCompleted(ctx, a.Future(), Resolved(7), b.Future()) {
		slots = append(slots, slot)
		errs = append(errs, r.Err)
		if slot == 1 {
			cancel(errBoom)
		}
	}
	if len(slots) != 3 || slots[0] != 1 || slots[1] != 0 || slots[2] != 2 {
		t.Fatalf("slots = %v; want [1 0 2]", slots)
	}
	if errs[0] != nil || !errors.Is(errs[1], errBoom) || !errors.Is(errs[2], errBoom) {
		t.Fatalf("errs = %v; want [nil cause cause]", errs)
	}
	if a.Resolve(1) || b.Resolve(1) {
		t.Fatal("pending inputs were not cancelled")
	}
}

func TestAsCompletedBreakAfterContextDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a, b := NewPromise[int](), NewPromise[int]()
	for range AsCompleted(ctx, a.Future(), b.Future()) {
		break
	}
	if a.Resolve(1) || b.Resolve(1) {
		t.Fatal("inputs left pending after the loop")
	}
}
