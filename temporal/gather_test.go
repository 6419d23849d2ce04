package gtemporal

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// gateAll starts Gate for 0..n-1 and returns their futures.
func gateAll(ctx workflow.Context, n int) []*Future[string] {
	fs := make([]*Future[string], n)
	for i := range fs {
		fs[i] = Execute[string](ctx, "Gate", i)
	}
	return fs
}

func TestGatherOrderWhateverTheCompletionOrder(t *testing.T) {
	l := newLab(t, 3)
	go l.releaseBackwards(3)
	got, err := run(t, l, func(ctx workflow.Context) ([]string, error) {
		ctx = options(ctx)
		fs := gateAll(ctx, 3)
		a, b, c, err := Gather3(ctx, fs[0], fs[1], fs[2])
		return []string{a, b, c}, err
	})
	if err != nil || !slices.Equal(got, []string{"v0", "v1", "v2"}) {
		t.Fatalf("got %q, %v; want [v0 v1 v2] in argument order", got, err)
	}
}

func TestAllOrderWhateverTheCompletionOrder(t *testing.T) {
	const n = 8
	l := newLab(t, n)
	go l.releaseBackwards(n)
	got, err := run(t, l, func(ctx workflow.Context) ([]string, error) {
		return All(options(ctx), gateAll(options(ctx), n)...)
	})
	want := make([]string, n)
	for i := range want {
		want[i] = fmt.Sprint("v", i)
	}
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("got %q, %v; want %q", got, err, want)
	}
}

func TestGatherOfTypesAndAnEmptyResult(t *testing.T) {
	l := newLab(t, 0)
	got, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		s, none, err := Gather2(ctx, Execute[string](ctx, "Echo", "hi"), Execute[struct{}](ctx, "Nop"))
		return fmt.Sprint(s, none), err
	})
	if err != nil || got != "hi{}" {
		t.Fatalf("got %q, %v; want hi{}", got, err)
	}
}

func TestAllOfNothingAndTheSameFutureTwice(t *testing.T) {
	l := newLab(t, 0)
	got, err := run(t, l, func(ctx workflow.Context) ([]string, error) {
		ctx = options(ctx)
		none, err := All[string](ctx)
		if err != nil || none == nil || len(none) != 0 {
			return nil, fmt.Errorf("All() = %v, %v; want an empty slice", none, err)
		}
		f := Execute[string](ctx, "Echo", "x")
		return All(ctx, f, f)
	})
	if err != nil || !slices.Equal(got, []string{"x", "x"}) {
		t.Fatalf("got %q, %v; want [x x]", got, err)
	}
}

// TestGatherFailFast: the failure of one input returns a *TaskError for
// its slot, whose Err is the SDK's *temporal.ActivityError, and cancels its
// heartbeating sibling, which sees the cancellation.
func TestGatherFailFast(t *testing.T) {
	l := newLab(t, 1)
	go l.openAfter(0, 7) // the failure comes once the sibling runs
	var te *TaskError
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		hold := Execute[string](ctx, "Hold", 7)
		_, _, err := Gather2(ctx, hold, Execute[string](ctx, "FailAfter", 0))
		if !errors.As(err, &te) {
			return "", fmt.Errorf("Gather2 returned %v, not a *TaskError", err)
		}
		if !hold.IsReady() {
			return "", errors.New("the sibling was not cancelled")
		}
		return "", err
	})
	if err == nil {
		t.Fatal("the workflow succeeded")
	}
	if te.Index != 1 || te.Name != "FailAfter" {
		t.Errorf("TaskError names slot %d (%s); want 1 (FailAfter)", te.Index, te.Name)
	}
	var activityErr *temporal.ActivityError
	if !errors.As(te.Err, &activityErr) {
		t.Errorf("TaskError.Err = %T; want a *temporal.ActivityError", te.Err)
	}
	var appErr *temporal.ApplicationError
	if !errors.As(te, &appErr) || appErr.Type() != "Refused" {
		t.Errorf("errors.As finds the application error %v; want the activity's own, of type Refused", appErr)
	}
	if i := <-l.cancelled; i != 7 {
		t.Errorf("Hold %d saw a cancellation; want 7", i)
	}
}

// TestGatherCancelsASiblingStartedBefore: a future started before the
// gather and not passed to it keeps running; the gather's own inputs are
// cancelled through their own scopes.
func TestGatherCancelsOnlyItsInputs(t *testing.T) {
	l := newLab(t, 1)
	got, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		outside := Execute[string](ctx, "Gate", 0)
		_, _, err := Gather2(ctx, Execute[string](ctx, "Hold", 1), Execute[string](ctx, "Fail", "no"))
		if err == nil {
			return "", errors.New("the gather succeeded")
		}
		l.gates[0] <- "still running"
		return outside.Get(ctx)
	})
	if err != nil || got != "still running" {
		t.Fatalf("got %q, %v; want the outside future's own result", got, err)
	}
}

func TestActivityTimesOut(t *testing.T) {
	l := newLab(t, 0)
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
			StartToCloseTimeout: 50 * time.Millisecond,
			RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 1},
		})
		_, _, err := Gather2(ctx, Execute[string](ctx, "Echo", "x"), Execute[string](ctx, "Hang"))
		return "", err
	})
	te, ok := AsTaskError(err)
	if !ok || te.Index != 1 || te.Name != "Hang" {
		t.Fatalf("error %v; want a TaskError for slot 1 (Hang)", err)
	}
	var timeout *temporal.TimeoutError
	if !errors.As(err, &timeout) {
		t.Errorf("error %v; want a *temporal.TimeoutError under it", err)
	}
}

func TestActivityRetriedThenSucceeds(t *testing.T) {
	l := newLab(t, 0)
	got, err := run(t, l, func(ctx workflow.Context) ([]string, error) {
		ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
			StartToCloseTimeout: time.Minute,
			RetryPolicy:         &temporal.RetryPolicy{InitialInterval: time.Millisecond, MaximumAttempts: 3},
		})
		return All(ctx, Execute[string](ctx, "Flaky", "a"), Execute[string](ctx, "Flaky", "b"))
	})
	if err != nil || !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("got %q, %v; want [a b] after a retry each", got, err)
	}
	if l.attempts["a"] != 2 || l.attempts["b"] != 2 {
		t.Errorf("attempts %v; want 2 each", l.attempts)
	}
}

func TestNoTimeoutFailsAtOnce(t *testing.T) {
	l := newLab(t, 0)
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		f := Execute[string](ctx, "Echo", "x")
		if !f.IsReady() {
			return "", errors.New("the future is pending")
		}
		_, err := f.Get(ctx)
		if !errors.Is(err, ErrNoTimeout) || !strings.Contains(err.Error(), "Echo") {
			return "", fmt.Errorf("Get returned %v; want ErrNoTimeout naming Echo", err)
		}
		return "", nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDecodeErrorIsATaskError(t *testing.T) {
	l := newLab(t, 0)
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		_, _, err := Gather2(ctx, Execute[string](ctx, "Echo", "x"), Execute[int](ctx, "Echo", "not a number"))
		return "", err
	})
	te, ok := AsTaskError(err)
	if !ok || te.Index != 1 || te.Name != "Echo" {
		t.Fatalf("error %v; want a TaskError for slot 1 (Echo)", err)
	}
}

// TestGatherEndsWithItsContext: a gather whose ctx is cancelled returns
// ctx.Err() and cancels its inputs, each of which sees it.
func TestGatherEndsWithItsContext(t *testing.T) {
	l := newLab(t, 1)
	go l.openAfter(0, 1, 2)
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		gctx, cancel := workflow.WithCancel(ctx)
		gate := Execute[string](ctx, "Gate", 0)
		workflow.Go(ctx, func(ctx workflow.Context) {
			_, _ = gate.Get(ctx)
			cancel()
		})
		_, _, err := Gather2(gctx, Execute[string](gctx, "Hold", 1), Execute[string](gctx, "Hold", 2))
		if !temporal.IsCanceledError(err) {
			return "", fmt.Errorf("Gather2 returned %v; want a cancellation", err)
		}
		return "", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := []int{<-l.cancelled, <-l.cancelled}
	slices.Sort(seen)
	if !slices.Equal(seen, []int{1, 2}) {
		t.Errorf("cancellations seen by %v; want 1 and 2", seen)
	}
}

func TestSettleWaitsForEveryInput(t *testing.T) {
	l := newLab(t, 1)
	got, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		failed := Execute[string](ctx, "Fail", "no")
		workflow.Go(ctx, func(ctx workflow.Context) {
			_, _ = failed.Get(ctx)
			l.gates[0] <- "late" // the gate opens only after the failure
		})
		a, b := Settle2(ctx, failed, Execute[string](ctx, "Gate", 0))
		var appErr *temporal.ApplicationError
		if !errors.As(a.Err, &appErr) || appErr.Type() != "Refused" {
			return "", fmt.Errorf("slot 0 has %v; want the activity's error", a.Err)
		}
		return b.Value, b.Err
	})
	if err != nil || got != "late" {
		t.Fatalf("got %q, %v; want the value that came after the failure", got, err)
	}
}

func TestAllSettledWhenTheContextEnds(t *testing.T) {
	l := newLab(t, 1)
	go l.openAfter(0, 3)
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		sctx, cancel := workflow.WithCancel(ctx)
		echoed := Execute[string](ctx, "Echo", "x")
		gate := Execute[string](ctx, "Gate", 0)
		workflow.Go(ctx, func(ctx workflow.Context) {
			_, _ = echoed.Get(ctx)
			_, _ = gate.Get(ctx)
			cancel()
		})
		rs := AllSettled(sctx, echoed, Execute[string](ctx, "Hold", 3))
		if rs[0].Value != "x" || rs[0].Err != nil {
			return "", fmt.Errorf("slot 0 = %+v; want x", rs[0])
		}
		if !temporal.IsCanceledError(rs[1].Err) {
			return "", fmt.Errorf("slot 1 = %+v; want the cancellation", rs[1])
		}
		return "", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if i := <-l.cancelled; i != 3 {
		t.Errorf("Hold %d saw the cancellation; want 3", i)
	}
}

func TestRaceCancelsTheLosers(t *testing.T) {
	l := newLab(t, 1)
	go l.openAfter(0, 1) // the winner comes once the loser runs
	got, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		return Race(ctx, Execute[string](ctx, "Hold", 1), Execute[string](ctx, "Gate", 0))
	})
	if err != nil || got != "open" {
		t.Fatalf("got %q, %v; want the gate's open", got, err)
	}
	if i := <-l.cancelled; i != 1 {
		t.Errorf("Hold %d saw the cancellation; want 1", i)
	}
}

func TestRaceOfAFailure(t *testing.T) {
	l := newLab(t, 1)
	go l.openAfter(0, 1)
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		return Race(ctx, Execute[string](ctx, "Hold", 1), Execute[string](ctx, "FailAfter", 0))
	})
	if te, ok := AsTaskError(err); !ok || te.Index != 1 || te.Name != "FailAfter" {
		t.Fatalf("error %v; want a TaskError for slot 1 (FailAfter)", err)
	}
	<-l.cancelled
}

func TestAnySkipsFailures(t *testing.T) {
	l := newLab(t, 0)
	got, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		return Any(ctx, Execute[string](ctx, "Fail", "no"), Execute[string](ctx, "Echo", "ok"))
	})
	if err != nil || got != "ok" {
		t.Fatalf("got %q, %v; want ok", got, err)
	}
}

// TestAnyOfFailuresKeepsEverySlot: when every input of Any fails, the
// workflow sees an *AggregateError with a *TaskError per slot, and so does
// its client, after the SDK has flattened the error.
func TestAnyOfFailuresKeepsEverySlot(t *testing.T) {
	l := newLab(t, 0)
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		_, err := Any(ctx, Execute[string](ctx, "Fail", "one"), Execute[string](ctx, "Fail", "two"))
		if err := checkAggregate(err); err != nil {
			return "", fmt.Errorf("in the workflow: %w", err)
		}
		var te *TaskError
		if !errors.As(err, &te) || te.Index != 0 {
			return "", fmt.Errorf("errors.As finds %v; want the first slot's TaskError", te)
		}
		return "", err
	})
	var wfErr *temporal.WorkflowExecutionError
	if !errors.As(err, &wfErr) {
		t.Fatalf("error %T %v; want a *temporal.WorkflowExecutionError", err, err)
	}
	if err := checkAggregate(err); err != nil {
		t.Fatalf("on the client: %v", err)
	}
}

// checkAggregate checks that err holds an AggregateError of two failures of
// Fail, "one" in slot 0 and "two" in slot 1, each the activity's own error.
func checkAggregate(err error) error {
	ae, ok := AsAggregateError(err)
	if !ok || len(ae.Errs) != 2 {
		return fmt.Errorf("AsAggregateError(%v) = %v, %v; want two failures", err, ae, ok)
	}
	for i, want := range []string{"one", "two"} {
		te := ae.Errs[i]
		var appErr *temporal.ApplicationError
		if te.Index != i || te.Name != "Fail" || !errors.As(te.Err, &appErr) ||
			appErr.Type() != "Refused" || appErr.Message() != want {
			return fmt.Errorf("failure %d is %v; want slot %d (Fail) refusing %q", i, te, i, want)
		}
	}
	return nil
}

func TestRaceAndAnyOfNothing(t *testing.T) {
	l := newLab(t, 0)
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		if _, err := Race[int](ctx); !errors.Is(err, ErrNoFutures) {
			return "", fmt.Errorf("Race() returned %v", err)
		}
		if _, err := Any[int](ctx); !errors.Is(err, ErrNoFutures) {
			return "", fmt.Errorf("Any() returned %v", err)
		}
		return "", nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestAsCompletedYieldsInCompletionOrder(t *testing.T) {
	const n = 5
	l := newLab(t, n)
	go l.releaseBackwards(n)
	got, err := run(t, l, func(ctx workflow.Context) ([]int, error) {
		var order []int
		for i, r := range AsCompleted(options(ctx), gateAll(options(ctx), n)...) {
			if r.Err != nil || r.Value != fmt.Sprint("v", i) {
				return nil, fmt.Errorf("slot %d: %+v", i, r)
			}
			order = append(order, i)
		}
		return order, nil
	})
	if err != nil || !slices.Equal(got, []int{4, 3, 2, 1, 0}) {
		t.Fatalf("got %v, %v; want [4 3 2 1 0]", got, err)
	}
}

func TestAsCompletedStoppedEarlyCancelsTheRest(t *testing.T) {
	l := newLab(t, 1)
	go l.openAfter(0, 5)
	got, err := run(t, l, func(ctx workflow.Context) (int, error) {
		ctx = options(ctx)
		hold := Execute[string](ctx, "Hold", 5)
		for i := range AsCompleted(ctx, hold, Execute[string](ctx, "Gate", 0)) {
			return i, nil
		}
		return -1, nil
	})
	if err != nil || got != 1 {
		t.Fatalf("got %d, %v; want slot 1 first", got, err)
	}
	if i := <-l.cancelled; i != 5 {
		t.Errorf("Hold %d saw the cancellation; want 5", i)
	}
}

// TestLimitOfOneRunsInOrder: under WithLimit(ctx, 1) the activities run
// one at a time, in the order in which they were started.
func TestLimitOfOneRunsInOrder(t *testing.T) {
	const n = 6
	l := newLab(t, n)
	go func() {
		for i := range n {
			<-l.started
			l.gates[i] <- fmt.Sprint("v", i)
		}
	}()
	got, err := run(t, l, func(ctx workflow.Context) ([]string, error) {
		ctx = WithLimit(options(ctx), 1)
		return All(ctx, gateAll(ctx, n)...)
	})
	if err != nil || len(got) != n || got[n-1] != "v5" {
		t.Fatalf("got %q, %v", got, err)
	}
	if l.most != 1 || !slices.Equal(l.order, []int{0, 1, 2, 3, 4, 5}) {
		t.Errorf("%d ran at once, in the order %v; want 1, in the order started", l.most, l.order)
	}
}

// TestLimitBoundsWhatRuns: under WithLimit(ctx, 2) two activities run at
// once and no more: the first to start finishes only once a second has
// started.
func TestLimitBoundsWhatRuns(t *testing.T) {
	const n = 7
	l := newLab(t, n)
	go func() {
		first := <-l.started // released once a second has started: two run at once
		for range n - 1 {
			i := <-l.started
			l.gates[i] <- fmt.Sprint("v", i)
			if first >= 0 {
				l.gates[first] <- fmt.Sprint("v", first)
				first = -1
			}
		}
	}()
	got, err := run(t, l, func(ctx workflow.Context) ([]string, error) {
		ctx = WithLimit(options(ctx), 2)
		return All(ctx, gateAll(ctx, n)...)
	})
	if err != nil || len(got) != n || got[0] != "v0" || got[n-1] != fmt.Sprint("v", n-1) {
		t.Fatalf("got %q, %v", got, err)
	}
	if l.most != 2 {
		t.Errorf("%d ran at once; want 2", l.most)
	}
}

// TestLimitCancelsQueuedFutures: a failure cancels the futures still in
// the limiter's queue, which never start.
func TestLimitCancelsQueuedFutures(t *testing.T) {
	l := newLab(t, 0)
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = WithLimit(options(ctx), 1)
		fail := Execute[string](ctx, "Fail", "no")
		queued := Execute[string](ctx, "Hold", 9)
		_, _, err := Gather2(ctx, fail, queued)
		if te, ok := AsTaskError(err); !ok || te.Index != 0 {
			return "", fmt.Errorf("Gather2 returned %v", err)
		}
		if _, err := queued.Get(ctx); !temporal.IsCanceledError(err) {
			return "", fmt.Errorf("the queued future has %v; want a cancellation", err)
		}
		return "", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.started) != 0 {
		t.Errorf("a queued activity started")
	}
}

// TestTaskErrorCrossesTheWorkflowBoundary: a workflow that returns a gather's
// error tells its client the slot and the activity.
func TestTaskErrorCrossesTheWorkflowBoundary(t *testing.T) {
	l := newLab(t, 0)
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		_, _, _, err := Gather3(ctx, Execute[string](ctx, "Echo", "a"), Execute[string](ctx, "Echo", "b"), Execute[string](ctx, "Fail", "no"))
		return "", fmt.Errorf("loading: %w", err)
	})
	var wfErr *temporal.WorkflowExecutionError
	if !errors.As(err, &wfErr) {
		t.Fatalf("error %T %v; want a *temporal.WorkflowExecutionError", err, err)
	}
	te, ok := AsTaskError(err)
	if !ok || te.Index != 2 || te.Name != "Fail" {
		t.Fatalf("AsTaskError(%v) = %+v, %v; want slot 2 (Fail)", err, te, ok)
	}
	var activityErr *temporal.ActivityError
	if !errors.As(te.Err, &activityErr) {
		t.Errorf("TaskError.Err = %v; want the activity's error", te.Err)
	}
}

// TestIsReadyRightAfterCancel: a cancelled future is settled as soon as
// Cancel returns, in the test environment too, where the SDK reports the
// cancellation of an activity only at its next step; its error is the
// cancellation even though the activity then ends otherwise.
func TestIsReadyRightAfterCancel(t *testing.T) {
	l := newLab(t, 0)
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		held := Execute[string](ctx, "Hold", 1)
		inFlight := Go(ctx, func(ctx workflow.Context) (string, error) {
			return Execute[string](ctx, "Hold", 2).Get(ctx)
		})
		for _, f := range []*Future[string]{held, inFlight} {
			f.Cancel()
			if !f.IsReady() {
				return "", fmt.Errorf("%q is not ready right after Cancel", f.Name())
			}
			if _, err := f.Get(ctx); !temporal.IsCanceledError(err) {
				return "", fmt.Errorf("Get after Cancel returned %v; want a cancellation", err)
			}
		}
		return "", nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCancelledInputFailsAGatherAtOnce: a future cancelled before a gather
// fails it at once, with the cancellation in its slot.
func TestCancelledInputFailsAGatherAtOnce(t *testing.T) {
	l := newLab(t, 0)
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		held := Execute[string](ctx, "Hold", 1)
		held.Cancel()
		_, _, err := Gather2(ctx, Execute[string](ctx, "Hold", 2), held)
		if te, ok := AsTaskError(err); !ok || te.Index != 1 || !temporal.IsCanceledError(te.Err) {
			return "", fmt.Errorf("Gather2 returned %v; want slot 1 cancelled", err)
		}
		return "", nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestAsCompletedLeftByAPanicCancelsTheRest: a loop body that panics, in a
// workflow that recovers, leaves no input running.
func TestAsCompletedLeftByAPanicCancelsTheRest(t *testing.T) {
	l := newLab(t, 1)
	go l.openAfter(0, 5) // the gate opens once Hold runs, so that it sees its cancellation
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		hold := Execute[string](ctx, "Hold", 5)
		func() {
			defer func() { _ = recover() }()
			for range AsCompleted(ctx, Execute[string](ctx, "Gate", 0), hold) {
				panic("the loop body fails")
			}
		}()
		if !hold.IsReady() {
			return "", errors.New("the input not yet yielded was not cancelled")
		}
		return "", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if i := <-l.cancelled; i != 5 {
		t.Errorf("Hold %d saw the cancellation; want 5", i)
	}
}
