package runtime

import (
	"context"
	"errors"
	"testing"
)

// blockedTask returns a task that signals on its start, waits for its
// context to end, reports the context's error on stopped, and then returns
// only once release is closed.
func blockedTask(start chan<- struct{}, stopped chan<- error, release <-chan struct{}) func(context.Context) (int, error) {
	return func(ctx context.Context) (int, error) {
		start <- struct{}{}
		<-ctx.Done()
		stopped <- ctx.Err()
		<-release
		return 0, ctx.Err()
	}
}

func TestGather2ResultsInArgumentOrder(t *testing.T) {
	pa, pb := NewPromise[string](), NewPromise[int]()
	pb.Resolve(2) // the second settles first
	go pa.Resolve("a")
	a, b, err := Gather2(context.Background(), pa.Future(), pb.Future())
	if a != "a" || b != 2 || err != nil {
		t.Fatalf("Gather2 = %q, %d, %v; want a, 2, nil", a, b, err)
	}
}

func TestGather9(t *testing.T) {
	ctx := context.Background()
	a, b, c, d, e, f, g, h, i, err := Gather9(ctx, Resolved(1), Resolved("2"), Resolved(3.0), Resolved(true),
		Resolved([]int{5}), Resolved(byte(6)), Resolved(int64(7)), Resolved(struct{}{}), Resolved(uint(9)))
	if err != nil || a != 1 || b != "2" || c != 3.0 || !d || e[0] != 5 || f != 6 || g != 7 || h != struct{}{} || i != 9 {
		t.Fatalf("Gather9 = %v %v %v %v %v %v %v %v %v %v", a, b, c, d, e, f, g, h, i, err)
	}
}

// The gather returns while the cancelled sibling is still running: it does
// not wait for the tasks it cancels.
func TestGatherFailureCancelsSiblingsAndNamesTheTask(t *testing.T) {
	start, stopped, release := make(chan struct{}), make(chan error, 1), make(chan struct{})
	defer close(release)
	ctx := context.Background()
	sibling := GoNamed(ctx, "Slow", blockedTask(start, stopped, release))
	<-start
	failing := GoNamed(ctx, "FetchOrders", func(context.Context) (int, error) { return 0, errBoom })
	_, _, err := Gather2(ctx, sibling, failing)
	var te *TaskError
	if !errors.As(err, &te) || te.Index != 1 || te.Name != "FetchOrders" || !errors.Is(err, errBoom) {
		t.Fatalf("err = %v; want *TaskError{1, FetchOrders, boom}", err)
	}
	if got := <-stopped; !errors.Is(got, context.Canceled) {
		t.Fatalf("sibling's context ended with %v; want context.Canceled", got)
	}
	if _, err := sibling.Await(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("sibling future: %v; want context.Canceled", err)
	}
}

func TestGatherReturnsCauseWhenContextDone(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	pa, pb := NewPromise[int](), NewPromise[int]()
	pa.Resolve(1)
	cancel(errBoom)
	_, _, err := Gather2(ctx, pa.Future(), pb.Future())
	if !errors.Is(err, errBoom) {
		t.Fatalf("err = %v; want the context's cause", err)
	}
	var te *TaskError
	if errors.As(err, &te) {
		t.Fatalf("err = %v is a TaskError; want the bare cause", err)
	}
	if pb.Resolve(2) {
		t.Fatal("a pending input was not cancelled when ctx was done")
	}
}

func TestGatherOfSettledInputsIgnoresDoneContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if v, err := All(ctx, Resolved(1), Resolved(2)); err != nil || len(v) != 2 {
		t.Fatalf("All = %v, %v; want the values that were already there", v, err)
	}
}

func TestAllOfNothing(t *testing.T) {
	v, err := All[int](context.Background())
	if err != nil || v == nil || len(v) != 0 {
		t.Fatalf("All() = %#v, %v; want an empty slice", v, err)
	}
}

func TestAllSameFutureTwice(t *testing.T) {
	p := NewPromise[int]()
	go p.Resolve(4)
	f := p.Future()
	v, err := All(context.Background(), f, f, Resolved(1))
	if err != nil || len(v) != 3 || v[0] != 4 || v[1] != 4 || v[2] != 1 {
		t.Fatalf("All = %v, %v; want [4 4 1]", v, err)
	}
}

func TestAllFailsWhenAnInputIsCancelledByHand(t *testing.T) {
	p := NewPromise[int]()
	go p.Future().Cancel()
	_, err := All(context.Background(), Resolved(1), p.Future())
	var te *TaskError
	if !errors.As(err, &te) || te.Index != 1 || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v; want *TaskError{1, context.Canceled}", err)
	}
}

func TestAllLowestIndexWinsAmongAlreadyFailed(t *testing.T) {
	errA, errB := errors.New("a"), errors.New("b")
	later, earlier := NewPromise[int](), NewPromise[int]()
	earlier.Reject(errB)
	later.Reject(errA)
	_, err := All(context.Background(), later.Future(), earlier.Future())
	if !errors.Is(err, errA) {
		t.Fatalf("err = %v; want the lowest failed index's error", err)
	}
}

func TestGatherThatReturnedIsUnaffectedByLaterCancel(t *testing.T) {
	ctx := context.Background()
	fa := Go(ctx, func(context.Context) (int, error) { return 1, nil })
	fb := Go(ctx, func(context.Context) (string, error) { return "b", nil })
	a, b, err := Gather2(ctx, fa, fb)
	fa.Cancel()
	fb.Cancel()
	if a != 1 || b != "b" || err != nil {
		t.Fatalf("Gather2 = %v, %v, %v", a, b, err)
	}
	if v, err := fa.Await(ctx); v != 1 || err != nil {
		t.Fatalf("fa after a late Cancel: %v, %v; want 1, nil", v, err)
	}
}

func TestLateResolutionOfCancelledInputChangesNothing(t *testing.T) {
	pa, pb := NewPromise[int](), NewPromise[int]()
	pa.Reject(errBoom)
	_, _, err := Gather2(context.Background(), pa.Future(), pb.Future())
	if !errors.Is(err, errBoom) {
		t.Fatalf("err = %v", err)
	}
	if pb.Resolve(2) {
		t.Fatal("a cancelled input accepted a late resolution")
	}
	if _, err := pb.Future().Await(context.Background()); !errors.Is(err, context.Canceled) {
		t.Fatalf("late-resolved input: %v; want context.Canceled", err)
	}
}

func TestSettleCancelsNothingOnFailure(t *testing.T) {
	pa, pb := NewPromise[int](), NewPromise[string]()
	pa.Reject(errBoom)
	done := make(chan struct{})
	var ra Result[int]
	var rb Result[string]
	go func() {
		ra, rb = Settle2(context.Background(), pa.Future(), pb.Future())
		close(done)
	}()
	if !pb.Resolve("b") {
		t.Fatal("Settle2 cancelled an input after another failed")
	}
	<-done
	if !errors.Is(ra.Err, errBoom) || rb.Value != "b" || rb.Err != nil {
		t.Fatalf("Settle2 = %+v, %+v", ra, rb)
	}
}

func TestAllSettledWhenContextDone(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	pending := NewPromise[int]()
	cancel(errBoom)
	got := AllSettled(ctx, Resolved(1), Rejected[int](errTwo), pending.Future())
	if got[0].Value != 1 || got[0].Err != nil || !errors.Is(got[1].Err, errTwo) || !errors.Is(got[2].Err, errBoom) {
		t.Fatalf("AllSettled = %+v; want [1, two, the cause]", got)
	}
	if pending.Resolve(3) {
		t.Fatal("a pending input was not cancelled when ctx was done")
	}
	if len(AllSettled[int](context.Background())) != 0 {
		t.Fatal("AllSettled of nothing returned results")
	}
}

var errTwo = errors.New("two")

// Tasks that run under the gather's own context fail with ctx.Err() as soon
// as it ends; the gather must still report the context's cause, not one of
// those echoes, whichever it sees first.
func TestGatherUnderItsOwnContextReportsTheCause(t *testing.T) {
	for range 200 {
		ctx, cancel := context.WithCancelCause(context.Background())
		start := make(chan struct{}, 2)
		echo := func(ctx context.Context) (int, error) {
			start <- struct{}{}
			<-ctx.Done()
			return 0, ctx.Err()
		}
		fa, fb := Go(ctx, echo), Go(ctx, echo)
		<-start
		<-start
		cancel(errBoom)
		_, _, err := Gather2(ctx, fa, fb)
		mustPending(t, "Gather2", err, errBoom, 0, 1)
		_, err = Race(ctx, fa, fb)
		mustPending(t, "Race", err, errBoom, 0, 1)
	}
}

// Every arity maps its last argument to its last slot: a failure there is
// reported with that index, and a settle returns its error in that place.
func TestEveryArityReportsTheFailingSlot(t *testing.T) {
	ctx := context.Background()
	ok, bad := Resolved(1), Rejected[int](errBoom)
	errs := []error{
		last(Gather2(ctx, ok, bad)),
		last(Gather3(ctx, ok, ok, bad)),
		last(Gather4(ctx, ok, ok, ok, bad)),
		last(Gather5(ctx, ok, ok, ok, ok, bad)),
		last(Gather6(ctx, ok, ok, ok, ok, ok, bad)),
		last(Gather7(ctx, ok, ok, ok, ok, ok, ok, bad)),
		last(Gather8(ctx, ok, ok, ok, ok, ok, ok, ok, bad)),
		last(Gather9(ctx, ok, ok, ok, ok, ok, ok, ok, ok, bad)),
	}
	for i, err := range errs {
		var te *TaskError
		if n := i + 2; !errors.As(err, &te) || te.Index != n-1 || !errors.Is(err, errBoom) {
			t.Errorf("Gather%d with its last input failing: %v; want task %d: boom", n, err, n-1)
		}
	}
	settled := []Result[int]{
		lastResult(Settle2(ctx, ok, bad)),
		lastResult(Settle3(ctx, ok, ok, bad)),
		lastResult(Settle4(ctx, ok, ok, ok, bad)),
		lastResult(Settle5(ctx, ok, ok, ok, ok, bad)),
		lastResult(Settle6(ctx, ok, ok, ok, ok, ok, bad)),
		lastResult(Settle7(ctx, ok, ok, ok, ok, ok, ok, bad)),
		lastResult(Settle8(ctx, ok, ok, ok, ok, ok, ok, ok, bad)),
		lastResult(Settle9(ctx, ok, ok, ok, ok, ok, ok, ok, ok, bad)),
	}
	for i, r := range settled {
		if !errors.Is(r.Err, errBoom) {
			t.Errorf("Settle%d: last result %+v; want boom", i+2, r)
		}
	}
}

// last returns the error of a GatherN call, whatever N.
func last(vs ...any) error {
	err, _ := vs[len(vs)-1].(error)
	return err
}

// lastResult returns the last result of a SettleN call, whatever N.
func lastResult(rs ...Result[int]) Result[int] { return rs[len(rs)-1] }
