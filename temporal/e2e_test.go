//go:build unix

package gtemporal_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	gtemporal "github.com/gathergen/gathergen/temporal"
	"github.com/gathergen/gathergen/temporal/internal/devserver"
)

// The end-to-end test runs a real Temporal dev server (the temporal CLI's
// server start-dev, in memory, on 127.0.0.1 and free ports) and two worker
// processes, which are this test binary started again with the variables
// below set; TestMain turns such a process into a worker.
const (
	workerEnv   = "GTEMPORAL_E2E_WORKER"   // the worker's name
	hostPortEnv = "GTEMPORAL_E2E_HOSTPORT" // the server's address
	dirEnv      = "GTEMPORAL_E2E_DIR"      // a folder shared with the test
	taskQueue   = "gtemporal-e2e"
	releaseFile = "release" // HeldSquare returns once this file exists
)

// Square is the typed result of the activities Square and HeldSquare.
type Square struct {
	N, Square int
	Worker    string // the worker process that computed it
}

// SquareActivity, HeldSquareActivity, HoldActivity and RefuseActivity are
// the typed stubs that //gathergen:activity emits, written by hand.
func SquareActivity(ctx workflow.Context, n int) *gtemporal.Future[Square] {
	return gtemporal.Execute[Square](ctx, "Square", n)
}

func HeldSquareActivity(ctx workflow.Context, n int) *gtemporal.Future[Square] {
	return gtemporal.Execute[Square](ctx, "HeldSquare", n)
}

func HoldActivity(ctx workflow.Context, n int) *gtemporal.Future[struct{}] {
	return gtemporal.Execute[struct{}](ctx, "Hold", n)
}

func RefuseActivity(ctx workflow.Context, why string) *gtemporal.Future[int] {
	return gtemporal.Execute[int](ctx, "Refuse", why)
}

// activityOptions: a lost worker's activities time out after 2 s without a
// heartbeat and are retried on another.
func activityOptions(ctx workflow.Context) workflow.Context {
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 2 * time.Minute,
		HeartbeatTimeout:    2 * time.Second,
		RetryPolicy:         &temporal.RetryPolicy{InitialInterval: 100 * time.Millisecond, BackoffCoefficient: 1},
	})
}

// GatherSquares gathers n activities of the given kind (Square or
// HeldSquare) with All, in order.
func GatherSquares(ctx workflow.Context, kind string, n int) ([]Square, error) {
	ctx = activityOptions(ctx)
	stub := SquareActivity
	if kind == "HeldSquare" {
		stub = HeldSquareActivity
	}
	fs := make([]*gtemporal.Future[Square], n)
	for i := range fs {
		fs[i] = stub(ctx, i)
	}
	return gtemporal.All(ctx, fs...)
}

// GatherHolds gathers n activities that run until they are cancelled.
func GatherHolds(ctx workflow.Context, n int) error {
	ctx = activityOptions(ctx)
	fs := make([]*gtemporal.Future[struct{}], n)
	for i := range fs {
		fs[i] = HoldActivity(ctx, i)
	}
	_, err := gtemporal.All(ctx, fs...)
	return err
}

// GatherWithARefusal gathers three activities of which the third fails,
// and returns the gather's error as it is.
func GatherWithARefusal(ctx workflow.Context) (int, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
	a, _, c, err := gtemporal.Gather3(ctx, SquareActivity(ctx, 2), SquareActivity(ctx, 3), RefuseActivity(ctx, "closed"))
	return a.Square + c, err
}

// worker activities -------------------------------------------------------

// square computes n*n after a short pause, so that a gather of many keeps
// both workers busy.
func (w *e2eWorker) square(ctx context.Context, n int) (Square, error) {
	select {
	case <-time.After(10 * time.Millisecond):
	case <-ctx.Done():
		return Square{}, ctx.Err()
	}
	return Square{N: n, Square: n * n, Worker: w.name}, nil
}

// heldSquare heartbeats until the release file exists, then computes n*n.
func (w *e2eWorker) heldSquare(ctx context.Context, n int) (Square, error) {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		activity.RecordHeartbeat(ctx)
		if _, err := os.Stat(filepath.Join(w.dir, releaseFile)); err == nil {
			return Square{N: n, Square: n * n, Worker: w.name}, nil
		}
		select {
		case <-tick.C:
		case <-ctx.Done():
			return Square{}, ctx.Err()
		}
	}
}

// hold heartbeats until it is cancelled, then writes the file cancelled-n.
func (w *e2eWorker) hold(ctx context.Context, n int) error {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		activity.RecordHeartbeat(ctx)
		select {
		case <-tick.C:
		case <-ctx.Done():
			name := filepath.Join(w.dir, fmt.Sprint("cancelled-", n))
			if err := os.WriteFile(name, nil, 0o644); err != nil {
				return err
			}
			return ctx.Err()
		}
	}
}

// refuse fails with an application error of type Refused.
func refuse(_ context.Context, why string) (int, error) {
	return 0, temporal.NewNonRetryableApplicationError(why, "Refused", nil)
}

// e2eWorker is a worker process.
type e2eWorker struct {
	name, dir string
}

// runWorker runs a worker until its standard input closes (the test ended
// or died) or it is killed.
func runWorker() error {
	w := &e2eWorker{name: os.Getenv(workerEnv), dir: os.Getenv(dirEnv)}
	c, err := client.Dial(client.Options{HostPort: os.Getenv(hostPortEnv), Logger: devserver.Quiet(), Identity: w.name})
	if err != nil {
		return err
	}
	defer c.Close()
	wk := worker.New(c, taskQueue, worker.Options{Identity: w.name})
	wk.RegisterWorkflow(GatherSquares)
	wk.RegisterWorkflow(GatherHolds)
	wk.RegisterWorkflow(GatherWithARefusal)
	wk.RegisterWorkflow(GatherEverything)
	wk.RegisterActivityWithOptions(w.square, activity.RegisterOptions{Name: "Square"})
	wk.RegisterActivityWithOptions(w.heldSquare, activity.RegisterOptions{Name: "HeldSquare"})
	wk.RegisterActivityWithOptions(w.hold, activity.RegisterOptions{Name: "Hold"})
	wk.RegisterActivityWithOptions(refuse, activity.RegisterOptions{Name: "Refuse"})
	w.registerChildren(wk)
	w.registerMap(wk)
	if err := wk.Start(); err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, os.Stdin)
	wk.Stop()
	return nil
}

// the test side -----------------------------------------------------------

// cluster is a dev server, a client of it, and worker processes.
type cluster struct {
	t        *testing.T
	hostPort string
	dir      string
	client   client.Client
	workers  map[string]*exec.Cmd
}

// startCluster starts the dev server.
func startCluster(t *testing.T) *cluster {
	c := &cluster{t: t, dir: t.TempDir(), workers: map[string]*exec.Cmd{}}
	c.hostPort, c.client = devserver.Start(t)
	return c
}

// startWorker starts a worker process named name.
func (c *cluster) startWorker(name string) {
	c.t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), workerEnv+"="+name, hostPortEnv+"="+c.hostPort, dirEnv+"="+c.dir)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		c.t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	c.workers[name] = cmd
	c.t.Cleanup(func() {
		stdin.Close() // the worker stops
		_ = cmd.Wait()
	})
}

// kill kills a worker with SIGKILL.
func (c *cluster) kill(name string) {
	c.t.Helper()
	if err := c.workers[name].Process.Kill(); err != nil {
		c.t.Fatal(err)
	}
}

// start starts a workflow with a fresh ID.
func (c *cluster) start(ctx context.Context, wf any, args ...any) client.WorkflowRun {
	c.t.Helper()
	opts := client.StartWorkflowOptions{ID: fmt.Sprintf("%s-%d", c.t.Name(), time.Now().UnixNano()), TaskQueue: taskQueue}
	run, err := c.client.ExecuteWorkflow(ctx, opts, wf, args...)
	if err != nil {
		c.t.Fatal(err)
	}
	return run
}

// cancelRun asks the server to cancel run and fails the test unless the
// workflow then ends cancelled.
func (c *cluster) cancelRun(t *testing.T, ctx context.Context, run client.WorkflowRun) {
	t.Helper()
	if err := c.client.CancelWorkflow(ctx, run.GetID(), run.GetRunID()); err != nil {
		t.Fatal(err)
	}
	var canceled *temporal.CanceledError
	if err := run.Get(ctx, nil); !errors.As(err, &canceled) {
		t.Fatalf("the workflow ended with %v; want a cancellation", err)
	}
}

// waitFor calls check every 100 ms until it reports true, failing the test
// with what after a minute.
func waitFor(t *testing.T, what string, check func() bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for !check() {
		select {
		case <-tick.C:
		case <-ctx.Done():
			t.Fatalf("waited a minute for %s", what)
		}
	}
}

// running returns the workers of the activities of run that have started
// and not ended, one entry per activity.
func (c *cluster) running(ctx context.Context, run client.WorkflowRun) []string {
	c.t.Helper()
	d, err := c.client.DescribeWorkflowExecution(ctx, run.GetID(), run.GetRunID())
	if err != nil {
		c.t.Fatal(err)
	}
	return startedBy(d)
}

// startedBy returns the workers of the activities of an execution that
// have started and not ended, one entry per activity.
func startedBy(d *workflowservice.DescribeWorkflowExecutionResponse) []string {
	var workers []string
	for _, a := range d.GetPendingActivities() {
		if a.GetState() == enums.PENDING_ACTIVITY_STATE_STARTED {
			workers = append(workers, a.GetLastWorkerIdentity())
		}
	}
	return workers
}

// checkSquares checks that got holds the squares of 0..n-1, in order.
func checkSquares(t *testing.T, got []Square, n int) map[string]int {
	t.Helper()
	if len(got) != n {
		t.Fatalf("got %d results; want %d", len(got), n)
	}
	byWorker := map[string]int{}
	for i, s := range got {
		if s.N != i || s.Square != i*i {
			t.Fatalf("result %d is %+v; want the square of %d", i, s, i)
		}
		byWorker[s.Worker]++
	}
	return byWorker
}

// twoWorkers starts a dev server and the workers worker-a and worker-b,
// and returns them with a context that ends with the test or after five
// minutes. It skips the test under -short.
func twoWorkers(t *testing.T) (*cluster, context.Context) {
	if testing.Short() {
		t.Skip("the end-to-end test starts a server and two workers")
	}
	c := startCluster(t)
	c.startWorker("worker-a")
	c.startWorker("worker-b")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	return c, ctx
}

// TestEndToEnd runs gathers on a real dev server with two worker processes.
// Its parts run in order, the killing of a worker last.
func TestEndToEnd(t *testing.T) {
	c, ctx := twoWorkers(t)

	t.Run("200 typed activities in order on both workers", func(t *testing.T) {
		var got []Square
		if err := c.start(ctx, GatherSquares, "Square", 200).Get(ctx, &got); err != nil {
			t.Fatal(err)
		}
		byWorker := checkSquares(t, got, 200)
		if byWorker["worker-a"] == 0 || byWorker["worker-b"] == 0 || len(byWorker) != 2 {
			t.Errorf("results by worker: %v; want some from each of worker-a and worker-b", byWorker)
		}
	})

	t.Run("a failed gather tells the client its slot and activity", func(t *testing.T) {
		err := c.start(ctx, GatherWithARefusal).Get(ctx, nil)
		te, ok := gtemporal.AsTaskError(err)
		if !ok || te.Index != 2 || te.Name != "Refuse" {
			t.Fatalf("AsTaskError(%v) = %+v, %v; want slot 2 (Refuse)", err, te, ok)
		}
		var activityErr *temporal.ActivityError
		var appErr *temporal.ApplicationError
		if !errors.As(te.Err, &activityErr) || !errors.As(activityErr, &appErr) || appErr.Type() != "Refused" {
			t.Errorf("TaskError.Err = %v; want the activity's error of type Refused", te.Err)
		}
	})

	t.Run("cancelling the workflow reaches every running activity", func(t *testing.T) {
		const n = 10
		run := c.start(ctx, GatherHolds, n)
		waitFor(t, "10 running activities", func() bool { return len(c.running(ctx, run)) == n })
		c.cancelRun(t, ctx, run)
		var missing []int
		waitFor(t, "every activity to see its cancellation", func() bool {
			missing = missing[:0]
			for i := range n {
				if _, err := os.Stat(filepath.Join(c.dir, fmt.Sprint("cancelled-", i))); err != nil {
					missing = append(missing, i)
				}
			}
			return len(missing) == 0
		})
	})

	t.Run("SIGKILL of a worker mid-gather loses nothing", func(t *testing.T) {
		const n = 200
		run := c.start(ctx, GatherSquares, "HeldSquare", n)
		waitFor(t, "both workers to run activities", func() bool {
			workers := c.running(ctx, run)
			return slices.Contains(workers, "worker-a") && slices.Contains(workers, "worker-b")
		})
		c.kill("worker-b")
		if err := os.WriteFile(filepath.Join(c.dir, releaseFile), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		var got []Square
		if err := run.Get(ctx, &got); err != nil {
			t.Fatal(err)
		}
		byWorker := checkSquares(t, got, n)
		if byWorker["worker-b"] != 0 {
			t.Errorf("%d results from the killed worker; its activities were held until after the kill", byWorker["worker-b"])
		}
	})
}
