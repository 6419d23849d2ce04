package gtemporal

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// lab is a test environment with the activities that the tests gather,
// registered under their names, and the channels through which a test
// steers them.
type lab struct {
	env *testsuite.TestWorkflowEnvironment

	started   chan int      // Gate and Hold send their input when they start
	gates     []chan string // Gate i returns once gates[i] is closed... or sent to
	cancelled chan int      // Hold sends its input when it sees its cancellation
	completed chan string   // the name of every activity the environment completes

	mu       sync.Mutex
	attempts map[string]int // attempts of Flaky per input
	running  int            // activities of Gate running now
	most     int            // the most that ran at once
	order    []int          // inputs of Gate in the order they started
}

// newLab returns a lab with n gates.
func newLab(t *testing.T, n int) *lab {
	t.Helper()
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	l := &lab{
		env:       suite.NewTestWorkflowEnvironment(),
		started:   make(chan int, 1000),
		cancelled: make(chan int, 1000),
		completed: make(chan string, 1000),
		attempts:  map[string]int{},
	}
	for range n {
		l.gates = append(l.gates, make(chan string, 1))
	}
	l.env.SetTestTimeout(2 * time.Minute)
	// The SDK fails a workflow task that runs for more than a second of wall
	// time without yielding (its deadlock detector): under -race on a loaded
	// machine a coroutine can be descheduled that long (seen once in 10,000
	// runs of the property test at a load average of 30).
	l.env.SetWorkerOptions(worker.Options{DeadlockDetectionTimeout: time.Minute})
	l.env.SetOnActivityCompletedListener(func(info *activity.Info, _ converter.EncodedValue, _ error) {
		l.completed <- info.ActivityType.Name
	})
	for name, fn := range map[string]any{
		"Echo":      echo,
		"Fail":      fail,
		"FailAfter": l.failAfter,
		"Gate":      l.gate,
		"Hold":      l.hold,
		"Flaky":     l.flaky,
		"Hang":      hang,
		"Nop":       nop,
	} {
		l.env.RegisterActivityWithOptions(fn, activity.RegisterOptions{Name: name})
	}
	return l
}

// echo returns its input.
func echo(_ context.Context, s string) (string, error) { return s, nil }

// nop returns nothing.
func nop(context.Context) error { return nil }

// fail fails with an application error of type "Refused".
func fail(_ context.Context, why string) (string, error) {
	return "", temporal.NewNonRetryableApplicationError(why, "Refused", nil)
}

// failAfter fails like fail once gates[i] opens.
func (l *lab) failAfter(ctx context.Context, i int) (string, error) {
	l.wait(ctx, i)
	return "", temporal.NewNonRetryableApplicationError("gated", "Refused", nil)
}

// wait returns the value sent on gates[i], heartbeating meanwhile: the
// tests' activity options have a heartbeat timeout, which a gate held for
// long on a loaded machine would otherwise exceed.
func (l *lab) wait(ctx context.Context, i int) string {
	for {
		activity.RecordHeartbeat(ctx, i)
		select {
		case v := <-l.gates[i]:
			return v
		case <-time.After(10 * time.Millisecond): // the heartbeat's period
		}
	}
}

// hang returns only when its context ends (a timeout or a cancellation).
func hang(ctx context.Context) (string, error) {
	<-ctx.Done()
	return "", ctx.Err()
}

// gate starts, then returns the value sent on gates[i].
func (l *lab) gate(ctx context.Context, i int) (string, error) {
	l.mu.Lock()
	l.running++
	l.most = max(l.most, l.running)
	l.order = append(l.order, i)
	l.mu.Unlock()
	l.started <- i
	v := l.wait(ctx, i)
	l.mu.Lock()
	l.running--
	l.mu.Unlock()
	return v, nil
}

// hold heartbeats until it is cancelled, then reports it on l.cancelled.
func (l *lab) hold(ctx context.Context, i int) (string, error) {
	l.started <- i
	for {
		activity.RecordHeartbeat(ctx, i)
		select {
		case <-ctx.Done():
			l.cancelled <- i
			return "", ctx.Err()
		case <-time.After(10 * time.Millisecond): // the heartbeat's period
		}
	}
}

// flaky fails its first attempt for each input and then returns it.
func (l *lab) flaky(ctx context.Context, s string) (string, error) {
	l.mu.Lock()
	l.attempts[s]++
	first := l.attempts[s] == 1
	l.mu.Unlock()
	if first {
		return "", errors.New("first attempt fails")
	}
	return s, nil
}

// options are the activity options of the tests: no retries unless a test
// sets them. The heartbeat timeout is short because the SDK sends
// heartbeats (and so learns of a cancellation) at most every 0.8 of it.
func options(ctx workflow.Context) workflow.Context {
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: time.Minute,
		HeartbeatTimeout:    2 * time.Second,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 1},
	})
}

// run executes wf to its end and returns its result and error.
func run[T any](t *testing.T, l *lab, wf func(ctx workflow.Context) (T, error)) (T, error) {
	t.Helper()
	l.env.ExecuteWorkflow(wf)
	var got T
	if !l.env.IsWorkflowCompleted() {
		t.Fatal("the workflow did not complete")
	}
	err := l.env.GetWorkflowError()
	if err == nil {
		if gerr := l.env.GetWorkflowResult(&got); gerr != nil {
			t.Fatal(gerr)
		}
	}
	return got, err
}

// releaseBackwards lets n gates return in reverse order (see release), so
// that the workflow sees the activities complete last first.
func (l *lab) releaseBackwards(n int) {
	order := seq(n)
	slices.Reverse(order)
	l.release(order)
}

// openAfter opens gates[gate] once Hold has started for each of holds:
// a workflow that waits for that gate then knows that they run.
func (l *lab) openAfter(gate int, holds ...int) {
	left := len(holds)
	for left > 0 {
		i := <-l.started
		if slices.Contains(holds, i) {
			left--
		}
	}
	l.gates[gate] <- "open"
}
