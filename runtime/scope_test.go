package runtime

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
)

var errBody = errors.New("the body failed")

// scopeDone runs Scope(ctx, body) in a goroutine of its own and returns a
// channel that receives its error.
func scopeDone(ctx context.Context, body func(context.Context) error) <-chan error {
	out := make(chan error, 1)
	go func() { out <- Scope(ctx, body) }()
	return out
}

// notYet fails t when ch is ready: the scope returned while a task of it
// still had to run.
func notYet(t *testing.T, ch <-chan error, what string) {
	t.Helper()
	select {
	case err := <-ch:
		t.Fatalf("Scope returned (%v) while %s", err, what)
	default:
	}
}

// A task that nobody awaits, still running when the body returns nil, holds
// the scope until it returns, and is not cancelled.
func TestScopeWaitsForTasksNobodyAwaits(t *testing.T) {
	bodyDone, release := make(chan struct{}), make(chan struct{})
	var finished atomic.Bool
	var cancelled atomic.Bool
	out := scopeDone(context.Background(), func(ctx context.Context) error {
		defer close(bodyDone)
		Go(ctx, func(ctx context.Context) (int, error) { //gathervet:ignore the scope waits for it
			<-bodyDone
			<-release
			cancelled.Store(ctx.Err() != nil)
			finished.Store(true)
			return 0, nil
		})
		return nil
	})
	<-bodyDone
	notYet(t, out, "a task ran")
	close(release)
	if err := <-out; err != nil {
		t.Fatalf("Scope = %v; want nil", err)
	}
	if !finished.Load() {
		t.Fatal("Scope returned before its task did")
	}
	if cancelled.Load() {
		t.Fatal("a body that returned nil cancelled its tasks")
	}
}

// Sub-tasks started under a task's own context, and never awaited, belong
// to the scope too.
func TestScopeWaitsForSubTasks(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{})
	var finished atomic.Bool
	out := scopeDone(context.Background(), func(ctx context.Context) error {
		_, err := Go(ctx, func(ctx context.Context) (int, error) {
			GoNamed(ctx, "grandchild", func(context.Context) (int, error) { //gathervet:ignore the scope waits for it
				close(started)
				<-release
				finished.Store(true)
				return 1, nil
			})
			<-started // a task's context ends when it returns: a sub-task not yet started would not start
			return 0, nil
		}).Await(ctx)
		return err
	})
	<-started
	notYet(t, out, "a sub-task ran")
	close(release)
	if err := <-out; err != nil || !finished.Load() {
		t.Fatalf("Scope = %v, sub-task finished %v; want nil, true", err, finished.Load())
	}
}

// A body's error cancels the scope's context with that error as the cause,
// and Scope returns it once every task has returned.
func TestScopeBodyErrorCancelsAndWaits(t *testing.T) {
	var cause atomic.Value
	var running atomic.Int64
	started := make(chan struct{}, 3)
	err := Scope(context.Background(), func(ctx context.Context) error {
		for range 3 {
			GoWith(ctx, "watcher", 0, func(ctx context.Context, _ int) (int, error) { //gathervet:ignore the scope waits for it
				running.Add(1)
				defer running.Add(-1)
				started <- struct{}{}
				<-ctx.Done()
				cause.Store(context.Cause(ctx))
				return 0, ctx.Err()
			})
		}
		for range 3 {
			<-started
		}
		return errBody
	})
	if err != errBody {
		t.Fatalf("Scope = %v; want the body's error", err)
	}
	if n := running.Load(); n != 0 {
		t.Fatalf("%d tasks still running when Scope returned", n)
	}
	if got := cause.Load(); got != errBody {
		t.Fatalf("the tasks' context.Cause = %v; want the body's error", got)
	}
}

// A failure, or a panic, of a task that nobody awaits neither cancels the
// scope nor is returned; the panic settles the task's future, never
// crashing the process.
func TestScopeIgnoresFailuresNobodyAwaits(t *testing.T) {
	var failing, panicking *Future[int]
	var otherCancelled atomic.Bool
	err := Scope(context.Background(), func(ctx context.Context) error {
		failing = Go(ctx, func(context.Context) (int, error) { return 0, errBody })
		panicking = Go(ctx, func(context.Context) (int, error) { panic("boom") })
		<-failing.Done()
		<-panicking.Done()
		Go(ctx, func(ctx context.Context) (int, error) { //gathervet:ignore the scope waits for it
			otherCancelled.Store(ctx.Err() != nil)
			return 0, nil
		})
		return nil
	})
	if err != nil {
		t.Fatalf("Scope = %v; want nil", err)
	}
	if otherCancelled.Load() {
		t.Fatal("a task's failure cancelled the scope")
	}
	var pe *PanicError
	if _, err := panicking.Await(context.Background()); !errors.As(err, &pe) || pe.Value != "boom" {
		t.Fatalf("the panicking task's future: %v; want a *PanicError", err)
	}
}

// A panic in the body cancels the scope's context (its cause a
// *PanicError), waits for every task, and panics again with the same value.
func TestScopeBodyPanicCancelsWaitsAndRepanics(t *testing.T) {
	var running atomic.Int64
	var cause atomic.Value
	defer func() {
		if r := recover(); r != "body boom" {
			t.Fatalf("recovered %v; want the body's panic value", r)
		}
		if n := running.Load(); n != 0 {
			t.Fatalf("%d tasks running when the panic left Scope", n)
		}
		var pe *PanicError
		if err, _ := cause.Load().(error); !errors.As(err, &pe) || pe.Value != "body boom" {
			t.Fatalf("the tasks' cause = %v; want a *PanicError of the body's panic", cause.Load())
		}
	}()
	Scope(context.Background(), func(ctx context.Context) error {
		started := make(chan struct{})
		Go(ctx, func(ctx context.Context) (int, error) { //gathervet:ignore the scope waits for it
			running.Add(1)
			defer running.Add(-1)
			close(started)
			<-ctx.Done()
			cause.Store(context.Cause(ctx))
			return 0, nil
		})
		<-started
		panic("body boom")
	})
	t.Fatal("Scope returned after its body panicked")
}

// runtime.Goexit in the body cancels the scope's context, waits for every
// task, and goes on exiting the goroutine.
func TestScopeBodyGoexitCancelsAndWaits(t *testing.T) {
	var running atomic.Int64
	var cause atomic.Value
	var after atomic.Bool
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		Scope(context.Background(), func(ctx context.Context) error {
			started := make(chan struct{})
			Go(ctx, func(ctx context.Context) (int, error) { //gathervet:ignore the scope waits for it
				running.Add(1)
				defer running.Add(-1)
				close(started)
				<-ctx.Done()
				cause.Store(context.Cause(ctx))
				return 0, nil
			})
			<-started
			runtime.Goexit()
			return nil
		})
		after.Store(true)
	}()
	<-exited
	if after.Load() {
		t.Fatal("the goroutine went on after Scope when its body called runtime.Goexit")
	}
	if n := running.Load(); n != 0 {
		t.Fatalf("%d tasks running when Goexit left Scope", n)
	}
	if got := cause.Load(); got != errScopeExited {
		t.Fatalf("the tasks' cause = %v; want errScopeExited", got)
	}
}

// When the caller's ctx ends while the scope waits for tasks, the tasks are
// cancelled, the wait goes on until they return, and Scope returns a
// *PendingError that names those still running when the wait saw the end
// and unwraps to the cause. Here the tasks return only once Held, called
// after that, releases them.
func TestScopeCallerContextEndsWhileWaiting(t *testing.T) {
	errCaller := errors.New("the caller gave up")
	ctx, cancel := context.WithCancelCause(context.Background())
	var running atomic.Int64
	started, release := make(chan struct{}, 2), make(chan struct{})
	out := make(chan error, 1)
	opts := ScopeOptions{Held: func(*PendingError) { close(release) }}
	go func() {
		out <- ScopeWith(ctx, opts, func(ctx context.Context) error {
			if _, err := Go(ctx, func(context.Context) (int, error) { return 0, nil }).Await(ctx); err != nil {
				return err
			}
			for _, name := range []string{"A", "B"} {
				GoNamed(ctx, name, func(ctx context.Context) (int, error) { //gathervet:ignore the scope waits for it
					running.Add(1)
					defer running.Add(-1)
					started <- struct{}{}
					<-ctx.Done()
					<-release
					return 0, ctx.Err()
				})
			}
			return nil
		})
	}()
	<-started
	<-started
	cancel(errCaller)
	err := <-out
	if n := running.Load(); n != 0 {
		t.Fatalf("%d tasks running when Scope returned", n)
	}
	var pe *PendingError
	if !errors.As(err, &pe) || !errors.Is(err, errCaller) {
		t.Fatalf("Scope = %v; want a *PendingError of the caller's cause", err)
	}
	want := []PendingTask{{Index: 1, Name: "A"}, {Index: 2, Name: "B"}}
	if pe.Count != 2 || !slices.Equal(pe.Tasks, want) {
		t.Fatalf("PendingError names %v (count %d); want %v", pe.Tasks, pe.Count, want)
	}
}

// A task that returns as the caller's ctx ends, before the wait can name
// it, still makes the error a *PendingError: the context ended before the
// last task returned.
func TestScopeCallerContextEndsAsTheLastTaskReturns(t *testing.T) {
	for run := range stressRuns {
		ctx, cancel := context.WithCancel(context.Background())
		bodyDone := make(chan struct{})
		err := Scope(ctx, func(ctx context.Context) error {
			defer close(bodyDone)
			started := make(chan struct{})
			Go(ctx, func(ctx context.Context) (int, error) { //gathervet:ignore the scope waits for it
				close(started)
				<-bodyDone
				<-ctx.Done()
				return 0, ctx.Err()
			})
			<-started
			cancel()
			return nil
		})
		if !errors.As(err, new(*PendingError)) || !errors.Is(err, context.Canceled) {
			t.Fatalf("run %d: Scope = %v; want a *PendingError of context.Canceled", run, err)
		}
	}
}

// A body that returns nil after every task returned gets nil, even when
// the caller's ctx ends afterwards.
func TestScopeCallerContextEndsAfterTheTasks(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	err := Scope(ctx, func(ctx context.Context) error {
		_, err := Go(ctx, func(context.Context) (int, error) { return 1, nil }).Await(ctx)
		cancel()
		return err
	})
	if err != nil {
		t.Fatalf("Scope = %v; want nil: no task was running when ctx ended", err)
	}
}

// ScopeWith calls Held, Grace after the scope's context ended, with the
// tasks that hold the scope: here one that ignores its context.
func TestScopeWithReportsTheTasksThatHoldIt(t *testing.T) {
	release := make(chan struct{})
	var held *PendingError
	calls := 0
	err := ScopeWith(context.Background(), ScopeOptions{Held: func(e *PendingError) {
		held = e
		calls++
		close(release)
	}}, func(ctx context.Context) error {
		started := make(chan struct{}, 2)                // a task cancelled before it starts never runs
		Go(ctx, func(ctx context.Context) (int, error) { //gathervet:ignore the scope waits for it
			started <- struct{}{}
			<-ctx.Done()
			return 0, nil
		})
		GoNamed(ctx, "stubborn", func(context.Context) (int, error) { //gathervet:ignore the scope waits for it
			started <- struct{}{}
			<-release
			return 0, nil
		})
		<-started
		<-started
		return errBody
	})
	if err != errBody {
		t.Fatalf("ScopeWith = %v; want the body's error", err)
	}
	if calls != 1 {
		t.Fatalf("Held called %d times; want once", calls)
	}
	// The first task may or may not have returned by then; the stubborn one
	// had not.
	if !errors.Is(held, errBody) || !slices.Contains(held.Tasks, PendingTask{Index: 1, Name: "stubborn"}) {
		t.Fatalf("Held got %v; want it to name task 1 (stubborn) and unwrap to the body's error", held)
	}
	if held.Count < len(held.Tasks) || held.Count > 2 {
		t.Fatalf("Held's Count = %d with %d tasks listed; want one or two, at least those listed", held.Count, len(held.Tasks))
	}
}

// Held is not called when the tasks return within the grace period, nor
// when the scope's context never ends.
func TestScopeWithDoesNotReportTasksThatReturn(t *testing.T) {
	report := ScopeOptions{Grace: 1 << 40, Held: func(e *PendingError) { t.Errorf("Held(%v)", e) }}
	err := ScopeWith(context.Background(), report, func(ctx context.Context) error {
		Go(ctx, func(ctx context.Context) (int, error) { <-ctx.Done(); return 0, nil }) //gathervet:ignore the scope waits for it
		return errBody
	})
	if err != errBody {
		t.Fatalf("ScopeWith = %v; want the body's error", err)
	}
	report.Grace = 0
	err = ScopeWith(context.Background(), report, func(ctx context.Context) error {
		Go(ctx, func(ctx context.Context) (int, error) { return 0, nil }) //gathervet:ignore the scope waits for it
		return nil
	})
	if err != nil {
		t.Fatalf("ScopeWith = %v; want nil", err)
	}
}

// Held's list is capped at ten, in start order, and its count covers every
// task and every call of Map; tasks that returned are pruned from the
// scope's list as it grows.
func TestScopeHeldListIsCappedAndCountsMapCalls(t *testing.T) {
	release := make(chan struct{})
	var held *PendingError
	opts := ScopeOptions{Held: func(e *PendingError) { held = e; close(release) }}
	ScopeWith(context.Background(), opts, func(ctx context.Context) error {
		for range 200 { // returned tasks, pruned
			if _, err := Go(ctx, func(context.Context) (int, error) { return 0, nil }).Await(ctx); err != nil {
				return err
			}
		}
		sc := scopeOf(ctx)
		sc.mu.Lock()
		kept := len(sc.tasks)
		sc.mu.Unlock()
		if kept > 128 {
			t.Errorf("the scope holds %d entries after 200 tasks returned; want them pruned", kept)
		}
		stuck := make(chan struct{}, 12)
		for range 12 {
			GoNamed(ctx, "stuck", func(context.Context) (int, error) { //gathervet:ignore the scope waits for it
				stuck <- struct{}{}
				<-release
				return 0, nil
			})
		}
		for range 12 { // a task cancelled before it starts never runs
			<-stuck
		}
		mapped := make(chan struct{})
		go Map(ctx, []int{0, 1}, func(_ context.Context, i int) (int, error) {
			if i == 0 {
				close(mapped)
				<-release
				return 0, nil
			}
			<-mapped
			return 0, errBody // Map fails fast; call 0 goes on
		})
		<-mapped
		return errBody
	})
	if held == nil || len(held.Tasks) != maxPendingListed || held.Count < 13 {
		t.Fatalf("Held got %v; want ten tasks listed of at least 13 (12 stuck, one call of Map)", held)
	}
	// A task that was awaited may not have left its goroutine yet: it is
	// listed, in order, before the stuck ones.
	for i, pt := range held.Tasks {
		stuck := pt.Name == "stuck" && pt.Index >= 200 && pt.Index < 212
		if !stuck && (pt.Name != "" || pt.Index >= 200) || i > 0 && pt.Index <= held.Tasks[i-1].Index {
			t.Fatalf("Held got %v; want the tasks in start order, stuck ones from index 200", held)
		}
	}
}

// The calls of Map and Stream, and the tasks waiting for a slot of
// WithLimit, belong to the scope: a Map or Stream that fails fast returns at
// once, and the scope waits for its cancelled calls.
func TestScopeWaitsForMapStreamAndLimitedCalls(t *testing.T) {
	for name, run := range map[string]func(ctx context.Context, fn func(context.Context, int) (int, error)) error{
		"Map": func(ctx context.Context, fn func(context.Context, int) (int, error)) error {
			_, err := Map(ctx, []int{0, 1, 2, 3}, fn)
			return err
		},
		"Map limited": func(ctx context.Context, fn func(context.Context, int) (int, error)) error {
			_, err := Map(WithLimit(ctx, 2), []int{0, 1, 2, 3}, fn)
			return err
		},
		"Stream": func(ctx context.Context, fn func(context.Context, int) (int, error)) error {
			for _, err := range Stream(ctx, slices.Values([]int{0, 1, 2, 3}), 4, fn) {
				if err != nil {
					return err
				}
			}
			return nil
		},
		"Stream limited": func(ctx context.Context, fn func(context.Context, int) (int, error)) error {
			for _, err := range Stream(WithLimit(ctx, 2), slices.Values([]int{0, 1, 2, 3}), 4, fn) {
				if err != nil {
					return err
				}
			}
			return nil
		},
		"Go limited": func(ctx context.Context, fn func(context.Context, int) (int, error)) error {
			lctx := WithLimit(ctx, 2)
			var fs []*Future[int]
			for i := range 4 {
				fs = append(fs, GoWith(lctx, "", i, fn))
			}
			_, err := All(ctx, fs...)
			return err
		},
	} {
		t.Run(name, func(t *testing.T) {
			var running atomic.Int64
			ran := make(chan struct{})
			err := Scope(context.Background(), func(ctx context.Context) error {
				return run(ctx, func(ctx context.Context, i int) (int, error) {
					running.Add(1)
					defer running.Add(-1)
					if i == 0 {
						close(ran)
						<-ctx.Done()
						for range 100 { // slow to return
							runtime.Gosched()
						}
						return 0, nil
					}
					<-ran
					return 0, errBody
				})
			})
			if !errors.Is(err, errBody) {
				t.Fatalf("Scope = %v; want the failure", err)
			}
			if n := running.Load(); n != 0 {
				t.Fatalf("%d calls running when Scope returned", n)
			}
		})
	}
}

// A scope inside a task of another scope ends before that task does, and a
// task started under a scope's context after Scope returned never runs.
func TestScopeNestsAndEndsItsContext(t *testing.T) {
	var leaked context.Context
	var inner atomic.Int64
	err := Scope(context.Background(), func(ctx context.Context) error {
		_, err := Go(ctx, func(ctx context.Context) (int, error) {
			return 0, Scope(ctx, func(ctx context.Context) error {
				leaked = ctx
				inner.Add(1)
				Go(ctx, func(context.Context) (int, error) { inner.Add(-1); return 0, nil }) //gathervet:ignore the scope waits for it
				return nil
			})
		}).Await(ctx)
		return err
	})
	if err != nil || inner.Load() != 0 {
		t.Fatalf("Scope = %v with %d inner tasks running; want nil, 0", err, inner.Load())
	}
	if leaked.Err() == nil {
		t.Fatal("the scope's context is live after Scope returned")
	}
	var called atomic.Bool
	_, err = Go(leaked, func(context.Context) (int, error) { called.Store(true); return 0, nil }).Await(context.Background())
	if !errors.Is(err, context.Canceled) || called.Load() {
		t.Fatalf("a task started after its scope ended: err %v, called %v; want context.Canceled, false", err, called.Load())
	}
}

func TestScopeRejectsNilArguments(t *testing.T) {
	body := func(context.Context) error { return nil }
	wantPanic(t, "runtime.Scope: ctx is nil", func() { Scope(nil, body) }) //nolint:staticcheck // the nil is the test
	wantPanic(t, "runtime.Scope: body is nil", func() { Scope(context.Background(), nil) })
}

// wantPanic fails t unless f panics with want.
func wantPanic(t *testing.T, want string, f func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != want {
			t.Errorf("panic %v; want %q", r, want)
		}
	}()
	f()
}
