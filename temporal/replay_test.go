//go:build unix

package gtemporal_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/api/temporalproto"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	gtemporal "github.com/gathergen/gathergen/temporal"
)

// record makes TestRecordHistories run the replayed workflows on a dev
// server and write testdata/history/*.json, for the histories that have no
// file yet (delete a file to record it again):
//
//	go test -run TestRecordHistories -record .
var record = flag.Bool("record", false, "record the replay tests' histories on a dev server")

// GatherEverything uses every gather of the package once, so that its
// recorded history holds the commands of each.
func GatherEverything(ctx workflow.Context) (string, error) {
	ctx = activityOptions(ctx)
	a, b, err := gtemporal.Gather2(ctx, SquareActivity(ctx, 3), SquareActivity(ctx, 4))
	if err != nil {
		return "", err
	}
	limited := gtemporal.WithLimit(ctx, 2)
	fs := make([]*gtemporal.Future[Square], 5)
	for i := range fs {
		fs[i] = SquareActivity(limited, 10+i)
	}
	all, err := gtemporal.All(ctx, fs...)
	if err != nil {
		return "", err
	}
	var order []int
	for i, r := range gtemporal.AsCompleted(ctx, SquareActivity(ctx, 20), SquareActivity(ctx, 21), SquareActivity(ctx, 22)) {
		if r.Err != nil {
			return "", r.Err
		}
		order = append(order, i)
	}
	won, err := gtemporal.Race(ctx, SquareActivity(ctx, 30), HeldSquareActivity(ctx, 31))
	if err != nil {
		return "", err
	}
	square, refused := gtemporal.Settle2(ctx, SquareActivity(ctx, 40), RefuseActivity(ctx, "no"))
	_, anyErr := gtemporal.Any(ctx, RefuseActivity(ctx, "one"), RefuseActivity(ctx, "two"))
	return fmt.Sprint(a.Square, b.Square, len(all), len(order), won.N, square.Value.Square, refused.Err != nil, anyErr != nil), nil
}

// GatherWithARefusalSwapped is GatherWithARefusal with its first two stubs
// swapped: the replay of GatherWithARefusal's history must reject it.
func GatherWithARefusalSwapped(ctx workflow.Context) (int, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: 60e9})
	_, a, c, err := gtemporal.Gather3(ctx, RefuseActivity(ctx, "closed"), SquareActivity(ctx, 2), SquareActivity(ctx, 3))
	return a.Square + c.Square, err
}

// histories names each recorded history's workflow: "children" gathers
// child workflows, and "local" is one such child, which gathers an activity
// and a local activity.
var histories = map[string]any{
	"gather-everything": GatherEverything,
	"refusal":           GatherWithARefusal,
	"cancelled":         GatherHolds,
	"children":          GatherChildren,
	"local":             SquareChild,
}

// mapHistories are the recorded runs of one Map of MapSteps (recordMap):
// the caller's, a branch's, and a leaf's two runs, before and after its
// continue-as-new. They replay against MapSteps and the Map's child
// workflow, mapStepMapper.
var mapHistories = []string{"map-tree", "map-branch", "map-leaf-continued", "map-leaf-continuation"}

// historyPath is where the history of name is committed.
func historyPath(name string) string {
	return filepath.Join("testdata", "history", name+".json")
}

// TestReplay replays the committed histories of gather workflows, recorded
// on a real server, against today's code: a gather that issued its
// commands in another order, or other commands, fails here.
func TestReplay(t *testing.T) {
	replay := func(name string, register func(r worker.WorkflowReplayer)) {
		t.Run(name, func(t *testing.T) {
			r := worker.NewWorkflowReplayer()
			register(r)
			if err := r.ReplayWorkflowHistoryFromJSONFile(quiet(), historyPath(name)); err != nil {
				t.Fatal(err)
			}
		})
	}
	for name, wf := range histories {
		replay(name, func(r worker.WorkflowReplayer) { r.RegisterWorkflow(wf) })
	}
	for _, name := range mapHistories {
		replay(name, func(r worker.WorkflowReplayer) {
			r.RegisterWorkflow(MapSteps)
			mapStepMapper.Register(r)
		})
	}
}

// TestReplayCatchesSwappedStubs: stubs called in another order than
// recorded are non-determinism, which the replay reports.
func TestReplayCatchesSwappedStubs(t *testing.T) {
	r := worker.NewWorkflowReplayer()
	r.RegisterWorkflowWithOptions(GatherWithARefusalSwapped, workflow.RegisterOptions{Name: "GatherWithARefusal"})
	err := r.ReplayWorkflowHistoryFromJSONFile(quiet(), historyPath("refusal"))
	if err == nil || !strings.Contains(err.Error(), "nondeterministic") {
		t.Fatalf("replay returned %v; want a nondeterminism error", err)
	}
}

// TestRecordHistories runs the replayed workflows that have no history yet
// on a dev server with one worker and writes their histories. It runs only
// with -record.
func TestRecordHistories(t *testing.T) {
	if !*record {
		t.Skip("records histories only with -record")
	}
	c := startCluster(t)
	c.startWorker("worker-a")
	ctx := context.Background()
	for name, wf := range histories {
		if _, err := os.Stat(historyPath(name)); err == nil {
			continue // recorded by an earlier version: what replay must still accept
		}
		var run = c.start(ctx, wf, recordArgs(name)...)
		if name == "cancelled" {
			waitFor(t, "3 running activities", func() bool { return len(c.running(ctx, run)) == 3 })
			if err := c.client.CancelWorkflow(ctx, run.GetID(), run.GetRunID()); err != nil {
				t.Fatal(err)
			}
		}
		_ = run.Get(ctx, nil) // success or failure, the history is what counts
		writeHistory(t, c, run.GetID(), run.GetRunID(), historyPath(name))
	}
	recordMap(t, c)
}

// recordMap runs, when a "map-" history has no file, a Map of 40 elements
// in chunks of 10 with a Fanout of 2 (two branches of two leaves), whose
// leaves continue as new past a HistoryBudget of 30 events, and writes the
// histories of its caller, its first branch, and the first leaf's first
// and second runs.
func recordMap(t *testing.T, c *cluster) {
	missing := false
	for _, name := range mapHistories {
		if _, err := os.Stat(historyPath(name)); err != nil {
			missing = true
		}
	}
	if !missing {
		return
	}
	ctx := context.Background()
	spec := MapSpec{N: 40, From: 40, Options: gtemporal.MapOptions{ChunkSize: 10, Fanout: 2, PerRun: 2, HistoryBudget: 30}}
	run := c.start(ctx, MapSteps, spec)
	if err := run.Get(ctx, nil); err != nil {
		t.Fatal(err)
	}
	runs := c.mapRuns(ctx, run.GetID(), run.GetRunID())
	// runs: the caller, the first branch, its first leaf's runs, ...
	if len(runs) < 4 || runs[2].NextRunID != runs[3].RunID {
		t.Fatalf("the Map's runs %+v hold no leaf that continued as new", runs)
	}
	for i, name := range mapHistories { // in the order of runs
		r := runs[i]
		if _, err := os.Stat(historyPath(name)); err != nil {
			writeHistory(t, c, r.ID, r.RunID, historyPath(name))
		}
	}
}

// recordArgs are the arguments of the recorded workflows.
func recordArgs(name string) []any {
	switch name {
	case "cancelled":
		return []any{3}
	case "children":
		return []any{"Square", 3}
	case "local":
		return []any{"Square", 5}
	}
	return nil
}

// writeHistory writes the history of a workflow run to path.
func writeHistory(t *testing.T, c *cluster, id, runID, path string) {
	t.Helper()
	hist := &historypb.History{}
	it := c.client.GetWorkflowHistory(context.Background(), id, runID, false, enums.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	for it.HasNext() {
		event, err := it.Next()
		if err != nil {
			t.Fatal(err)
		}
		hist.Events = append(hist.Events, event)
	}
	data, err := temporalproto.CustomJSONMarshalOptions{Indent: "  "}.Marshal(hist)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReplayCatchesAChangedMap: a Map's leaf that schedules another
// activity than recorded is non-determinism.
func TestReplayCatchesAChangedMap(t *testing.T) {
	other := gtemporal.NewReducer[Step, Square, int](MapStepMapWorkflowName, "Square",
		func(acc, _ int, s Square) int { return acc + s.Square }, func(a, b int) int { return a + b })
	r := worker.NewWorkflowReplayer()
	other.Register(r)
	err := r.ReplayWorkflowHistoryFromJSONFile(quiet(), historyPath("map-leaf-continued"))
	if err == nil || !strings.Contains(err.Error(), "nondeterministic") {
		t.Errorf("the replay of a leaf that runs Square returned %v; want a nondeterminism error", err)
	}
}
