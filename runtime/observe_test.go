package runtime

import (
	"context"
	"errors"
	goruntime "runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// recorder is an Observer that records what it sees, and gives each task a
// context with its own mark, so that tests can check what the task received.
type recorder struct {
	mark   string
	mu     sync.Mutex
	starts []Task
	ends   []ended
	log    *[]string // shared by nested recorders: the order of calls
}

type ended struct {
	task    Task
	outcome Outcome
	marked  bool // TaskEnd's ctx was the one TaskStart returned
}

type markKey struct{ mark string }

func newRecorder(mark string, log *[]string) *recorder { return &recorder{mark: mark, log: log} }

func (r *recorder) TaskStart(ctx context.Context, t Task) context.Context {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.starts = append(r.starts, t)
	if r.log != nil {
		*r.log = append(*r.log, r.mark+" start "+t.Name)
	}
	return context.WithValue(ctx, markKey{r.mark}, "seen "+t.Name)
}

func (r *recorder) TaskEnd(ctx context.Context, t Task, o Outcome) {
	r.mu.Lock()
	defer r.mu.Unlock()
	mark, _ := ctx.Value(markKey{r.mark}).(string)
	r.ends = append(r.ends, ended{t, o, mark == "seen "+t.Name && o.Started})
	if r.log != nil {
		*r.log = append(*r.log, r.mark+" end "+t.Name)
	}
}

// end returns what TaskEnd saw of the task named name.
func (r *recorder) end(t *testing.T, name string) ended {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, e := range r.ends {
		if e.task.Name == name {
			return e
		}
	}
	t.Fatalf("no TaskEnd for %q; ends: %+v", name, r.ends)
	return ended{}
}

// marked reports whether ctx carries the mark that r gave the task name.
func marked(ctx context.Context, r *recorder, name string) bool {
	got, _ := ctx.Value(markKey{r.mark}).(string)
	return got == "seen "+name
}

func TestObserverSeesEveryKindOfTask(t *testing.T) {
	r := newRecorder("r", nil)
	ctx := WithObserver(context.Background(), r)
	check := func(ctx context.Context, name string) error {
		if !marked(ctx, r, name) {
			return errors.New(name + ": not run under its observer's context")
		}
		return nil
	}
	panicked := GoNamed(ctx, "panics", func(context.Context) (int, error) { panic(errBoom) })
	futures := []*Future[int]{
		Go(ctx, func(ctx context.Context) (int, error) { return 1, check(ctx, "") }),
		GoNamed(ctx, "named", func(ctx context.Context) (int, error) { return 2, check(ctx, "named") }),
		GoWith(ctx, "with", 3, func(ctx context.Context, n int) (int, error) { return n, check(ctx, "with") }),
		GoWith2(ctx, "with2", 2, 2, func(ctx context.Context, a, b int) (int, error) { return a + b, check(ctx, "with2") }),
		GoNamed(ctx, "fails", func(context.Context) (int, error) { return 0, errBoom }),
	}
	for i, f := range futures {
		v, err := f.Await(ctx)
		if want := i + 1; i < 4 && (v != want || err != nil) {
			t.Fatalf("%q = %v, %v; want %d", f.Name(), v, err, want)
		}
	}
	_, perr := panicked.Await(ctx)
	// TaskEnd returns before the future settles: every end is there.
	for i, name := range []string{"named", "with", "with2"} {
		e := r.end(t, name)
		if !e.outcome.Started || e.outcome.Value != i+2 || e.outcome.Err != nil || !e.marked || e.outcome.Duration <= 0 {
			t.Errorf("%q: %+v; want a start, value %d, a duration and its own context", name, e, i+2)
		}
	}
	if e := r.end(t, "fails"); e.outcome.Err != errBoom || e.outcome.Value != nil {
		t.Errorf("fails: %+v; want errBoom and no value", e.outcome)
	}
	var pe *PanicError
	if e := r.end(t, "panics"); !errors.As(e.outcome.Err, &pe) || e.outcome.Err != perr || !strings.Contains(string(pe.Stack), "TestObserverSeesEveryKindOfTask") {
		t.Errorf("panics: %+v; want the future's own *PanicError (%v), with the task's stack", e.outcome, perr)
	}

	// Map's calls, limited or not, are tasks with their element's index.
	for _, mctx := range []context.Context{ctx, WithLimit(ctx, 2)} {
		r.mu.Lock()
		r.starts, r.ends = nil, nil
		r.mu.Unlock()
		out, err := Map(mctx, []int{10, 20, 30}, func(ctx context.Context, x int) (int, error) {
			return x + 1, check(ctx, "")
		})
		if err != nil || !slices.Equal(out, []int{11, 21, 31}) {
			t.Fatalf("Map = %v, %v", out, err)
		}
		var slots []int
		for _, e := range r.ends {
			if !e.outcome.Started || e.outcome.Value != 10*(e.task.Slot+1)+1 || !e.marked {
				t.Errorf("Map call %+v; want its value and its own context", e)
			}
			slots = append(slots, e.task.Slot)
		}
		slices.Sort(slots)
		if !slices.Equal(slots, []int{0, 1, 2}) || len(r.starts) != 3 {
			t.Fatalf("Map: %d starts, ends at slots %v; want 3 and 0, 1, 2", len(r.starts), slots)
		}
	}
}

// Stream's calls, limited or not, are tasks with their element's index,
// each run under its observer's context, and each ended before the stream
// yields its result.
func TestObserverSeesStreamCalls(t *testing.T) {
	r := newRecorder("r", nil)
	ctx := WithObserver(context.Background(), r)
	for _, sctx := range []context.Context{ctx, WithLimit(ctx, 2)} {
		r.mu.Lock()
		r.starts, r.ends = nil, nil
		r.mu.Unlock()
		var out []int
		for v, err := range Stream(sctx, slices.Values([]int{10, 20, 30}), 2, func(ctx context.Context, x int) (int, error) {
			if !marked(ctx, r, "") {
				return 0, errors.New("a call not run under its observer's context")
			}
			return x + 1, nil
		}) {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, v)
		}
		if !slices.Equal(out, []int{11, 21, 31}) {
			t.Fatalf("Stream = %v; want 11, 21, 31", out)
		}
		r.mu.Lock()
		ends, starts := slices.Clone(r.ends), len(r.starts)
		r.mu.Unlock()
		var slots []int
		for _, e := range ends {
			if !e.outcome.Started || e.outcome.Value != 10*(e.task.Slot+1)+1 || !e.marked {
				t.Errorf("Stream call %+v; want its value and its own context", e)
			}
			slots = append(slots, e.task.Slot)
		}
		slices.Sort(slots)
		if !slices.Equal(slots, []int{0, 1, 2}) || starts != 3 {
			t.Fatalf("Stream: %d starts, ends at slots %v; want 3 and 0, 1, 2", starts, slots)
		}
	}
}

// A task's TaskEnd has returned when a wait gets the task's result, and
// knows the task's slot in the gather once the gather waits for it.
func TestObserverEndsBeforeTheWaitSeesTheResult(t *testing.T) {
	for range 200 {
		r := newRecorder("r", nil)
		ctx := WithObserver(context.Background(), r)
		release := make(chan struct{})
		a := GoNamed(ctx, "a", func(context.Context) (int, error) { <-release; return 1, nil })
		b := GoNamed(ctx, "b", func(context.Context) (int, error) { <-release; return 2, nil })
		done := make(chan error, 1)
		go func() { _, _, err := Gather2(ctx, b, a); done <- err }()
		for a.knownSlot() == -1 || b.knownSlot() == -1 {
			goruntime.Gosched() // until the gather has subscribed
		}
		close(release)
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		r.mu.Lock()
		n := len(r.ends)
		r.mu.Unlock()
		if n != 2 {
			t.Fatalf("%d TaskEnd calls when the gather returned; want 2", n)
		}
		if ea, eb := r.end(t, "a"), r.end(t, "b"); ea.task.Slot != 1 || eb.task.Slot != 0 {
			t.Fatalf("slots a=%d b=%d; want 1 and 0", ea.task.Slot, eb.task.Slot)
		}
	}
}

func TestObserverSeesTasksThatNeverStarted(t *testing.T) {
	r := newRecorder("r", nil)
	octx := WithObserver(context.Background(), r)

	// Cancelled while it waited for a slot.
	lctx := WithLimit(octx, 1)
	hold := make(chan struct{})
	holder := GoNamed(lctx, "holder", func(context.Context) (int, error) { <-hold; return 0, nil })
	queued := GoNamed(lctx, "queued", func(context.Context) (int, error) { t.Error("queued task ran"); return 0, nil })
	queued.Cancel()
	close(hold)
	if _, err := holder.Await(octx); err != nil {
		t.Fatal(err)
	}
	// Its context done before its turn, with a cause.
	stop := errors.New("stop")
	dctx, cancel := context.WithCancelCause(octx)
	cancel(stop)
	late := GoNamed(dctx, "late", func(context.Context) (int, error) { t.Error("late task ran"); return 0, nil })
	if _, err := late.Await(octx); err != stop {
		t.Fatalf("late = %v; want %v", err, stop)
	}
	// The queued task reports its end when the limiter reaches it, which
	// is once the holder's slot is free; a task after it in the queue
	// runs after that.
	after := GoNamed(lctx, "after", func(context.Context) (int, error) { return 0, nil })
	if _, err := after.Await(octx); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]error{"queued": context.Canceled, "late": stop} {
		e := r.end(t, name)
		if e.outcome.Started || e.outcome.Err != want || e.outcome.Duration != 0 {
			t.Errorf("%s: %+v; want not started, with %v", name, e.outcome, want)
		}
		for _, s := range r.starts {
			if s.Name == name {
				t.Errorf("%s: TaskStart was called", name)
			}
		}
	}
}

// Two observers, one set under the other: the outer starts first and ends
// last, each TaskEnd gets its own TaskStart's context, the inner starts
// under the outer's, and a sub-task started with the task's context is
// observed by both.
func TestObserversNest(t *testing.T) {
	var log []string
	outer, inner := newRecorder("outer", &log), newRecorder("inner", &log)
	ctx := WithObserver(WithObserver(context.Background(), outer), inner)
	var sawBoth bool
	f := GoNamed(ctx, "parent", func(ctx context.Context) (int, error) {
		sawBoth = marked(ctx, outer, "parent") && marked(ctx, inner, "parent")
		return GoNamed(ctx, "child", func(context.Context) (int, error) { return 1, nil }).Await(ctx)
	})
	if _, err := f.Await(ctx); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"outer start parent", "inner start parent",
		"outer start child", "inner start child", "inner end child", "outer end child",
		"inner end parent", "outer end parent",
	}
	if !slices.Equal(log, want) {
		t.Fatalf("calls:\n%s\nwant:\n%s", strings.Join(log, "\n"), strings.Join(want, "\n"))
	}
	if !sawBoth {
		t.Error("the task's context lacks one observer's values")
	}
	for _, r := range []*recorder{outer, inner} {
		for _, name := range []string{"parent", "child"} {
			if e := r.end(t, name); !e.marked {
				t.Errorf("%s's TaskEnd of %s did not get its own TaskStart's context", r.mark, name)
			}
		}
	}
	// A task that never started reaches both with the context it was
	// started under.
	done, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := GoNamed(done, "never", func(context.Context) (int, error) { return 0, nil }).Await(ctx); err != context.Canceled {
		t.Fatalf("never = %v", err)
	}
	if o, i := outer.end(t, "never"), inner.end(t, "never"); o.outcome.Started || i.outcome.Started {
		t.Fatalf("never: %+v, %+v; want not started", o, i)
	}
}

// A task that calls runtime.Goexit reports it, as its future does.
func TestObserverSeesGoexit(t *testing.T) {
	r := newRecorder("r", nil)
	ctx := WithObserver(context.Background(), r)
	f := GoNamed(ctx, "exits", func(context.Context) (int, error) { goruntime.Goexit(); return 0, nil })
	if _, err := f.Await(ctx); err != errGoexit {
		t.Fatalf("Await = %v; want errGoexit", err)
	}
	if e := r.end(t, "exits"); e.outcome.Err != errGoexit {
		t.Fatalf("TaskEnd: %+v; want errGoexit", e.outcome)
	}
}

// An observer whose TaskStart returns nil leaves the task its own context.
type nilStart struct{ ends chan Outcome }

func (nilStart) TaskStart(context.Context, Task) context.Context { return nil }
func (n nilStart) TaskEnd(_ context.Context, _ Task, o Outcome)  { n.ends <- o }

func TestObserverReturningNilContext(t *testing.T) {
	o := nilStart{make(chan Outcome, 1)}
	ctx := WithObserver(context.Background(), o)
	v, err := Go(ctx, func(ctx context.Context) (int, error) { return 5, ctx.Err() }).Await(ctx)
	if v != 5 || err != nil {
		t.Fatalf("Await = %v, %v", v, err)
	}
	if got := <-o.ends; got.Value != 5 {
		t.Fatalf("TaskEnd: %+v", got)
	}
}

func TestWithObserverMisuse(t *testing.T) {
	for _, c := range []struct {
		name string
		call func()
		want string
	}{
		{"nil ctx", func() { WithObserver(nil, ProfileLabels{}) }, "runtime.WithObserver: ctx is nil"}, //nolint:staticcheck // on purpose
		{"nil observer", func() { WithObserver(context.Background(), nil) }, "runtime.WithObserver: o is nil"},
	} {
		func() {
			defer func() {
				if got := recover(); got != c.want {
					t.Errorf("%s: panic %v; want %q", c.name, got, c.want)
				}
			}()
			c.call()
		}()
	}
}
