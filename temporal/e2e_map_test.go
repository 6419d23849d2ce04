//go:build unix

package gtemporal_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	gtemporal "github.com/gathergen/gathergen/temporal"
	"github.com/gathergen/gathergen/temporal/internal/runtree"
)

// Step is an element of the Map of the end-to-end test: the activity
// MapStep squares N, after doing what Do says.
type Step struct {
	N  int
	Do string // "": nothing; "fail", "held", "hold": see mapStep
}

// The code below is written by hand exactly as gathergen emits it for
// //gathergen:activity map on MapStep (func(context.Context, Step) (Square, error)).

// MapStepActivityName is the name under which RegisterActivities registers MapStep.
const MapStepActivityName = "MapStep"

// MapStepMapWorkflowName is the name under which RegisterWorkflows registers the child
// workflow of MapStepMap.
const MapStepMapWorkflowName = "MapStepMap"

var mapStepMapper = gtemporal.NewMapper[Step, Square](MapStepActivityName)

// MapStepMap runs the activity MapStep once per element of in, in child workflows,
// and returns the results in input order: see gtemporal.Mapper.Map.
func MapStepMap(ctx workflow.Context, in []Step, o gtemporal.MapOptions) ([]Square, error) {
	return mapStepMapper.Map(ctx, in, o)
}

// MapSpec says what MapSteps maps: the steps 0..N-1, those from From on
// doing Do ("fail": only the step From fails).
type MapSpec struct {
	N, From int
	Do      string
	Options gtemporal.MapOptions
}

// steps returns the elements that s describes.
func (s MapSpec) steps() []Step {
	in := make([]Step, s.N)
	for i := range in {
		in[i].N = i
		if i >= s.From && (s.Do != "fail" || i == s.From) {
			in[i].Do = s.Do
		}
	}
	return in
}

// MapSteps maps MapStep over the steps of spec with MapStepMap.
func MapSteps(ctx workflow.Context, spec MapSpec) ([]Square, error) {
	return MapStepMap(activityOptions(ctx), spec.steps(), spec.Options)
}

// The files through which MapStep and the test talk, in the shared folder.
const (
	mapRelease = "map-release"    // held steps may return
	mapHeldBy  = "map-held-by-"   // + worker: the worker has run a held step
	mapStarted = "map-started-"   // + N: the hold step N started
	mapCancel  = "map-cancelled-" // + N: the hold step N saw its cancellation
)

// mapStep squares s.N at once, or, by s.Do: fails with a non-retryable
// error of type Refused ("fail"); heartbeats until the release file exists
// ("held"); heartbeats until it is cancelled, noting its start and its
// cancellation in files ("hold").
func (w *e2eWorker) mapStep(ctx context.Context, s Step) (Square, error) {
	sq := Square{N: s.N, Square: s.N * s.N, Worker: w.name}
	switch s.Do {
	case "fail":
		return Square{}, temporal.NewNonRetryableApplicationError(fmt.Sprint("step ", s.N), "Refused", nil)
	case "held":
		if err := w.touch(mapHeldBy + w.name); err != nil {
			return Square{}, err
		}
		return sq, w.heartbeatUntil(ctx, func() bool { return w.exists(mapRelease) })
	case "hold":
		if err := w.touch(mapStarted + strconv.Itoa(s.N)); err != nil {
			return Square{}, err
		}
		_ = w.heartbeatUntil(ctx, func() bool { return false })
		if err := w.touch(mapCancel + strconv.Itoa(s.N)); err != nil {
			return Square{}, err
		}
		return Square{}, ctx.Err()
	}
	return sq, nil
}

// heartbeatUntil heartbeats every 200 ms until done reports true (nil) or
// ctx is done (its error).
func (w *e2eWorker) heartbeatUntil(ctx context.Context, done func() bool) error {
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for !done() {
		activity.RecordHeartbeat(ctx)
		select {
		case <-tick.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// touch creates the file name in the shared folder.
func (w *e2eWorker) touch(name string) error {
	return os.WriteFile(filepath.Join(w.dir, name), nil, 0o644)
}

// exists reports whether the file name exists in the shared folder.
func (w *e2eWorker) exists(name string) bool {
	_, err := os.Stat(filepath.Join(w.dir, name))
	return err == nil
}

// registerMap registers the workflows and the activity of the Map's test
// with a worker process's worker.
func (w *e2eWorker) registerMap(wk worker.Worker) {
	wk.RegisterWorkflow(MapSteps)
	mapStepMapper.Register(wk)
	wk.RegisterActivityWithOptions(w.mapStep, activity.RegisterOptions{Name: MapStepActivityName})
}

// the test side -----------------------------------------------------------

// mapRuns returns every run of the Map of the execution id, runID (the
// caller's run first), checking that each child is a MapStepMap whose ID
// reads "<id>/map0/<first>-<last>...".
func (c *cluster) mapRuns(ctx context.Context, id, runID string) []runtree.Run {
	c.t.Helper()
	runs, err := runtree.Walk(ctx, c.client, id, runID)
	if err != nil {
		c.t.Fatal(err)
	}
	for _, r := range runs[1:] {
		if r.Type != MapStepMapWorkflowName || !strings.HasPrefix(r.ID, id+"/map0/") {
			c.t.Errorf("a child of the Map runs %s with the ID %s; want %s, %s/map0/...", r.Type, r.ID, MapStepMapWorkflowName, id)
		}
	}
	return runs
}

// firstIndex returns the index of the first element of a Map child's range,
// read from its ID (".../<first>-<last>").
func firstIndex(t *testing.T, id string) int {
	t.Helper()
	first, _, _ := strings.Cut(id[strings.LastIndex(id, "/")+1:], "-")
	n, err := strconv.Atoi(first)
	if err != nil {
		t.Fatalf("the child ID %s ends in no range", id)
	}
	return n
}

// files returns the indices N of the files prefix+N in the shared folder,
// sorted.
func (c *cluster) files(prefix string) []int {
	c.t.Helper()
	names, err := filepath.Glob(filepath.Join(c.dir, prefix+"*"))
	if err != nil {
		c.t.Fatal(err)
	}
	var out []int
	for _, name := range names {
		n, err := strconv.Atoi(strings.TrimPrefix(filepath.Base(name), prefix))
		if err != nil {
			c.t.Fatal(err)
		}
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// runMap runs MapSteps over spec and returns its results and its runs.
func (c *cluster) runMap(ctx context.Context, spec MapSpec) ([]Square, []runtree.Run, error) {
	c.t.Helper()
	start := time.Now()
	run := c.start(ctx, MapSteps, spec)
	var got []Square
	err := run.Get(ctx, &got)
	c.t.Logf("MapSteps of %d elements ended in %v", spec.N, time.Since(start).Round(time.Millisecond))
	return got, c.mapRuns(ctx, run.GetID(), run.GetRunID()), err
}

// TestEndToEndMap runs Maps on a real dev server with two worker
// processes. Its parts run in order, the killing of a worker last.
func TestEndToEndMap(t *testing.T) {
	c, ctx := twoWorkers(t)

	t.Run("10,000 elements in order on both workers, as a tree, no run over 10,000 events", func(t *testing.T) {
		const n = 10_000
		// 20 chunks over a Fanout of 10: ten branches of two leaves each.
		spec := MapSpec{N: n, From: n, Options: gtemporal.MapOptions{ChunkSize: 500, Fanout: 10}}
		got, runs, err := c.runMap(ctx, spec)
		if err != nil {
			t.Fatal(err)
		}
		byWorker := checkSquares(t, got, n)
		if byWorker["worker-a"] == 0 || byWorker["worker-b"] == 0 || len(byWorker) != 2 {
			t.Errorf("results by worker: %v; want some from each of worker-a and worker-b", byWorker)
		}
		if len(runs) != 1+10+20 {
			t.Errorf("the Map ran %d workflow runs; want 31 (the caller, 10 branches, 20 leaves)", len(runs))
		}
		most := runtree.Longest(runs)
		t.Logf("%d runs; the longest, %s, has %d events", len(runs), most.ID, most.Events)
		if most.Events > 10_000 {
			t.Errorf("the run %s has %d events; want at most 10,000", most.ID, most.Events)
		}
	})

	t.Run("a small HistoryBudget makes leaves continue as new", func(t *testing.T) {
		// One leaf of 1,000 activities needs about 4,000 events.
		const n = 1_000
		spec := MapSpec{N: n, From: n, Options: gtemporal.MapOptions{HistoryBudget: 1_000}}
		got, runs, err := c.runMap(ctx, spec)
		if err != nil {
			t.Fatal(err)
		}
		checkSquares(t, got, n)
		continued := 0
		for _, r := range runs {
			if r.Close == enums.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW {
				continued++
			}
			if r.Events > 1_000 {
				t.Errorf("the run %s (%s) has %d events; want at most the budget, 1,000", r.ID, r.RunID, r.Events)
			}
		}
		t.Logf("%d runs, %d of them continued as new", len(runs), continued)
		if continued == 0 {
			t.Error("no leaf continued as new")
		}
	})

	t.Run("a failure at element 7,777, in a leaf that continued as new, tells the client its index and activity", func(t *testing.T) {
		// A budget of 1,000 events holds about 120 steps in flight, so the
		// leaf 7,500-7,999 reaches element 7,777 in a later run.
		spec := MapSpec{N: 8_000, From: 7_777, Do: "fail",
			Options: gtemporal.MapOptions{ChunkSize: 500, Fanout: 10, HistoryBudget: 1_000}}
		_, runs, err := c.runMap(ctx, spec)
		te, ok := gtemporal.AsTaskError(err)
		if !ok || te.Index != 7_777 || te.Name != MapStepActivityName {
			t.Fatalf("AsTaskError(%v) = %+v, %v; want element 7,777 (MapStep)", err, te, ok)
		}
		var appErr *temporal.ApplicationError
		if !errors.As(te.Err, &appErr) || appErr.Type() != "Refused" {
			t.Errorf("TaskError.Err = %v; want the activity's error of type Refused", te.Err)
		}
		continued := 0
		for _, r := range runs {
			if r.Close == enums.EVENT_TYPE_UNSPECIFIED {
				t.Errorf("the run %s is still open after the Map failed", r.ID)
			}
			if r.Close == enums.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW && strings.HasSuffix(r.ID, "/7500-7999") {
				continued++
			}
		}
		if continued == 0 {
			t.Error("the leaf 7,500-7,999 did not continue as new before element 7,777 failed")
		}
	})

	t.Run("cancelling a Map halfway reaches every running child and activity, and starts nothing after", func(t *testing.T) {
		// Steps 50..99 hold until cancelled: with leaves of 10 steps, a
		// window of 2 and PerRun 10, the leaves 50-59 and 60-69 run them.
		const n, from, running = 100, 50, 20
		spec := MapSpec{N: n, From: from, Do: "hold", Options: gtemporal.MapOptions{ChunkSize: 10, Window: 2, PerRun: 10}}
		run := c.start(ctx, MapSteps, spec)
		waitFor(t, "20 hold steps to start", func() bool { return len(c.files(mapStarted)) == running })
		kids := c.children(ctx, run.GetID(), run.GetRunID())
		c.cancelRun(t, ctx, run)
		if len(kids) != 2 {
			t.Errorf("%d children were running at the cancellation; want 2", len(kids))
		}
		var canceled *temporal.CanceledError
		for _, kid := range kids {
			err := c.client.GetWorkflow(ctx, kid.id, kid.runID).Get(ctx, nil)
			if !errors.As(err, &canceled) {
				t.Errorf("child %s ended with %v; want a cancellation", kid.id, err)
			}
		}
		want := make([]int, running)
		for i := range want {
			want[i] = from + i
		}
		if started := c.files(mapStarted); !slices.Equal(started, want) {
			t.Errorf("the hold steps %v started; want %v alone", started, want)
		}
		if cancelled := c.files(mapCancel); !slices.Equal(cancelled, want) {
			t.Errorf("the hold steps %v saw their cancellation; want %v", cancelled, want)
		}
		for _, r := range c.mapRuns(ctx, run.GetID(), run.GetRunID())[1:] {
			if firstIndex(t, r.ID) >= from+running {
				t.Errorf("the child %s started; nothing past element %d should have", r.ID, from+running-1)
			}
		}
	})

	t.Run("SIGKILL of a worker halfway through a Map loses nothing", func(t *testing.T) {
		// Steps 1,000..1,999 are held until the release file exists.
		const n, from = 2_000, 1_000
		spec := MapSpec{N: n, From: from, Do: "held", Options: gtemporal.MapOptions{ChunkSize: 100, Window: 4, PerRun: 100}}
		run := c.start(ctx, MapSteps, spec)
		waitFor(t, "both workers to run held steps", func() bool {
			return c.exists(mapHeldBy+"worker-a") && c.exists(mapHeldBy+"worker-b")
		})
		c.kill("worker-b")
		if err := os.WriteFile(filepath.Join(c.dir, mapRelease), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		var got []Square
		if err := run.Get(ctx, &got); err != nil {
			t.Fatal(err)
		}
		checkSquares(t, got, n)
		for _, s := range got[from:] {
			if s.Worker == "worker-b" {
				t.Fatalf("step %d came from the killed worker; the held steps were released after the kill", s.N)
			}
		}
	})
}

// exists reports whether the file name exists in the shared folder.
func (c *cluster) exists(name string) bool {
	_, err := os.Stat(filepath.Join(c.dir, name))
	return err == nil
}
