package runtime

import (
	"context"
	"errors"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"
)

// MapNamed's and StreamNamed's name reaches the *TaskError of a failed
// call, the entries of a *PendingError, observers and profile labels.
func TestMapAndStreamNameTheirCalls(t *testing.T) {
	const name = "Pricing.Quote"
	r := newRecorder("r", nil)
	ctx := WithObserver(WithObserver(context.Background(), r), ProfileLabels{})
	call := func(ctx context.Context, x int) (int, error) {
		if label, _ := pprof.Label(ctx, TaskLabel); label != name {
			return 0, errors.New("unlabelled: " + label)
		}
		if x == 1 {
			return 0, errBoom
		}
		return x, nil
	}
	checkFailure := func(what string, err error) {
		t.Helper()
		var te *TaskError
		if !errors.As(err, &te) || te.Index != 1 || te.Name != name || !errors.Is(err, errBoom) {
			t.Fatalf("%s = %v; want a *TaskError of element 1 named %s", what, err, name)
		}
		if want := "task 1 (" + name + "): "; !strings.HasPrefix(err.Error(), want) {
			t.Fatalf("%s's message %q; want it to begin with %q", what, err, want)
		}
	}

	_, err := MapNamed(ctx, name, []int{0, 1}, call)
	checkFailure("MapNamed", err)
	var last error
	for _, err := range StreamNamed(ctx, name, slices.Values([]int{0, 1}), 2, call) {
		last = err
	}
	checkFailure("StreamNamed", last)

	r.mu.Lock()
	for _, e := range r.ends {
		if e.task.Name != name || e.task.Slot < 0 || e.task.Slot > 1 {
			t.Errorf("the observer saw %+v; want a task named %s, its slot 0 or 1", e.task, name)
		}
	}
	if len(r.ends) < 2 { // element 0's calls may not be made once 1 failed
		t.Errorf("%d TaskEnd calls; want at least the failed calls'", len(r.ends))
	}
	r.mu.Unlock()

	// The pending elements of a MapNamed that ctx ends, before and after it
	// started, are named.
	done, cancel := context.WithCancelCause(ctx)
	cancel(errStop)
	_, err = MapNamed(done, name, []int{0, 1}, call)
	checkPending := func(what string, err error, least int) {
		t.Helper()
		var pe *PendingError
		if !errors.As(err, &pe) || pe.Count < least || !errors.Is(err, errStop) {
			t.Fatalf("%s = %v; want a *PendingError of at least %d elements", what, err, least)
		}
		for _, task := range pe.Tasks {
			if task.Name != name {
				t.Fatalf("%s lists %+v; want it named %s", what, task, name)
			}
		}
	}
	checkPending("MapNamed under a done ctx", err, 2)
	live, end := context.WithCancelCause(ctx)
	_, err = MapNamed(live, name, []int{0, 1, 2}, func(ctx context.Context, x int) (int, error) {
		if x == 0 {
			return 0, nil
		}
		if x == 2 {
			end(errStop)
		}
		<-ctx.Done()
		return 0, ctx.Err()
	})
	checkPending("MapNamed that ctx ends", err, 2) // 1 and 2, and 0 unless it succeeded first
}

func TestMapNamedAndStreamNamedMisuseNameThemselves(t *testing.T) {
	fn := func(context.Context, int) (int, error) { return 0, nil }
	cases := map[string]func(){
		"runtime.MapNamed: fn is nil": func() { MapNamed[int, int](context.Background(), "F", nil, nil) },
		"runtime.StreamNamed: window is 0, want at least 1": func() {
			StreamNamed(context.Background(), "F", slices.Values([]int{1}), 0, fn)
		},
	}
	for want, call := range cases {
		func() {
			defer func() {
				if got := recover(); got != want {
					t.Errorf("panic %v; want %q", got, want)
				}
			}()
			call()
		}()
	}
}
