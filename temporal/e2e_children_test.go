//go:build unix

package gtemporal_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	gtemporal "github.com/gathergen/gathergen/temporal"
)

// The stubs below are written by hand exactly as gathergen is to emit them
// for //gathergen:workflow (a name constant, a child stub, a typed client
// start, RegisterWorkflows) and for //gathergen:activity local (a name
// constant and a local stub; RegisterActivities registers it as any
// activity).

// SquareChildWorkflowName is the name under which RegisterWorkflows registers SquareChild.
const SquareChildWorkflowName = "SquareChild"

// SquareChildChildWorkflow starts the workflow SquareChild as a child, with the child options of ctx, and returns its future.
func SquareChildChildWorkflow(ctx workflow.Context, kind string, n int) *gtemporal.Future[Square] {
	return gtemporal.ExecuteChild[Square](ctx, SquareChildWorkflowName, kind, n)
}

// ExecuteSquareChild starts the workflow SquareChild with c and opts and returns its typed run.
func ExecuteSquareChild(ctx context.Context, c client.Client, opts client.StartWorkflowOptions, kind string, n int) (gtemporal.Run[Square], error) {
	return gtemporal.ExecuteWorkflow[Square](ctx, c, opts, SquareChildWorkflowName, kind, n)
}

// GatherChildrenWorkflowName is the name under which RegisterWorkflows registers GatherChildren.
const GatherChildrenWorkflowName = "GatherChildren"

// ExecuteGatherChildren starts the workflow GatherChildren with c and opts and returns its typed run.
func ExecuteGatherChildren(ctx context.Context, c client.Client, opts client.StartWorkflowOptions, kind string, n int) (gtemporal.Run[[]Square], error) {
	return gtemporal.ExecuteWorkflow[[]Square](ctx, c, opts, GatherChildrenWorkflowName, kind, n)
}

// HoldChildWorkflowName is the name under which RegisterWorkflows registers HoldChild.
const HoldChildWorkflowName = "HoldChild"

// HoldChildChildWorkflow starts the workflow HoldChild as a child, with the child options of ctx, and returns its future.
func HoldChildChildWorkflow(ctx workflow.Context, n int) *gtemporal.Future[struct{}] {
	return gtemporal.ExecuteChild[struct{}](ctx, HoldChildWorkflowName, n)
}

// GatherWithARefusalWorkflowName is the name under which RegisterWorkflows registers GatherWithARefusal.
const GatherWithARefusalWorkflowName = "GatherWithARefusal"

// GatherWithARefusalChildWorkflow starts the workflow GatherWithARefusal as a child, with the child options of ctx, and returns its future.
func GatherWithARefusalChildWorkflow(ctx workflow.Context) *gtemporal.Future[int] {
	return gtemporal.ExecuteChild[int](ctx, GatherWithARefusalWorkflowName)
}

// NegateActivityName is the name under which RegisterActivities registers Negate.
const NegateActivityName = "Negate"

// NegateLocalActivity starts Negate as a local activity, with the local activity options of ctx, and returns its future.
func NegateLocalActivity(ctx workflow.Context, n int) *gtemporal.Future[int] {
	return gtemporal.ExecuteLocal[int](ctx, NegateActivityName, n)
}

// StubbornActivity and ProbeActivity are //gathergen:activity stubs.
func StubbornActivity(ctx workflow.Context) *gtemporal.Future[struct{}] {
	return gtemporal.Execute[struct{}](ctx, "Stubborn")
}

func ProbeActivity(ctx workflow.Context) *gtemporal.Future[bool] {
	return gtemporal.Execute[bool](ctx, "Probe")
}

// RegisterWorkflows registers with r the workflows of the children's test,
// each under the name that its ...WorkflowName constant holds.
func RegisterWorkflows(r worker.WorkflowRegistry) {
	r.RegisterWorkflowWithOptions(SquareChild, workflow.RegisterOptions{Name: SquareChildWorkflowName})
	r.RegisterWorkflowWithOptions(GatherChildren, workflow.RegisterOptions{Name: GatherChildrenWorkflowName})
	r.RegisterWorkflowWithOptions(HoldChild, workflow.RegisterOptions{Name: HoldChildWorkflowName})
	r.RegisterWorkflow(GatherHoldChildren)
	r.RegisterWorkflow(ChildrenWithARefusal)
	r.RegisterWorkflow(LimitAfterACancel)
}

// workflows ---------------------------------------------------------------

// localOptions: a local activity gets a minute.
func localOptions(ctx workflow.Context) workflow.Context {
	return workflow.WithLocalActivityOptions(ctx, workflow.LocalActivityOptions{StartToCloseTimeout: time.Minute})
}

// SquareChild gathers the activity of kind (Square or HeldSquare) for n
// with the local activity Negate, and returns the square.
func SquareChild(ctx workflow.Context, kind string, n int) (Square, error) {
	ctx = localOptions(activityOptions(ctx))
	stub := SquareActivity
	if kind == "HeldSquare" {
		stub = HeldSquareActivity
	}
	sq, neg, err := gtemporal.Gather2(ctx, stub(ctx, n), NegateLocalActivity(ctx, n))
	if err == nil && neg != -n {
		err = fmt.Errorf("Negate(%d) = %d", n, neg)
	}
	return sq, err
}

// GatherChildren gathers n children SquareChild with All, in order.
func GatherChildren(ctx workflow.Context, kind string, n int) ([]Square, error) {
	fs := make([]*gtemporal.Future[Square], n)
	for i := range fs {
		fs[i] = SquareChildChildWorkflow(ctx, kind, i)
	}
	return gtemporal.All(ctx, fs...)
}

// HoldChild gathers one Hold activity, which runs until it is cancelled.
func HoldChild(ctx workflow.Context, n int) error {
	ctx = activityOptions(ctx)
	_, err := gtemporal.All(ctx, HoldActivity(ctx, n))
	return err
}

// GatherHoldChildren gathers n children HoldChild, for first..first+n-1,
// whose ParentClosePolicy is REQUEST_CANCEL.
func GatherHoldChildren(ctx workflow.Context, first, n int) error {
	ctx = workflow.WithChildOptions(ctx, workflow.ChildWorkflowOptions{
		ParentClosePolicy: enums.PARENT_CLOSE_POLICY_REQUEST_CANCEL,
	})
	fs := make([]*gtemporal.Future[struct{}], n)
	for i := range fs {
		fs[i] = HoldChildChildWorkflow(ctx, first+i)
	}
	_, err := gtemporal.All(ctx, fs...)
	return err
}

// ChildrenWithARefusal gathers a SquareChild and a GatherWithARefusal
// child, which fails in its slot 2.
func ChildrenWithARefusal(ctx workflow.Context) (int, error) {
	sq, n, err := gtemporal.Gather2(ctx, SquareChildChildWorkflow(ctx, "Square", 2), GatherWithARefusalChildWorkflow(ctx))
	return sq.Square + n, err
}

// LimitAfterACancel runs Stubborn and then Probe under WithLimit(ctx, 1),
// cancels Stubborn when the signal "cancel" comes, and returns what Probe
// saw: whether Stubborn had ended when Probe started.
func LimitAfterACancel(ctx workflow.Context) (bool, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 2 * time.Minute,
		HeartbeatTimeout:    10 * time.Second,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 1},
	})
	limited := gtemporal.WithLimit(ctx, 1)
	stubborn := StubbornActivity(limited)
	probe := ProbeActivity(limited)
	workflow.GetSignalChannel(ctx, "cancel").Receive(ctx, nil)
	stubborn.Cancel()
	if !stubborn.IsReady() {
		return false, errors.New("the cancelled future is not ready")
	}
	return probe.Get(ctx)
}

// activities --------------------------------------------------------------

// negate returns -n.
func negate(_ context.Context, n int) (int, error) { return -n, nil }

// The files through which Stubborn and the test talk.
const (
	stubbornCancelled = "stubborn-cancelled" // Stubborn saw its cancellation
	stubbornRelease   = "stubborn-release"   // Stubborn may return
	stubbornEnded     = "stubborn-ended"     // Stubborn returned
)

// stubborn heartbeats until the release file exists, then writes the ended
// file and returns: it notes its cancellation and carries on.
func (w *e2eWorker) stubborn(ctx context.Context) error {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	noted := false
	for range tick.C {
		activity.RecordHeartbeat(ctx)
		if ctx.Err() != nil && !noted {
			noted = true
			if err := os.WriteFile(filepath.Join(w.dir, stubbornCancelled), nil, 0o644); err != nil {
				return err
			}
		}
		if _, err := os.Stat(filepath.Join(w.dir, stubbornRelease)); err == nil {
			break
		}
	}
	return os.WriteFile(filepath.Join(w.dir, stubbornEnded), nil, 0o644)
}

// probe reports whether Stubborn has ended.
func (w *e2eWorker) probe(context.Context) (bool, error) {
	_, err := os.Stat(filepath.Join(w.dir, stubbornEnded))
	return err == nil, nil
}

// registerChildren registers the workflows and activities of the
// children's test with a worker process's worker.
func (w *e2eWorker) registerChildren(wk worker.Worker) {
	RegisterWorkflows(wk)
	wk.RegisterActivityWithOptions(negate, activity.RegisterOptions{Name: NegateActivityName})
	wk.RegisterActivityWithOptions(w.stubborn, activity.RegisterOptions{Name: "Stubborn"})
	wk.RegisterActivityWithOptions(w.probe, activity.RegisterOptions{Name: "Probe"})
}

// the test side -----------------------------------------------------------

// options returns start options with a fresh ID.
func (c *cluster) options() client.StartWorkflowOptions {
	return client.StartWorkflowOptions{ID: fmt.Sprintf("%s-%d", c.t.Name(), time.Now().UnixNano()), TaskQueue: taskQueue}
}

// children returns the executions of the children of run that are still
// pending.
func (c *cluster) children(ctx context.Context, id, runID string) []*workflowExecution {
	c.t.Helper()
	d, err := c.client.DescribeWorkflowExecution(ctx, id, runID)
	if err != nil {
		c.t.Fatal(err)
	}
	var out []*workflowExecution
	for _, child := range d.GetPendingChildren() {
		out = append(out, &workflowExecution{id: child.GetWorkflowId(), runID: child.GetRunId()})
	}
	return out
}

// workflowExecution names an execution.
type workflowExecution struct{ id, runID string }

// childWorkers returns the workers of the running activities of the
// pending children of the execution id, runID; a child not yet started has
// none.
func (c *cluster) childWorkers(ctx context.Context, id, runID string) []string {
	var workers []string
	for _, child := range c.children(ctx, id, runID) {
		d, err := c.client.DescribeWorkflowExecution(ctx, child.id, child.runID)
		if err != nil {
			continue // the server knows the child's initiation before its start
		}
		workers = append(workers, startedBy(d)...)
	}
	return workers
}

// TestEndToEndChildren runs gathers of child workflows and local
// activities on a real dev server with two worker processes. Its parts run
// in order, the killing of a worker last.
func TestEndToEndChildren(t *testing.T) {
	c, ctx := twoWorkers(t)

	t.Run("a typed start of 20 children, each with a local activity, in order", func(t *testing.T) {
		run, err := ExecuteGatherChildren(ctx, c.client, c.options(), "Square", 20)
		if err != nil {
			t.Fatal(err)
		}
		if run.ID() == "" || run.RunID() == "" {
			t.Errorf("the run has ID %q and run ID %q", run.ID(), run.RunID())
		}
		got, err := run.Get(ctx)
		if err != nil {
			t.Fatal(err)
		}
		checkSquares(t, got, 20)
		one, err := ExecuteSquareChild(ctx, c.client, c.options(), "Square", 7)
		if err != nil {
			t.Fatal(err)
		}
		again := gtemporal.GetRun[Square](ctx, c.client, one.ID(), one.RunID())
		if sq, err := again.Get(ctx); err != nil || sq.Square != 49 {
			t.Errorf("a workflow started from the client: %+v, %v; want the square of 7", sq, err)
		}
	})

	t.Run("a child's failed gather reaches the client as a chain of slots", func(t *testing.T) {
		run, err := gtemporal.ExecuteWorkflow[int](ctx, c.client, c.options(), "ChildrenWithARefusal")
		if err != nil {
			t.Fatal(err)
		}
		_, err = run.Get(ctx)
		parent, ok := gtemporal.AsTaskError(err)
		if !ok || parent.Index != 1 || parent.Name != GatherWithARefusalWorkflowName {
			t.Fatalf("AsTaskError(%v) = %+v, %v; want slot 1 (GatherWithARefusal)", err, parent, ok)
		}
		child, ok := gtemporal.AsTaskError(parent.Err)
		if !ok || child.Index != 2 || child.Name != "Refuse" {
			t.Fatalf("AsTaskError(%v) = %+v, %v; want the child's slot 2 (Refuse)", parent.Err, child, ok)
		}
		var appErr *temporal.ApplicationError
		if !errors.As(child.Err, &appErr) || appErr.Type() != "Refused" {
			t.Errorf("the child's slot holds %v; want the activity's error of type Refused", child.Err)
		}
	})

	t.Run("WithLimit keeps the slot of a cancelled activity until it has ended", func(t *testing.T) {
		run := c.start(ctx, LimitAfterACancel)
		waitFor(t, "Stubborn to run", func() bool { return len(c.running(ctx, run)) == 1 })
		if err := c.client.SignalWorkflow(ctx, run.GetID(), run.GetRunID(), "cancel", nil); err != nil {
			t.Fatal(err)
		}
		waitFor(t, "Stubborn to see its cancellation", func() bool {
			_, err := os.Stat(filepath.Join(c.dir, stubbornCancelled))
			return err == nil
		})
		if err := os.WriteFile(filepath.Join(c.dir, stubbornRelease), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		var ended bool
		if err := run.Get(ctx, &ended); err != nil || !ended {
			t.Errorf("Probe saw Stubborn ended: %v, %v; want true", ended, err)
		}
	})

	t.Run("cancelling the workflow cancels its children and their activities", func(t *testing.T) {
		const first, n = 100, 4
		run := c.start(ctx, GatherHoldChildren, first, n)
		waitFor(t, "4 children with a running activity", func() bool {
			return len(c.childWorkers(ctx, run.GetID(), run.GetRunID())) == n
		})
		kids := c.children(ctx, run.GetID(), run.GetRunID())
		c.cancelRun(t, ctx, run)
		var canceled *temporal.CanceledError
		for _, kid := range kids {
			err := c.client.GetWorkflow(ctx, kid.id, kid.runID).Get(ctx, nil)
			if !errors.As(err, &canceled) {
				t.Errorf("child %s ended with %v; want a cancellation", kid.id, err)
			}
		}
		waitFor(t, "every child's activity to see its cancellation", func() bool {
			for i := range n {
				if _, err := os.Stat(filepath.Join(c.dir, fmt.Sprint("cancelled-", first+i))); err != nil {
					return false
				}
			}
			return true
		})
	})

	t.Run("SIGKILL of a worker mid-gather of children loses nothing", func(t *testing.T) {
		const n = 20
		run, err := ExecuteGatherChildren(ctx, c.client, c.options(), "HeldSquare", n)
		if err != nil {
			t.Fatal(err)
		}
		waitFor(t, "both workers to run the children's activities", func() bool {
			workers := c.childWorkers(ctx, run.ID(), run.RunID())
			return slices.Contains(workers, "worker-a") && slices.Contains(workers, "worker-b")
		})
		c.kill("worker-b")
		if err := os.WriteFile(filepath.Join(c.dir, releaseFile), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := run.Get(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if byWorker := checkSquares(t, got, n); byWorker["worker-b"] != 0 {
			t.Errorf("%d results from the killed worker; its activities were held until after the kill", byWorker["worker-b"])
		}
	})
}
