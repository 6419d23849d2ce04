package gtemporal

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
	"pgregory.net/rapid"
)

// The Mappers and the Reducer of the tests. Their activities are
// registered by mapLab.
var (
	doubler    = NewMapper[int, int]("Double")
	meeter     = NewMapper[int, int]("Meet")
	holder     = NewMapper[int, string]("Hold")
	widener    = NewMapper[int, string]("Widen")
	nopMapper  = NewMapper[string, struct{}]("Nop")
	indexer    = NewReducer[int, int, sum]("DoubleSum", "Double", foldSum, combineSums)
	everyMapOf = []interface{ Register(worker.WorkflowRegistry) }{doubler, meeter, holder, widener, nopMapper, indexer, echoer, flakyMapper}
)

// sum is the accumulator of the tests' Reducer: the sum of the results,
// and the indices in the order folded and combined.
type sum struct {
	Total   int
	Indices []int
}

// foldSum adds out to acc.
func foldSum(acc sum, index int, out int) sum {
	return sum{Total: acc.Total + out, Indices: append(acc.Indices, index)}
}

// combineSums joins a and b, a first.
func combineSums(a, b sum) sum {
	return sum{Total: a.Total + b.Total, Indices: append(a.Indices, b.Indices...)}
}

// mapLab is a lab with the activities of the Map tests and the Map's child
// workflows registered.
type mapLab struct {
	*lab

	meetSize int           // Meet returns once meetSize calls of it wait
	meeting  []int         // the inputs of the calls of Meet waiting
	gate     chan struct{} // closed when a meeting is full
	meetings [][]int       // every full meeting, in order

	workflows map[string]int // the runs' workflow and run IDs that ran an activity
}

// newMapLab returns a mapLab whose Meet waits for meetSize calls, with
// gates gates.
func newMapLab(t *testing.T, meetSize, gates int) *mapLab {
	t.Helper()
	m := &mapLab{lab: newLab(t, gates), meetSize: meetSize, gate: make(chan struct{}), workflows: map[string]int{}}
	for name, fn := range map[string]any{
		"Double": m.double,
		"Meet":   m.meet,
		"Widen":  widen,
	} {
		m.env.RegisterActivityWithOptions(fn, activity.RegisterOptions{Name: name})
	}
	for _, r := range everyMapOf {
		r.Register(m.env)
	}
	return m
}

// double returns 2*i, or fails for a negative i, and notes the run that
// called it.
func (m *mapLab) double(ctx context.Context, i int) (int, error) {
	info := activity.GetInfo(ctx)
	m.mu.Lock()
	m.workflows[info.WorkflowExecution.ID+" "+info.WorkflowExecution.RunID]++
	m.mu.Unlock()
	if i < 0 {
		return 0, temporal.NewNonRetryableApplicationError(fmt.Sprint("negative ", i), "Refused", nil)
	}
	return 2 * i, nil
}

// meet waits until meetSize calls wait (its meeting), then returns i.
func (m *mapLab) meet(ctx context.Context, i int) (int, error) {
	m.mu.Lock()
	m.meeting = append(m.meeting, i)
	gate := m.gate
	if len(m.meeting) == m.meetSize {
		m.meetings = append(m.meetings, m.meeting)
		m.meeting = nil
		close(m.gate)
		m.gate = make(chan struct{})
	}
	m.mu.Unlock()
	select {
	case <-gate:
		return i, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// widen returns a string of i bytes.
func widen(_ context.Context, i int) (string, error) { return strings.Repeat("w", i), nil }

// doubles returns 2*i for each i of in: what a plain loop returns.
func doubles(in []int) []int {
	out := make([]int, len(in))
	for i, v := range in {
		out[i] = 2 * v
	}
	return out
}

// TestMapResultsInOrder: a Map of one leaf, of many, and of a tree of
// several levels returns the results in input order, whatever the order
// in which its children end.
func TestMapResultsInOrder(t *testing.T) {
	for _, c := range []struct {
		name string
		n    int
		o    MapOptions
	}{
		{"one leaf", 5, MapOptions{}},
		{"many leaves", 50, MapOptions{ChunkSize: 7, PerRun: 3, Window: 3}},
		{"a tree", 100, MapOptions{ChunkSize: 3, Fanout: 3, Window: 4, PerRun: 2}},
		{"a tree, window 1", 40, MapOptions{ChunkSize: 2, Fanout: 2, Window: 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := newMapLab(t, 0, 0)
			in := seq(c.n)
			got, err := run(t, l.lab, func(ctx workflow.Context) ([]int, error) {
				return doubler.Map(options(ctx), in, c.o)
			})
			if err != nil || !slices.Equal(got, doubles(in)) {
				t.Fatalf("got %v, %v; want %v", got, err, doubles(in))
			}
		})
	}
}

// TestMapOfNothing: a Map of no elements returns an empty slice at once
// and starts nothing.
func TestMapOfNothing(t *testing.T) {
	l := newMapLab(t, 0, 0)
	got, err := run(t, l.lab, func(ctx workflow.Context) ([]int, error) {
		out, err := doubler.Map(options(ctx), nil, MapOptions{})
		if out == nil {
			return nil, errors.New("Map returned a nil slice")
		}
		return out, err
	})
	if err != nil || len(got) != 0 || len(l.workflows) != 0 {
		t.Fatalf("got %v, %v, runs %v; want an empty slice and no run", got, err, l.workflows)
	}
}

// TestMapOfAnActivityWithoutResult: an activity that returns only an error
// maps to struct{} results.
func TestMapOfAnActivityWithoutResult(t *testing.T) {
	l := newMapLab(t, 0, 0)
	got, err := run(t, l.lab, func(ctx workflow.Context) (int, error) {
		out, err := nopMapper.Map(options(ctx), []string{"a", "b", "c"}, MapOptions{ChunkSize: 2})
		return len(out), err
	})
	if err != nil || got != 3 {
		t.Fatalf("got %d results, %v; want 3", got, err)
	}
}

// TestMapFailureNamesTheElement: the failure of one element, deep in a
// tree, reaches the caller's client as a TaskError of its index in the
// whole input and the activity's name, over the activity's own error.
func TestMapFailureNamesTheElement(t *testing.T) {
	const bad = 37
	l := newMapLab(t, 0, 0)
	in := seq(60)
	in[bad] = -1
	_, err := run(t, l.lab, func(ctx workflow.Context) ([]int, error) {
		return doubler.Map(options(ctx), in, MapOptions{ChunkSize: 4, Fanout: 2, Window: 3})
	})
	te, ok := AsTaskError(err)
	if !ok || te.Index != bad || te.Name != "Double" {
		t.Fatalf("AsTaskError(%v) = %v, %v; want element %d (Double)", err, te, ok, bad)
	}
	var activityErr *temporal.ActivityError
	var appErr *temporal.ApplicationError
	if !errors.As(te.Err, &activityErr) || !errors.As(te.Err, &appErr) || appErr.Type() != "Refused" {
		t.Errorf("the TaskError holds %v; want the activity's refusal", te.Err)
	}
}

// TestMapFailureInTheWorkflow: in the calling workflow, the error is a
// *TaskError of the element's index.
func TestMapFailureInTheWorkflow(t *testing.T) {
	l := newMapLab(t, 0, 0)
	got, err := run(t, l.lab, func(ctx workflow.Context) (string, error) {
		in := seq(12)
		in[9] = -9
		_, err := doubler.Map(options(ctx), in, MapOptions{ChunkSize: 2, Fanout: 2})
		var te *TaskError
		if !errors.As(err, &te) {
			return "", fmt.Errorf("Map returned %v, not a *TaskError", err)
		}
		return fmt.Sprint(te.Index, " ", te.Name), nil
	})
	if err != nil || got != "9 Double" {
		t.Fatalf("got %q, %v; want 9 Double", got, err)
	}
}

// TestMapChildIDs: the children's workflow IDs name the parent, the Map
// call of the run, and the range of elements; a branch's children extend
// the branch's ID.
func TestMapChildIDs(t *testing.T) {
	l := newMapLab(t, 0, 0)
	_, err := run(t, l.lab, func(ctx workflow.Context) ([]int, error) {
		ctx = options(ctx)
		if _, err := doubler.Map(ctx, seq(4), MapOptions{ChunkSize: 2}); err != nil {
			return nil, err
		}
		return doubler.Map(ctx, seq(4), MapOptions{ChunkSize: 1, Fanout: 2})
	})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for id := range l.workflows {
		ids = append(ids, strings.Fields(id)[0])
	}
	slices.Sort(ids)
	parent := "default-test-workflow-id"
	want := []string{
		parent + "/map0/0-1", parent + "/map0/2-3",
		parent + "/map1/0-1/0-0", parent + "/map1/0-1/1-1", parent + "/map1/2-3/2-2", parent + "/map1/2-3/3-3",
	}
	if !slices.Equal(ids, want) {
		t.Errorf("activities ran in %q; want %q", ids, want)
	}
}

// TestMapWindowAndPerRun: at most PerRun activities run at once in a leaf,
// and at most Window leaves at once in the whole Map, flat or as a tree.
// Meet holds each activity until Window*PerRun of them wait; each such
// meeting must hold at most PerRun elements of a chunk and elements of at
// most Window chunks.
func TestMapWindowAndPerRun(t *testing.T) {
	for _, c := range []struct {
		name string
		n    int
		o    MapOptions
	}{
		{"flat", 16, MapOptions{ChunkSize: 4, PerRun: 2, Window: 2}},
		{"a tree", 32, MapOptions{ChunkSize: 4, PerRun: 2, Window: 2, Fanout: 2}},
		{"a tree, wide window", 36, MapOptions{ChunkSize: 3, PerRun: 3, Window: 4, Fanout: 2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			size := c.o.Window * c.o.PerRun
			l := newMapLab(t, size, 0)
			in := seq(c.n)
			got, err := run(t, l.lab, func(ctx workflow.Context) ([]int, error) {
				return meeter.Map(options(ctx), in, c.o)
			})
			if err != nil || !slices.Equal(got, in) {
				t.Fatalf("got %v, %v; want %v", got, err, in)
			}
			if len(l.meetings) != c.n/size {
				t.Fatalf("meetings %v; want %d of %d", l.meetings, c.n/size, size)
			}
			for _, m := range l.meetings {
				perChunk := map[int]int{}
				for _, i := range m {
					perChunk[i/c.o.ChunkSize]++
				}
				if len(perChunk) > c.o.Window {
					t.Errorf("meeting %v: %d leaves at once; want at most %d", m, len(perChunk), c.o.Window)
				}
				for chunk, k := range perChunk {
					if k > c.o.PerRun {
						t.Errorf("meeting %v: %d activities of chunk %d at once; want at most %d", m, k, chunk, c.o.PerRun)
					}
				}
			}
		})
	}
}

// TestMapContinuesAsNew: a leaf past its HistoryBudget continues as new
// with the elements left and the results so far, which stay right.
func TestMapContinuesAsNew(t *testing.T) {
	l := newMapLab(t, 0, 0)
	in := seq(30)
	got, err := run(t, l.lab, func(ctx workflow.Context) ([]int, error) {
		return doubler.Map(options(ctx), in, MapOptions{ChunkSize: 15, PerRun: 2, HistoryBudget: 40})
	})
	if err != nil || !slices.Equal(got, doubles(in)) {
		t.Fatalf("got %v, %v; want %v", got, err, doubles(in))
	}
	if len(l.workflows) <= 2 {
		t.Errorf("the activities ran in the runs %v; want more runs than the 2 leaves", l.workflows)
	}
	for id, k := range l.workflows {
		if 3+6*k > 40 {
			t.Errorf("run %s ran %d activities; want at most 6 (3 events, and 6 per activity, within 40)", id, k)
		}
	}
}

// TestMapLeafHeedsItsHistory: a leaf run as the root workflow, whose
// history is near its budget or whose server suggests continuing as new,
// starts one activity (every run makes progress), drains it and continues
// as new.
func TestMapLeafHeedsItsHistory(t *testing.T) {
	for _, c := range []struct {
		name string
		set  func(l *mapLab)
	}{
		{"the server suggests it", func(l *mapLab) { l.env.SetContinueAsNewSuggested(true) }},
		{"the history is at 7,995 of 8,000 events", func(l *mapLab) { l.env.SetCurrentHistoryLength(7_995) }},
	} {
		l := newMapLab(t, 0, 0)
		c.set(l)
		l.env.ExecuteWorkflow(doubler.Name(), task[int, []int]{ID: "leaf", In: seq(5), Leaf: true, Window: 1,
			Options: MapOptions{}.resolve("t"), Activity: activityOptions{StartToCloseTimeout: time.Minute}})
		if err := l.env.GetWorkflowError(); !workflow.IsContinueAsNewError(err) {
			t.Errorf("%s: the leaf returned %v; want a continue-as-new", c.name, err)
		}
		ran := 0
		for _, k := range l.workflows {
			ran += k
		}
		if ran != 1 {
			t.Errorf("%s: the leaf ran %d activities; want 1", c.name, ran)
		}
	}
}

// TestMapCancelled: cancelling the caller's Map cancels its children and
// their running activities, starts nothing new, and returns the
// cancellation once the children have ended.
func TestMapCancelled(t *testing.T) {
	l := newMapLab(t, 0, 1)
	in := seq(40)
	for i := range in {
		in[i] += 10 // apart from the gate's 0
	}
	go l.openAfter(0, 10, 11, 12, 13) // the leaves 10-11 and 12-13 hold two each
	_, err := run(t, l.lab, func(ctx workflow.Context) (string, error) {
		mapCtx, cancel := workflow.WithCancel(ctx)
		var mapErr error
		returned := false
		workflow.Go(mapCtx, func(ctx workflow.Context) {
			_, mapErr = holder.Map(options(ctx), in, MapOptions{ChunkSize: 2, Window: 2})
			returned = true
		})
		if _, err := Execute[string](options(ctx), "Gate", 0).Get(ctx); err != nil {
			return "", err
		}
		cancel()
		if err := workflow.Await(ctx, func() bool { return returned }); err != nil {
			return "", err
		}
		return "", mapErr
	})
	if !temporal.IsCanceledError(err) {
		t.Fatalf("the workflow returned %v; want the Map's cancellation", err)
	}
	var seen []int
	for range 4 {
		seen = append(seen, <-l.cancelled)
	}
	slices.Sort(seen)
	if !slices.Equal(seen, []int{10, 11, 12, 13}) {
		t.Errorf("Hold saw the cancellation for %v; want [10 11 12 13]", seen)
	}
	for len(l.started) > 0 {
		if i := <-l.started; i >= 14 {
			t.Errorf("Hold %d started after the cancellation", i)
		}
	}
}

// TestMapOptionsOutOfRange: a negative option, or one over its maximum,
// panics naming the field; zero takes the default.
func TestMapOptionsOutOfRange(t *testing.T) {
	for _, c := range []struct {
		o    MapOptions
		want string
	}{
		{MapOptions{ChunkSize: -1}, "MapOptions.ChunkSize is -1, below 1"},
		{MapOptions{PerRun: -5}, "MapOptions.PerRun is -5, below 1"},
		{MapOptions{PerRun: 2001}, "MapOptions.PerRun is 2001, over its maximum of 2,000"},
		{MapOptions{Window: -1}, "MapOptions.Window is -1, below 1"},
		{MapOptions{Fanout: 1}, "MapOptions.Fanout is 1, below 2"},
		{MapOptions{Fanout: 1001}, "MapOptions.Fanout is 1001, over its maximum of 1,000"},
		{MapOptions{HistoryBudget: -1}, "MapOptions.HistoryBudget is -1, below 1"},
		{MapOptions{HistoryBudget: 10001}, "MapOptions.HistoryBudget is 10001, over its maximum of 10,000"},
	} {
		got := panicOf(func() { c.o.resolve("gtemporal.Mapper.Map") })
		if got != "gtemporal.Mapper.Map: "+c.want {
			t.Errorf("%+v panics with %q; want %q", c.o, got, c.want)
		}
	}
	want := MapOptions{ChunkSize: 1000, PerRun: 500, Window: 10, Fanout: 100, HistoryBudget: 8000}
	if got := (MapOptions{}).resolve("x"); got != want {
		t.Errorf("the defaults are %+v; want %+v", got, want)
	}
	if got := (MapOptions{PerRun: 2000, Fanout: 1000, HistoryBudget: 10000}).resolve("x"); got.PerRun != 2000 {
		t.Errorf("the maxima resolve to %+v", got)
	}
}

// TestMapPanicsInTheWorkflow: an option out of range panics in the
// calling workflow, before anything starts, naming the field.
func TestMapPanicsInTheWorkflow(t *testing.T) {
	l := newMapLab(t, 0, 0)
	_, err := run(t, l.lab, func(ctx workflow.Context) ([]int, error) {
		return doubler.Map(options(ctx), seq(3), MapOptions{PerRun: -1})
	})
	if err == nil || !strings.Contains(err.Error(), "gtemporal.Mapper.Map: MapOptions.PerRun is -1, below 1") {
		t.Fatalf("the workflow returned %v; want the panic naming PerRun", err)
	}
	if len(l.workflows) != 0 {
		t.Errorf("activities ran in %v", l.workflows)
	}
}

// TestNewMapperAndReducerMisuse: empty and dotted names, nil functions and
// registries panic naming the argument.
func TestNewMapperAndReducerMisuse(t *testing.T) {
	for _, c := range []struct {
		fn   func()
		want string
	}{
		{func() { NewMapper[int, int]("") }, "gtemporal.NewMapper: activity is empty"},
		{func() { NewMapper[int, int]("pkg.Double") }, `gtemporal.NewMapper: activity "pkg.Double" holds a dot`},
		{func() { NewReducer[int, int, sum]("", "Double", foldSum, combineSums) }, "gtemporal.NewReducer: name is empty"},
		{func() { NewReducer[int, int, sum]("S", "a.b", foldSum, combineSums) }, `gtemporal.NewReducer: activity "a.b" holds a dot`},
		{func() { NewReducer[int, int, sum]("S", "Double", nil, combineSums) }, "gtemporal.NewReducer: fold is nil"},
		{func() { NewReducer[int, int, sum]("S", "Double", foldSum, nil) }, "gtemporal.NewReducer: combine is nil"},
		{func() { doubler.Register(nil) }, "gtemporal.Mapper.Register: r is nil"},
		{func() { indexer.Register(nil) }, "gtemporal.Reducer.Register: reg is nil"},
		{func() { _, _ = doubler.Map(nil, nil, MapOptions{}) }, "gtemporal.Mapper.Map: ctx is nil"},
		{func() { _, _ = indexer.Reduce(nil, nil, MapOptions{}) }, "gtemporal.Reducer.Reduce: ctx is nil"},
	} {
		if got := panicOf(c.fn); !strings.HasPrefix(got, c.want) {
			t.Errorf("panic %q; want %q", got, c.want)
		}
	}
	if doubler.Name() != "DoubleMap" || indexer.Name() != "DoubleSum" {
		t.Errorf("names %q and %q; want DoubleMap and DoubleSum", doubler.Name(), indexer.Name())
	}
}

// TestMapWithoutTimeout: a ctx without an activity timeout fails the Map
// with ErrNoTimeout before anything starts.
func TestMapWithoutTimeout(t *testing.T) {
	l := newMapLab(t, 0, 0)
	_, err := run(t, l.lab, func(ctx workflow.Context) ([]int, error) {
		return doubler.Map(ctx, seq(3), MapOptions{})
	})
	if err == nil || !strings.Contains(err.Error(), "gtemporal: activity Double: "+ErrNoTimeout.Error()) {
		t.Fatalf("the workflow returned %v; want ErrNoTimeout naming Double", err)
	}
	if len(l.workflows) != 0 {
		t.Errorf("activities ran in %v", l.workflows)
	}
}

// echoer maps Echo over strings.
var echoer = NewMapper[string, string]("Echo")

// TestMapElementTooLarge: an element that alone cannot fit a child's
// input fails the Map before anything starts, naming its index and size.
func TestMapElementTooLarge(t *testing.T) {
	l := newMapLab(t, 0, 0)
	_, err := run(t, l.lab, func(ctx workflow.Context) ([]string, error) {
		return echoer.Map(options(ctx), []string{"a", "b", strings.Repeat("x", 1<<20), "c"}, MapOptions{})
	})
	want := "gtemporal: EchoMap: element 2 encodes to 1048580 bytes in a chunk of its own, " +
		"over the 1044480 bytes that one child's input may hold"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("the workflow returned %v; want %q", err, want)
	}
	if len(l.completed) != 0 {
		t.Errorf("%d activities ran", len(l.completed))
	}
}

// TestMapChunksCutBySize: elements of 300 KB each are cut three to a
// chunk, whatever ChunkSize, and every result arrives.
func TestMapChunksCutBySize(t *testing.T) {
	l := newMapLab(t, 0, 0)
	in := make([]string, 7)
	for i := range in {
		in[i] = strings.Repeat(fmt.Sprint(i), 300_000)
	}
	got, err := run(t, l.lab, func(ctx workflow.Context) ([]string, error) {
		return echoer.Map(options(ctx), in, MapOptions{})
	})
	if err != nil || !slices.Equal(got, in) {
		t.Fatalf("got %d results, %v; want the 7 elements", len(got), err)
	}
	chunks, err := echoer.plan.chunks(in, 0, 1000)
	if err != nil || len(chunks) != 3 || chunks[0].hi != 3 || chunks[1].hi != 6 {
		t.Errorf("chunks %+v, %v; want [0,3) [3,6) [6,7)", chunks, err)
	}
}

// TestMapInputTooLargeForATree: an input whose parts cannot each fit a
// child's input under Fanout fails before anything starts.
func TestMapInputTooLargeForATree(t *testing.T) {
	l := newMapLab(t, 0, 0)
	in := make([]string, 5)
	for i := range in {
		in[i] = strings.Repeat("y", 600_000)
	}
	_, err := run(t, l.lab, func(ctx workflow.Context) ([]string, error) {
		return echoer.Map(options(ctx), in, MapOptions{Fanout: 2})
	})
	want := "more than 2 children of at most 1044480 bytes each can carry"
	if err == nil || !strings.Contains(err.Error(), "gtemporal: EchoMap: elements 0 to 4 encode to 300") ||
		!strings.Contains(err.Error(), want) {
		t.Fatalf("the workflow returned %v; want %q", err, want)
	}
	if len(l.completed) != 0 {
		t.Errorf("%d activities ran", len(l.completed))
	}
}

// TestMapResultsTooLarge: a child whose results encode to more than 1.5
// MiB fails with a non-retryable error of type MapResultTooLargeType that
// says what to do, which reaches the caller inside the SDK's
// *temporal.ChildWorkflowExecutionError: a leaf's results, a branch's
// combined results, and what a leaf carries when it continues as new.
func TestMapResultsTooLarge(t *testing.T) {
	for _, c := range []struct {
		name string
		n    int // elements of each width
		wide int
		o    MapOptions
		want string // a pattern of the error
	}{
		{"a leaf's results", 10, 200_000, MapOptions{},
			"gtemporal: WidenMap: the results of elements 0 to 9 encode to 2000031 bytes, over 1572864: " +
				"use a smaller ChunkSize, or a Reducer"},
		{"a branch's results", 6, 600_000, MapOptions{ChunkSize: 1, Fanout: 2},
			"gtemporal: WidenMap: the results of elements (0 to 2|3 to 5) encode to "},
		{"a leaf's carry", 10, 400_000, MapOptions{ChunkSize: 10, PerRun: 1, HistoryBudget: 40},
			"gtemporal: WidenMap: the results so far and the elements left of elements 0 to 9 encode to "},
	} {
		l := newMapLab(t, 0, 0)
		in := make([]int, c.n)
		for i := range in {
			in[i] = c.wide
		}
		_, err := run(t, l.lab, func(ctx workflow.Context) ([]string, error) {
			return widener.Map(options(ctx), in, c.o)
		})
		var app *temporal.ApplicationError
		if !errors.As(err, &app) || app.Type() != MapResultTooLargeType || !app.NonRetryable() {
			t.Fatalf("%s: the workflow returned %v; want a non-retryable %s", c.name, err, MapResultTooLargeType)
		}
		if !regexp.MustCompile(c.want).MatchString(app.Error()) {
			t.Errorf("%s: the error says %q; want %q", c.name, app.Error(), c.want)
		}
		if cwe := new(temporal.ChildWorkflowExecutionError); !errors.As(err, &cwe) {
			t.Errorf("%s: %v holds no *temporal.ChildWorkflowExecutionError", c.name, err)
		}
	}
}

// TestReduce: each leaf folds its results in index order and the branches
// and the caller combine the folds in input order, through a tree and
// across continue-as-new.
func TestReduce(t *testing.T) {
	for _, o := range []MapOptions{
		{},
		{ChunkSize: 3, Fanout: 2, Window: 3, PerRun: 2},
		{ChunkSize: 10, PerRun: 2, HistoryBudget: 40},
	} {
		l := newMapLab(t, 0, 0)
		in := seq(40)
		got, err := run(t, l.lab, func(ctx workflow.Context) (sum, error) {
			return indexer.Reduce(options(ctx), in, o)
		})
		if err != nil || got.Total != 2*39*40/2 || !slices.Equal(got.Indices, in) {
			t.Errorf("options %+v: got %+v, %v; want the total %d and the indices in order", o, got, err, 39*40)
		}
	}
	l := newMapLab(t, 0, 0)
	got, err := run(t, l.lab, func(ctx workflow.Context) (sum, error) {
		return indexer.Reduce(options(ctx), nil, MapOptions{})
	})
	if err != nil || got.Total != 0 || got.Indices != nil {
		t.Errorf("Reduce of nothing: %+v, %v; want the zero sum", got, err)
	}
}

// flakyMapper maps Flaky, which fails the first attempt for each input.
var flakyMapper = NewMapper[string, string]("Flaky")

// TestMapCarriesTheActivityOptions: the retry policy of the caller's
// activity options reaches the leaves' activities: Flaky succeeds on its
// second attempt under MaximumAttempts 2, and fails under 1.
func TestMapCarriesTheActivityOptions(t *testing.T) {
	for _, attempts := range []int32{1, 2} {
		l := newMapLab(t, 0, 0)
		got, err := run(t, l.lab, func(ctx workflow.Context) ([]string, error) {
			ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
				StartToCloseTimeout: time.Minute,
				RetryPolicy:         &temporal.RetryPolicy{InitialInterval: time.Millisecond, MaximumAttempts: attempts},
			})
			return flakyMapper.Map(ctx, []string{"a", "b", "c"}, MapOptions{ChunkSize: 2})
		})
		if attempts == 2 && (err != nil || !slices.Equal(got, []string{"a", "b", "c"})) {
			t.Errorf("MaximumAttempts 2: got %q, %v; want [a b c] after a retry each", got, err)
		}
		if te, ok := AsTaskError(err); attempts == 1 && (!ok || te.Name != "Flaky") {
			t.Errorf("MaximumAttempts 1: error %v; want a TaskError of Flaky", err)
		}
	}
}

// TestMapChunksAtTheLimit: a chunk whose slice encodes to exactly what a
// child's input may hold stays whole, and one a byte larger is cut, both
// when its size elements are encoded as one slice and when the chunk
// before was cut and they are filled one by one. An element that cannot
// fit alone right after a cut fails the Map with its index.
func TestMapChunksAtTheLimit(t *testing.T) {
	limit := maxInputBytes - taskOverhead
	big := strings.Repeat("x", limit-4) // ["x…"] fills a chunk alone
	for _, c := range []struct {
		name string
		in   []string
		want [][2]int
	}{
		// ["a…","b…"]: 2 brackets, 4 quotes and a comma beside the letters.
		{"at the limit", []string{strings.Repeat("a", limit-7-1), "b"}, [][2]int{{0, 2}}},
		{"a byte over", []string{strings.Repeat("a", limit-7), "b"}, [][2]int{{0, 1}, {1, 2}}},
		{"at the limit after a cut", []string{big, strings.Repeat("a", limit-7-1), "b"}, [][2]int{{0, 1}, {1, 3}}},
		{"a byte over after a cut", []string{big, strings.Repeat("a", limit-7), "b"},
			[][2]int{{0, 1}, {1, 2}, {2, 3}}},
	} {
		chunks, err := echoer.plan.chunks(c.in, 0, 2)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got [][2]int
		for _, ch := range chunks {
			got = append(got, [2]int{ch.lo, ch.hi})
			if n, _ := encodedSize(c.in[ch.lo:ch.hi]); n != ch.bytes || n > limit {
				t.Errorf("%s: chunk [%d,%d) encodes to %d bytes; it says %d, and at most %d fit",
					c.name, ch.lo, ch.hi, n, ch.bytes, limit)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: chunks %v; want %v", c.name, got, c.want)
		}
	}
	_, err := echoer.plan.chunks([]string{big, "c", big + "x"}, 10, 2)
	want := "gtemporal: EchoMap: element 12 encodes to "
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("an element too large after a cut: %v; want %q…", err, want)
	}
}

// TestPropertyMapChunks: over elements of random sizes, small and large,
// the chunks cover the input in order, each of at most size elements and
// under a child's input bound, and a chunk ends short of size only where
// the next element would not have fitted.
func TestPropertyMapChunks(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		sizes := rapid.SliceOfN(rapid.OneOf(
			rapid.SampledFrom([]int{1, 10, 100_000, 300_000, 500_000}),
			rapid.IntRange(0, maxInputBytes-taskOverhead-4), // up to one that fills a chunk alone
		), 1, 24).Draw(rt, "sizes")
		size := rapid.IntRange(1, 8).Draw(rt, "size")
		in := make([]string, len(sizes))
		for i, n := range sizes {
			in[i] = strings.Repeat("x", n)
		}
		chunks, err := echoer.plan.chunks(in, 0, size)
		if err != nil {
			rt.Fatal(err)
		}
		lo := 0
		for _, c := range chunks {
			if c.lo != lo || c.hi <= c.lo || c.hi-c.lo > size {
				rt.Fatalf("chunk [%d,%d) after %d, of at most %d elements", c.lo, c.hi, lo, size)
			}
			if n, _ := encodedSize(in[c.lo:c.hi]); n+taskOverhead > maxInputBytes || n != c.bytes {
				rt.Fatalf("chunk [%d,%d) encodes to %d bytes, over the bound or not its %d", c.lo, c.hi, n, c.bytes)
			}
			if c.hi-c.lo < size && c.hi < len(in) {
				if n, _ := encodedSize(in[c.lo : c.hi+1]); n+taskOverhead <= maxInputBytes {
					rt.Fatalf("chunk [%d,%d) ends short, but element %d fits in it", c.lo, c.hi, c.hi)
				}
			}
			lo = c.hi
		}
		if lo != len(in) {
			rt.Fatalf("the chunks end at %d of %d elements", lo, len(in))
		}
	})
}
