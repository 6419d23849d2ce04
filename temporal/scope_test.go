package gtemporal

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gathergen/gathergen/temporal/internal/devserver"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// scopeProbe holds the activities of the dev-server test of Scope: Stop
// heartbeats until it is cancelled and records that it returned; Refuse
// fails once Stop runs; Probe reports whether Stop had returned.
type scopeProbe struct {
	running  chan struct{}
	returned atomic.Bool
}

func (p *scopeProbe) Stop(ctx context.Context) (string, error) {
	close(p.running)
	for {
		activity.RecordHeartbeat(ctx)
		select {
		case <-ctx.Done():
			// a driver's last round trip, made after the cancellation
			time.Sleep(time.Second) // long enough for an unscoped workflow to probe first
			p.returned.Store(true)
			return "", ctx.Err()
		case <-time.After(50 * time.Millisecond): // the heartbeat's period
		}
	}
}

func (p *scopeProbe) Refuse(ctx context.Context) (string, error) {
	<-p.running
	return "", temporal.NewNonRetryableApplicationError("refused", "Refused", nil)
}

func (p *scopeProbe) Probe(context.Context) (bool, error) { return p.returned.Load(), nil }

// ScopedGather is the workflow of the dev-server test: a gather that fails
// fast, in a Scope or not, then Probe.
func ScopedGather(ctx workflow.Context, scoped bool) (bool, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: time.Minute,
		HeartbeatTimeout:    time.Second,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 1},
	})
	body := func(ctx workflow.Context) error {
		_, _, err := Gather2(ctx, Execute[string](ctx, "Stop"), Execute[string](ctx, "Refuse"))
		return err
	}
	var err error
	if scoped {
		err = Scope(ctx, body)
	} else {
		err = body(ctx)
	}
	if _, ok := AsTaskError(err); !ok {
		return false, fmt.Errorf("the gather failed with %v; want a TaskError", err)
	}
	return Execute[bool](ctx, "Probe").Get(ctx)
}

// On a real server, a gather that fails fast inside a Scope returns at once
// and cancels its sibling, and Scope returns only once that sibling has
// returned on its worker; a plain gather does not wait for it. (The SDK's
// test environment settles a cancelled activity at once whatever its
// WaitForCancellation, so only a server shows the difference.)
func TestScopeWaitsForTheActivitiesItCancels(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a dev server")
	}
	_, c := devserver.Start(t)
	for _, scoped := range []bool{true, false} {
		p := &scopeProbe{running: make(chan struct{})}
		queue := fmt.Sprintf("scope-%v", scoped)
		w := worker.New(c, queue, worker.Options{})
		w.RegisterWorkflow(ScopedGather)
		for name, fn := range map[string]any{"Stop": p.Stop, "Refuse": p.Refuse, "Probe": p.Probe} {
			w.RegisterActivityWithOptions(fn, activity.RegisterOptions{Name: name})
		}
		if err := w.Start(); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{TaskQueue: queue}, ScopedGather, scoped)
		var stopped bool
		if err == nil {
			err = run.Get(ctx, &stopped)
		}
		cancel()
		w.Stop()
		if err != nil {
			t.Fatal(err)
		}
		if scoped && !stopped {
			t.Fatal("Scope returned while the activity it cancelled still ran on its worker")
		}
		if !scoped && stopped {
			t.Fatal("without a scope the cancelled activity had returned by the gather's return: the test cannot tell the two apart")
		}
	}
}

// Inside a scope, Execute and ExecuteChild set WaitForCancellation in the
// options they schedule with, whatever their context's options say;
// outside, they leave them as they are.
func TestScopeSetsWaitForCancellation(t *testing.T) {
	l := newLab(t, 0)
	got, err := run(t, l, func(ctx workflow.Context) ([]bool, error) {
		ctx = options(ctx)
		outside, _ := waitForCancellation(ctx, activityKind)
		outsideChild, _ := waitForCancellation(ctx, childKind)
		var inside, insideChild workflow.Context
		Scope(ctx, func(ctx workflow.Context) error {
			inside, _ = waitForCancellation(ctx, activityKind)
			insideChild, _ = waitForCancellation(ctx, childKind)
			return nil
		})
		return []bool{
			workflow.GetActivityOptions(outside).WaitForCancellation,
			workflow.GetChildWorkflowOptions(outsideChild).WaitForCancellation,
			workflow.GetActivityOptions(inside).WaitForCancellation,
			workflow.GetChildWorkflowOptions(insideChild).WaitForCancellation,
		}, nil
	})
	if err != nil || !slices.Equal(got, []bool{false, false, true, true}) {
		t.Fatalf("WaitForCancellation of an activity and a child, outside and inside a scope: "+
			"%v, %v; want false, false, true, true", got, err)
	}
}

// A body that returns nil lets its activities run to their end, and Scope
// waits for them, awaited or not; options set inside the body without
// WaitForCancellation do not undo it, and the activities of WithLimit
// belong to the scope too.
func TestScopeWaitsForActivitiesNobodyAwaits(t *testing.T) {
	l := newLab(t, 2)
	go l.release([]int{0, 1})
	got, err := run(t, l, func(ctx workflow.Context) ([]string, error) {
		ctx = options(ctx)
		var fs []*Future[string]
		err := Scope(ctx, func(ctx workflow.Context) error {
			opts := workflow.GetActivityOptions(ctx)
			opts.WaitForCancellation = false // as a body may set its own
			fs = append(fs, Execute[string](workflow.WithActivityOptions(ctx, opts), "Gate", 0))
			fs = append(fs, Execute[string](WithLimit(ctx, 1), "Gate", 1))
			return nil
		})
		if err != nil {
			return nil, err
		}
		var out []string
		for _, f := range fs {
			if !f.IsReady() {
				return nil, errors.New("Scope returned before an activity of it was ready")
			}
			v, err := f.Get(ctx)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	})
	if err != nil || len(got) != 2 {
		t.Fatalf("got %q, %v; want two results", got, err)
	}
}

// The body's error cancels every activity of the scope, and Scope returns
// that error.
func TestScopeBodyErrorCancelsItsActivities(t *testing.T) {
	l := newLab(t, 1)
	go l.openAfter(0, 3)
	errBody := errors.New("the body failed")
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		ctx = options(ctx)
		err := Scope(ctx, func(ctx workflow.Context) error {
			Execute[string](ctx, "Hold", 3)
			Execute[string](ctx, "Gate", 0).Get(ctx) // returns once Hold runs
			return errBody
		})
		return "", err
	})
	if err == nil || !strings.Contains(err.Error(), errBody.Error()) {
		t.Fatalf("the workflow failed with %v; want the body's error", err)
	}
	if i := <-l.cancelled; i != 3 {
		t.Fatalf("activity %d saw its cancellation; want Hold 3", i)
	}
}

func TestScopeRejectsNilArguments(t *testing.T) {
	defer func() {
		if r := recover(); r != "gtemporal.Scope: ctx is nil" {
			t.Fatalf("panic %v; want the nil ctx named", r)
		}
	}()
	Scope(nil, func(workflow.Context) error { return nil }) //nolint:staticcheck // the nil is the test
}
