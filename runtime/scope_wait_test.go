package runtime

import (
	"context"
	"errors"
	"testing"
)

// A scope whose caller's ctx cannot end wakes the waits under its own
// context itself when it ends that context. These tests hold a wait that
// only the context's end can end: its input is a promise that nobody
// settles.

// The body fails while a task of the scope gathers, under the scope's own
// context, an input that never settles: the scope's end wakes the gather,
// which returns a *PendingError of the body's error, and Scope returns once
// the task has.
func TestScopeEndWakesAGatherUnderItsContext(t *testing.T) {
	for run := range stressRuns {
		never := NewPromise[int]()
		started, gathered := make(chan struct{}), make(chan error, 1)
		err := Scope(context.Background(), func(ctx context.Context) error {
			scopeCtx := ctx
			Go(ctx, func(context.Context) (int, error) { //gathervet:ignore the scope waits for it
				close(started)
				_, err := All(scopeCtx, never.Future())
				gathered <- err
				return 0, err
			})
			<-started // a task whose scope has ended never starts
			return errBody
		})
		if err != errBody {
			t.Fatalf("run %d: Scope = %v; want the body's error", run, err)
		}
		select {
		case err := <-gathered:
			if !errors.As(err, new(*PendingError)) || !errors.Is(err, errBody) {
				t.Fatalf("run %d: All = %v; want a *PendingError of the body's error", run, err)
			}
		default:
			t.Fatalf("run %d: Scope returned before its task", run)
		}
	}
}

// A goroutine that is not a task of the scope gathers under the scope's
// context: Scope does not wait for it, and its end, as Scope returns, wakes
// the gather with context.Canceled.
func TestScopeReturnWakesAGatherOfAnotherGoroutine(t *testing.T) {
	for run := range stressRuns {
		never := NewPromise[int]()
		gathered := make(chan error, 1)
		err := Scope(context.Background(), func(ctx context.Context) error {
			go func() {
				_, err := Race(ctx, never.Future())
				gathered <- err
			}()
			return nil
		})
		if err != nil {
			t.Fatalf("run %d: Scope = %v; want nil", run, err)
		}
		if err := <-gathered; !errors.As(err, new(*PendingError)) || !errors.Is(err, context.Canceled) {
			t.Fatalf("run %d: Race = %v; want a *PendingError of context.Canceled", run, err)
		}
	}
}

// The scope forgets the waits that its end woke: its context outlives it
// in its tasks' contexts, and it must not keep their waiters, nor through
// them their inputs.
func TestScopeKeepsNoWokenWait(t *testing.T) {
	var s *scope
	var w *waiter
	if err := Scope(context.Background(), func(ctx context.Context) error {
		s = ctx.(*scope)
		w = newWaiter(ctx, waitAll, 1)
		if !s.addWait(w) {
			t.Fatal("addWait under a live scope = false; want true")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	w.done.Wait() // returns once the scope's end has woken w
	if w.woke.Load() != wokeEnded {
		t.Errorf("woke = %b; want wokeEnded", w.woke.Load())
	}
	if s.waits != nil || s.firstWaits[0] != nil {
		t.Errorf("after its end the scope keeps waits %v, firstWaits %v; want none", s.waits, s.firstWaits)
	}
	if s.addWait(newWaiter(s, waitAll, 1)) {
		t.Error("addWait after the scope's end = true; want false")
	}
}

// A wait that begins under a scope's context after the scope has returned
// does not block.
func TestScopeContextAfterReturnEndsWaitsAtOnce(t *testing.T) {
	var scopeCtx context.Context
	if err := Scope(context.Background(), func(ctx context.Context) error {
		scopeCtx = ctx
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	never := NewPromise[int]()
	res := AllSettled(scopeCtx, never.Future())
	if !errors.As(res[0].Err, new(*PendingError)) || !errors.Is(res[0].Err, context.Canceled) {
		t.Fatalf("AllSettled = %v; want a *PendingError of context.Canceled", res[0].Err)
	}
	if _, err := Any(scopeCtx, never.Future()); !errors.Is(err, context.Canceled) {
		t.Fatalf("Any = %v; want context.Canceled", err)
	}
}

// Under a scope's own context, the waits return their inputs' outcomes as
// under any context: a failure that reads as a context's end is the
// input's own while the scope's context is alive.
func TestScopeContextWaitsReturnOutcomes(t *testing.T) {
	for _, parent := range []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
	}{
		{"a ctx that cannot end", func() (context.Context, context.CancelFunc) { return context.Background(), func() {} }},
		{"a ctx that can end", func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) }},
	} {
		ctx, cancel := parent.ctx()
		err := Scope(ctx, func(ctx context.Context) error {
			canceled := Go(ctx, func(context.Context) (int, error) { return 0, context.Canceled })
			var te *TaskError
			if _, err := All(ctx, canceled); !errors.As(err, &te) || te.Err != context.Canceled {
				t.Errorf("%s: All = %v; want the task's own context.Canceled in a *TaskError", parent.name, err)
			}
			never := NewPromise[int]()
			if v, err := Race(ctx, never.Future(), Resolved(7)); v != 7 || err != nil {
				t.Errorf("%s: Race = %v, %v; want 7, nil", parent.name, v, err)
			}
			if v, err := Any(ctx, Rejected[int](errBody), Go(ctx, func(context.Context) (int, error) { return 8, nil })); v != 8 || err != nil {
				t.Errorf("%s: Any = %v, %v; want 8, nil", parent.name, v, err)
			}
			res := AllSettled(ctx, Rejected[int](errBody), Resolved(9))
			if res[0].Err != errBody || res[1].Value != 9 {
				t.Errorf("%s: AllSettled = %v; want errBody, then 9", parent.name, res)
			}
			return nil
		})
		cancel()
		if err != nil {
			t.Fatalf("%s: Scope = %v; want nil", parent.name, err)
		}
	}
}

// A failure that reads as a context's end is recorded as the input's own
// when it reaches a wait while the scope's context is alive, and as an
// echo once the scope has ended that context: a wait that the end cuts
// short keeps the first, and reports the second as pending.
func TestScopeContextTellsOwnFailuresFromEchoes(t *testing.T) {
	canceled := Rejected[int](context.Canceled)
	at := func(int) *core { return &canceled.core }
	var scopeCtx context.Context
	var alive *waiter
	if err := Scope(context.Background(), func(ctx context.Context) error {
		scopeCtx = ctx
		alive = subscribeEach(ctx, waitSettled, 1, at)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if alive.scope == nil {
		t.Fatal("the wait under the scope's context selects on its Done channel")
	}
	if alive.echoes(scopeCtx, 0, context.Canceled) {
		t.Error("a failure recorded while the scope's context was alive reads as an echo of its end")
	}
	ended := subscribeEach(scopeCtx, waitSettled, 1, at)
	if !ended.echoes(scopeCtx, 0, context.Canceled) {
		t.Error("a failure recorded after the scope's context ended reads as the input's own")
	}
}

// The caller's ctx ends while the body gathers, under the scope's own
// context, an input that never settles: the gather wakes and returns a
// *PendingError of the caller's cause, which the scope's context reads
// too.
func TestScopeCallerEndWakesAGatherUnderItsContext(t *testing.T) {
	for run := range stressRuns {
		ctx, cancel := context.WithCancelCause(context.Background())
		never := NewPromise[int]()
		err := Scope(ctx, func(ctx context.Context) error {
			go cancel(errStop)
			_, err := All(ctx, never.Future())
			if !errors.As(err, new(*PendingError)) || !errors.Is(err, errStop) {
				t.Errorf("run %d: All = %v; want a *PendingError of the caller's cause", run, err)
			}
			if cause := context.Cause(ctx); cause != errStop {
				t.Errorf("run %d: the scope's context ended with %v; want the caller's cause", run, cause)
			}
			return err
		})
		if !errors.Is(err, errStop) {
			t.Fatalf("run %d: Scope = %v; want the gather's error", run, err)
		}
	}
}
