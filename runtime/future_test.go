package runtime

import (
	"context"
	"errors"
	"fmt"
	goruntime "runtime"
	"strings"
	"testing"
	"time"
)

var errBoom = errors.New("boom")

func TestGoReturnsValueAndError(t *testing.T) {
	ctx := context.Background()
	v, err := Go(ctx, func(context.Context) (int, error) { return 42, nil }).Await(ctx)
	if v != 42 || err != nil {
		t.Fatalf("Await = %v, %v; want 42, nil", v, err)
	}
	v, err = Go(ctx, func(context.Context) (int, error) { return 7, errBoom }).Await(ctx)
	if v != 7 || !errors.Is(err, errBoom) {
		t.Fatalf("Await = %v, %v; want 7, boom (the task's own pair)", v, err)
	}
}

func TestPanicSettlesFutureWithPanicError(t *testing.T) {
	ctx := context.Background()
	_, err := Go(ctx, func(context.Context) (int, error) { panicHere("kaboom"); return 0, nil }).Await(ctx)
	var pe *PanicError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v; want a *PanicError", err)
	}
	if pe.Value != "kaboom" {
		t.Errorf("Value = %v; want kaboom", pe.Value)
	}
	if !strings.Contains(string(pe.Stack), "panicHere") {
		t.Errorf("Stack does not name the panicking function:\n%s", pe.Stack)
	}
	if !strings.Contains(err.Error(), "kaboom") {
		t.Errorf("Error() = %q; want it to show the value", err)
	}

	_, err = Go(ctx, func(context.Context) (int, error) { panic(errBoom) }).Await(ctx)
	if !errors.Is(err, errBoom) {
		t.Errorf("panic(errBoom): err = %v; want errors.Is(err, errBoom)", err)
	}
}

func panicHere(v any) { panic(v) }

func TestGoexitSettlesFuture(t *testing.T) {
	ctx := context.Background()
	_, err := Go(ctx, func(context.Context) (int, error) { goruntime.Goexit(); return 1, nil }).Await(ctx)
	if !errors.Is(err, errGoexit) {
		t.Fatalf("err = %v; want errGoexit", err)
	}
}

func TestCancelSettlesAtOnceAndCancelsTaskContext(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	sawCancel := make(chan error, 1)
	f := Go(context.Background(), func(ctx context.Context) (int, error) {
		close(started)
		<-ctx.Done()
		sawCancel <- ctx.Err()
		<-release
		return 1, nil
	})
	<-started
	f.Cancel()
	// The task has not returned (it waits on release), yet the future has settled.
	if _, err := f.Await(context.Background()); !errors.Is(err, context.Canceled) {
		t.Fatalf("Await after Cancel = %v; want context.Canceled", err)
	}
	if err := <-sawCancel; !errors.Is(err, context.Canceled) {
		t.Fatalf("task saw ctx.Err() = %v; want context.Canceled", err)
	}
	close(release)
	// Whatever the task returns later is dropped: the result stays Canceled.
	<-f.Done()
	if v, err := f.Await(context.Background()); v != 0 || !errors.Is(err, context.Canceled) {
		t.Fatalf("Await = %v, %v; want 0, context.Canceled", v, err)
	}
	f.Cancel() // a second Cancel is harmless
}

func TestCancelBeforeStartSkipsTask(t *testing.T) {
	ctx := WithLimit(context.Background(), 1)
	release := make(chan struct{})
	first := Go(ctx, func(context.Context) (int, error) { <-release; return 1, nil })
	ran := make(chan struct{}, 1)
	queued := Go(ctx, func(context.Context) (int, error) { ran <- struct{}{}; return 2, nil })
	queued.Cancel()
	if _, err := queued.Await(context.Background()); !errors.Is(err, context.Canceled) {
		t.Fatalf("queued future after Cancel: %v; want context.Canceled", err)
	}
	last := Go(ctx, func(context.Context) (int, error) { return 3, nil })
	close(release)
	if a, b, err := Gather2(context.Background(), first, last); a != 1 || b != 3 || err != nil {
		t.Fatalf("Gather2 = %v, %v, %v; want 1, 3, nil", a, b, err)
	}
	select {
	case <-ran:
		t.Fatal("a future cancelled before its start ran its task")
	default:
	}
}

func TestTaskContextFollowsParent(t *testing.T) {
	parent, cancel := context.WithCancelCause(context.Background())
	started := make(chan struct{})
	f := Go(parent, func(ctx context.Context) (string, error) {
		close(started)
		<-ctx.Done()
		return "stopped", ctx.Err()
	})
	<-started
	cancel(errBoom)
	v, err := f.Await(context.Background())
	if v != "stopped" || !errors.Is(err, context.Canceled) {
		t.Fatalf("Await = %q, %v; want the task's own result after the parent was cancelled", v, err)
	}
}

func TestTaskContextErrWithoutDone(t *testing.T) {
	parent, cancel := context.WithCancel(context.Background())
	started, stop := make(chan struct{}), make(chan struct{})
	f := Go(parent, func(ctx context.Context) (error, error) {
		close(started)
		<-stop
		return ctx.Err(), nil
	})
	<-started
	cancel()
	close(stop)
	got, _ := f.Await(context.Background())
	if !errors.Is(got, context.Canceled) {
		t.Fatalf("ctx.Err() after the parent was cancelled = %v; want context.Canceled", got)
	}
}

func TestTaskContextEndsWhenTaskReturns(t *testing.T) {
	var kept context.Context
	f := Go(context.Background(), func(ctx context.Context) (int, error) {
		kept = ctx
		return 1, nil
	})
	if _, err := f.Await(context.Background()); err != nil {
		t.Fatal(err)
	}
	<-kept.Done()
	if !errors.Is(kept.Err(), context.Canceled) {
		t.Fatalf("task context after return: Err = %v; want context.Canceled", kept.Err())
	}
}

type ctxKey struct{}

func TestTaskContextCarriesValuesAndDeadline(t *testing.T) {
	deadline := time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	parent, cancel := context.WithDeadline(context.WithValue(context.Background(), ctxKey{}, "v"), deadline)
	defer cancel()
	type seen struct {
		value any
		dl    time.Time
		ok    bool
	}
	got, err := Go(parent, func(ctx context.Context) (seen, error) {
		dl, ok := ctx.Deadline()
		return seen{ctx.Value(ctxKey{}), dl, ok}, nil
	}).Await(parent)
	if err != nil || got.value != "v" || !got.ok || !got.dl.Equal(deadline) {
		t.Fatalf("task saw %+v, %v; want the parent's value and deadline", got, err)
	}
}

func TestGoUnderDoneContextDoesNotRunTask(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errBoom)
	ran := false
	_, err := Go(ctx, func(context.Context) (int, error) { ran = true; return 1, nil }).Await(context.Background())
	if !errors.Is(err, errBoom) || ran {
		t.Fatalf("err = %v, ran = %v; want the cause and no run", err, ran)
	}
}

func TestAwaitGivesUpWithoutCancelling(t *testing.T) {
	p := NewPromise[int]()
	f := p.Future()
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errBoom)
	if _, err := f.Await(ctx); !errors.Is(err, errBoom) {
		t.Fatalf("Await under a done ctx = %v; want its cause", err)
	}
	if !p.Resolve(5) {
		t.Fatal("the future was cancelled by a waiter that gave up")
	}
	if v, err := f.Await(context.Background()); v != 5 || err != nil {
		t.Fatalf("second awaiter got %v, %v; want 5, nil", v, err)
	}
}

func TestAwaitPrefersSettledValueOverDoneContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if v, err := Resolved(3).Await(ctx); v != 3 || err != nil {
		t.Fatalf("Await = %v, %v; want 3, nil", v, err)
	}
}

func TestDoneClosesOnSettle(t *testing.T) {
	p := NewPromise[string]()
	done := p.Future().Done()
	select {
	case <-done:
		t.Fatal("Done closed before the promise settled")
	default:
	}
	p.Resolve("x")
	<-done
	<-p.Future().Done() // after settling, Done is closed too
}

func TestPromiseSettlesOnce(t *testing.T) {
	p := NewPromise[int]()
	if !p.Resolve(1) {
		t.Fatal("first Resolve reported false")
	}
	if p.Resolve(2) || p.Reject(errBoom) {
		t.Fatal("settling twice reported true")
	}
	p.Future().Cancel()
	if v, err := p.Future().Await(context.Background()); v != 1 || err != nil {
		t.Fatalf("Await = %v, %v; want the first resolution", v, err)
	}

	q := NewPromise[int]()
	q.Future().Cancel()
	if q.Resolve(9) || q.Reject(errBoom) {
		t.Fatal("a cancelled promise accepted a late resolution")
	}
	if _, err := q.Future().Await(context.Background()); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled promise: err = %v; want context.Canceled", err)
	}
}

func TestResolvedAndRejected(t *testing.T) {
	ctx := context.Background()
	if v, err := Resolved("a").Await(ctx); v != "a" || err != nil {
		t.Fatalf("Resolved: %v, %v", v, err)
	}
	if _, err := Rejected[int](errBoom).Await(ctx); !errors.Is(err, errBoom) {
		t.Fatalf("Rejected: %v", err)
	}
}

func TestNameComesFromGoNamed(t *testing.T) {
	f := GoNamed(context.Background(), "FetchUser", func(context.Context) (int, error) { return 0, nil })
	if f.Name() != "FetchUser" {
		t.Fatalf("Name = %q", f.Name())
	}
	<-f.Done()
}

func TestMisusePanicsNamingTheArgument(t *testing.T) {
	ctx := context.Background()
	var nilFuture *Future[int]
	ok := Resolved(1)
	cases := []struct {
		name, want string
		call       func()
	}{
		{"Go nil ctx", "runtime.Go: ctx is nil", func() { Go[int](nil, func(context.Context) (int, error) { return 0, nil }) }}, //gathervet:ignore panics before returning
		{"Go nil fn", "runtime.Go: fn is nil", func() { Go[int](ctx, nil) }},                                                    //gathervet:ignore panics before returning
		{"GoNamed nil fn", "runtime.GoNamed: fn is nil", func() { GoNamed[int](ctx, "x", nil) }},                                //gathervet:ignore panics before returning
		{"Gather2 nil fb", "runtime.Gather2: fb is nil", func() { Gather2(ctx, ok, nilFuture) }},
		{"Settle3 nil fa", "runtime.Settle3: fa is nil", func() { Settle3(ctx, nilFuture, ok, ok) }},
		{"All nil fs[1]", "runtime.All: fs[1] is nil", func() { All(ctx, ok, nilFuture) }},
		{"AllSettled nil fs[0]", "runtime.AllSettled: fs[0] is nil", func() { AllSettled(ctx, nilFuture) }},
		{"Race nil fs[0]", "runtime.Race: fs[0] is nil", func() { Race(ctx, nilFuture) }},
		{"Any nil fs[1]", "runtime.Any: fs[1] is nil", func() { Any(ctx, ok, nilFuture) }},
		{"AsCompleted nil fs[0]", "runtime.AsCompleted: fs[0] is nil", func() { AsCompleted(ctx, nilFuture) }},
		{"GoWith2 nil fn", "runtime.GoWith2: fn is nil", func() { GoWith2[int, int, int](ctx, "x", 1, 2, nil) }}, //gathervet:ignore panics before returning
		{"GoWith9 nil ctx", "runtime.GoWith9: ctx is nil", func() {
			GoWith9[int, int, int, int, int, int, int, int, int, int](nil, "x", 1, 2, 3, 4, 5, 6, 7, 8, 9, nil) //gathervet:ignore panics before returning
		}},
		{"Gather2 nil ctx", "runtime: gather: ctx is nil", func() { Gather2(nil, ok, ok) }},
		{"All nil ctx", "runtime: gather: ctx is nil", func() { All[int](nil) }},
		{"Settle2 nil ctx", "runtime: settle: ctx is nil", func() { Settle2(nil, ok, ok) }},
		{"AllSettled nil ctx", "runtime: settle: ctx is nil", func() { AllSettled[int](nil) }},
		{"Race nil ctx", "runtime.Race: ctx is nil", func() { Race(nil, ok) }},
		{"Any nil ctx", "runtime.Any: ctx is nil", func() { Any(nil, ok) }},
		{"AsCompleted nil ctx", "runtime.AsCompleted: ctx is nil", func() { AsCompleted(nil, ok) }},
		{"Map nil ctx", "runtime.Map: ctx is nil", func() { Map(nil, []int{1}, double) }},
		{"Map nil fn", "runtime.Map: fn is nil", func() { Map[int, int](ctx, []int{1}, nil) }},
		{"WithLimit 0", "runtime.WithLimit: n is 0, want at least 1", func() { WithLimit(ctx, 0) }},
		{"WithLimit nil ctx", "runtime.WithLimit: ctx is nil", func() { WithLimit(nil, 1) }},
		{"Reject nil", "runtime: Promise.Reject: err is nil", func() { NewPromise[int]().Reject(nil) }},
		{"Rejected nil", "runtime: Rejected: err is nil", func() { Rejected[int](nil) }}, //gathervet:ignore panics before returning
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if r != c.want {
					t.Fatalf("panic = %v; want %q", r, c.want)
				}
			}()
			c.call()
		})
	}
}

func TestErrorMessages(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&TaskError{Index: 1, Name: "FetchOrders", Err: errBoom}, "task 1 (FetchOrders): boom"},
		{&TaskError{Index: 0, Err: errBoom}, "task 0: boom"},
		{&PanicError{Value: 3}, "task panicked: 3"},
	}
	for _, c := range cases {
		if got := c.err.Error(); got != c.want {
			t.Errorf("Error() = %q; want %q", got, c.want)
		}
	}
	if (&PanicError{Value: "not an error"}).Unwrap() != nil {
		t.Error("PanicError.Unwrap of a non-error value is not nil")
	}
}

// causeInTask starts a task under parent that waits on its context (or,
// with waitOnDone false, on a release that comes after stop), calls stop,
// and returns what context.Cause said inside the task.
func causeInTask(parent context.Context, waitOnDone bool, stop func(*Future[int])) error {
	started, release, got := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	f := Go(parent, func(ctx context.Context) (int, error) {
		close(started)
		if waitOnDone {
			<-ctx.Done()
		} else {
			<-release
		}
		got <- context.Cause(ctx)
		return 0, nil
	})
	<-started
	stop(f)
	close(release)
	<-f.Done()
	return <-got
}

func TestCauseOfTaskContext(t *testing.T) {
	parent, cancelParent := context.WithCancelCause(context.Background())
	defer cancelParent(nil)
	cancelByHand := func(f *Future[int]) { f.Cancel() }
	if err := causeInTask(parent, true, cancelByHand); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled by hand: context.Cause = %v; want context.Canceled", err)
	}
	if err := causeInTask(parent, false, cancelByHand); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled by hand, Cause read before Done: %v; want context.Canceled", err)
	}
	if err := causeInTask(parent, true, func(*Future[int]) { cancelParent(errBoom) }); !errors.Is(err, errBoom) {
		t.Errorf("parent cancelled with a cause: context.Cause = %v; want the parent's cause", err)
	}
}

func TestContextDerivedInTaskFollowsIt(t *testing.T) {
	started, got := make(chan struct{}), make(chan error, 1)
	f := Go(context.Background(), func(ctx context.Context) (int, error) {
		inner, cancel := context.WithTimeout(ctx, time.Hour)
		defer cancel()
		close(started)
		<-inner.Done()
		got <- inner.Err()
		return 0, nil
	})
	<-started
	f.Cancel()
	if err := <-got; !errors.Is(err, context.Canceled) {
		t.Fatalf("a context derived in the task ended with %v; want context.Canceled", err)
	}
}

// double is a task for GoWith that captures nothing.
func double(_ context.Context, n int) (int, error) { return 2 * n, nil }

func TestGoWith(t *testing.T) {
	ctx := context.Background()
	f := GoWith(ctx, "Split", "a,b", func(_ context.Context, s string) (int, error) { return len(s), nil })
	if v, err := f.Await(ctx); v != 3 || err != nil || f.Name() != "Split" {
		t.Fatalf("GoWith: %v, %v, name %q", v, err, f.Name())
	}
	_, err := GoWith(ctx, "Boom", 0, func(context.Context, int) (int, error) { panic("x") }).Await(ctx)
	var pe *PanicError
	if !errors.As(err, &pe) {
		t.Fatalf("panic in GoWith: %v; want a *PanicError", err)
	}
	limited := WithLimit(ctx, 1)
	a, b := GoWith(limited, "a", 1, double), GoWith(limited, "b", 2, double)
	if x, y, err := Gather2(ctx, a, b); x != 2 || y != 4 || err != nil {
		t.Fatalf("GoWith under a limit: %v, %v, %v", x, y, err)
	}
	defer func() {
		if r := recover(); r != "runtime.GoWith: fn is nil" {
			t.Fatalf("panic = %v", r)
		}
	}()
	GoWith[int, int](ctx, "x", 1, nil) //gathervet:ignore panics before returning
}

func TestTaskContextString(t *testing.T) {
	got, err := Go(context.Background(), func(ctx context.Context) (string, error) {
		return fmt.Sprint(ctx), nil
	}).Await(context.Background())
	if err != nil || got != "runtime.taskContext" {
		t.Fatalf("fmt.Sprint(task context) = %q, %v", got, err)
	}
}
