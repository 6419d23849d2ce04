package gtemporal

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// childWorkflows are the child workflows of the tests, by the names under
// which children registers them. They are named functions: the test
// environment would take function literals for the parents' literals.
var childWorkflows = map[string]any{
	"EchoTwice": echoTwice,
	"Refusing":  refusing,
	"GateChild": gateChild,
	"HoldChild": holdChild,
}

// echoTwice gathers Echo as an activity and as a local activity.
func echoTwice(ctx workflow.Context, s string) (string, error) {
	ctx = localOptions(options(ctx))
	a, b, err := Gather2(ctx, Execute[string](ctx, "Echo", s), ExecuteLocal[string](ctx, "Echo", s))
	return a + b, err
}

// refusing fails with the *TaskError of a gather whose slot 1 fails.
func refusing(ctx workflow.Context, why string) (string, error) {
	ctx = options(ctx)
	_, _, err := Gather2(ctx, Execute[string](ctx, "Echo", "x"), Execute[string](ctx, "Fail", why))
	return "", err
}

// gateChild runs Gate i.
func gateChild(ctx workflow.Context, i int) (string, error) {
	return Execute[string](options(ctx), "Gate", i).Get(ctx)
}

// holdChild runs Hold i.
func holdChild(ctx workflow.Context, i int) (string, error) {
	return Execute[string](options(ctx), "Hold", i).Get(ctx)
}

// children registers the child workflows with l's environment.
func (l *lab) children() *lab {
	for name, wf := range childWorkflows {
		l.env.RegisterWorkflowWithOptions(wf, workflow.RegisterOptions{Name: name})
	}
	return l
}

// localOptions are the local activity options of the tests.
func localOptions(ctx workflow.Context) workflow.Context {
	return workflow.WithLocalActivityOptions(ctx, workflow.LocalActivityOptions{
		StartToCloseTimeout: time.Minute,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 1},
	})
}

// TestChildWorkflowsGatherWithActivities: children, local activities and
// activities gather together, typed, in argument order.
func TestChildWorkflowsGatherWithActivities(t *testing.T) {
	l := newLab(t, 0).children()
	got, err := run(t, l, func(ctx workflow.Context) ([]string, error) {
		ctx = localOptions(options(ctx))
		a, b, c, d, err := Gather4(ctx,
			ExecuteChild[string](ctx, "EchoTwice", "a"),
			ExecuteChild[string](ctx, "EchoTwice", "b"),
			ExecuteLocal[string](ctx, "Echo", "c"),
			Execute[string](ctx, "Echo", "d"))
		return []string{a, b, c, d}, err
	})
	if err != nil || !slices.Equal(got, []string{"aa", "bb", "c", "d"}) {
		t.Fatalf("got %q, %v; want [aa bb c d]", got, err)
	}
}

// TestChildTaskErrorChain: a child whose gather failed fails the parent's
// gather; the client reads the chain of slots: the parent's slot of the
// child, then the child's slot of the activity.
func TestChildTaskErrorChain(t *testing.T) {
	l := newLab(t, 0).children()
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		_, _, err := Gather2(ctx, ExecuteChild[string](ctx, "EchoTwice", "a"), ExecuteChild[string](ctx, "Refusing", "no"))
		return "", err
	})
	parent, ok := AsTaskError(err)
	if !ok || parent.Index != 1 || parent.Name != "Refusing" {
		t.Fatalf("AsTaskError(%v) = %v, %v; want slot 1 (Refusing)", err, parent, ok)
	}
	var childErr *temporal.ChildWorkflowExecutionError
	if !errors.As(parent.Err, &childErr) {
		t.Fatalf("the parent's slot holds %T; want a *temporal.ChildWorkflowExecutionError", parent.Err)
	}
	child, ok := AsTaskError(parent.Err)
	if !ok || child.Index != 1 || child.Name != "Fail" {
		t.Fatalf("AsTaskError(%v) = %v, %v; want the child's slot 1 (Fail)", parent.Err, child, ok)
	}
	var appErr *temporal.ApplicationError
	if !errors.As(child.Err, &appErr) || appErr.Type() != "Refused" || appErr.Message() != "no" {
		t.Errorf("the child's slot holds %v; want the activity's refusal", child.Err)
	}
}

// TestFailedGatherCancelsAChild: a gather that fails cancels a running
// child. With WaitForCancellation in the child options, the child's future
// settles once the child has ended, with its cancellation; without it
// (TestIsReadyRightAfterCancel), at once. That the child's own gather then
// cancels its activities is proven on the dev server (TestEndToEnd): the
// test environment closes a child's dispatcher before it delivers the
// cancellation, so the child's code never sees it.
func TestFailedGatherCancelsAChild(t *testing.T) {
	l := newLab(t, 1).children()
	go l.openAfter(0, 4) // the failure comes once the child's activity runs
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = workflow.WithChildOptions(options(ctx), workflow.ChildWorkflowOptions{WaitForCancellation: true})
		child := ExecuteChild[string](ctx, "HoldChild", 4)
		_, _, err := Gather2(ctx, child, Execute[string](ctx, "FailAfter", 0))
		if te, ok := AsTaskError(err); !ok || te.Index != 1 {
			return "", fmt.Errorf("Gather2 returned %v; want slot 1's failure", err)
		}
		if child.IsReady() {
			return "", errors.New("the child's future settled before the child ended")
		}
		var childErr *temporal.ChildWorkflowExecutionError
		if _, err := child.Get(ctx); !errors.As(err, &childErr) || !temporal.IsCanceledError(errors.Unwrap(childErr)) {
			return "", fmt.Errorf("the child's future holds %v; want the child's cancellation", err)
		}
		return "", nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestLimitCountsChildren: WithLimit bounds the children that run at once
// as it bounds activities.
func TestLimitCountsChildren(t *testing.T) {
	const n = 4
	l := newLab(t, n).children()
	go func() {
		for range n {
			i := <-l.started
			l.gates[i] <- fmt.Sprint("v", i)
		}
	}()
	got, err := run(t, l, func(ctx workflow.Context) ([]string, error) {
		ctx = WithLimit(ctx, 1)
		fs := make([]*Future[string], n)
		for i := range fs {
			fs[i] = ExecuteChild[string](ctx, "GateChild", i)
		}
		return All(ctx, fs...)
	})
	if err != nil || len(got) != n || got[n-1] != fmt.Sprint("v", n-1) {
		t.Fatalf("got %q, %v", got, err)
	}
	if l.most != 1 || !slices.Equal(l.order, seq(n)) {
		t.Errorf("%d ran at once, in the order %v; want 1, in the order started", l.most, l.order)
	}
}

// TestLocalActivityWithoutTimeout: a local activity without a timeout in
// its options fails at once with ErrNoTimeout, naming it.
func TestLocalActivityWithoutTimeout(t *testing.T) {
	l := newLab(t, 0)
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		f := ExecuteLocal[string](options(ctx), "Echo", "x") // activity options, no local ones
		if !f.IsReady() {
			return "", errors.New("the future is pending")
		}
		_, err := f.Get(ctx)
		if !errors.Is(err, ErrNoTimeout) || err.Error() != "gtemporal: local activity Echo: "+ErrNoTimeout.Error() {
			return "", fmt.Errorf("Get returned %v; want ErrNoTimeout naming Echo", err)
		}
		return "", nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestLocalActivityFailureIsATaskError: a local activity's failure fails
// its gather's slot as an activity's does.
func TestLocalActivityFailureIsATaskError(t *testing.T) {
	l := newLab(t, 0)
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = localOptions(ctx)
		_, _, err := Gather2(ctx, ExecuteLocal[string](ctx, "Echo", "x"), ExecuteLocal[string](ctx, "Fail", "no"))
		return "", err
	})
	te, ok := AsTaskError(err)
	var activityErr *temporal.ActivityError
	if !ok || te.Index != 1 || te.Name != "Fail" || !errors.As(te.Err, &activityErr) {
		t.Fatalf("error %v; want a TaskError for slot 1 (Fail) with the activity's error", err)
	}
}
