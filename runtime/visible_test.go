package runtime

import (
	"context"
	"errors"
	"testing"
)

// visibleRuns is how many rounds each visibility test plays.
const visibleRuns = 3000

// wantVisiblySettled fails t unless every future in fs has settled for
// every observer: its Done is closed and Await with a done ctx returns its
// result, not the ctx's error.
func wantVisiblySettled(t *testing.T, run int, what string, fs ...*Future[int]) {
	t.Helper()
	done, cancel := context.WithCancel(context.Background())
	cancel()
	for i, f := range fs {
		select {
		case <-f.Done():
		default:
			t.Fatalf("run %d: %s returned with input %d's Done still open", run, what, i)
		}
		if _, err := f.Await(done); errors.Is(err, context.Canceled) && !errors.Is(f.err(), context.Canceled) {
			t.Fatalf("run %d: %s returned; input %d's Await gives the ctx's error", run, what, i)
		}
	}
}

// resolvedConcurrently returns n promises' futures, each resolved with its
// index by a goroutine of its own.
func resolvedConcurrently(n int) []*Future[int] {
	fs := make([]*Future[int], n)
	for i := range fs {
		p := NewPromise[int]()
		fs[i] = p.Future()
		go p.Resolve(i)
	}
	return fs
}

// A wait returns only once the inputs whose outcome it returns have settled
// for everyone.
func TestWaitReturnsOnlyVisiblySettledInputs(t *testing.T) {
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	const n = 8
	waits := map[string]func(t *testing.T, fs []*Future[int]) []*Future[int]{
		"All": func(t *testing.T, fs []*Future[int]) []*Future[int] {
			if _, err := All(ctx, fs...); err != nil {
				t.Fatal(err)
			}
			return fs
		},
		"Gather2": func(t *testing.T, fs []*Future[int]) []*Future[int] {
			if _, _, err := Gather2(context.Background(), fs[0], fs[1]); err != nil {
				t.Fatal(err)
			}
			return fs[:2]
		},
		"AllSettled": func(t *testing.T, fs []*Future[int]) []*Future[int] {
			AllSettled(ctx, fs...)
			return fs
		},
		"Settle2": func(t *testing.T, fs []*Future[int]) []*Future[int] {
			Settle2(ctx, fs[0], fs[1])
			return fs[:2]
		},
		"Race": func(t *testing.T, fs []*Future[int]) []*Future[int] {
			v, err := Race(ctx, fs...)
			if err != nil {
				t.Fatal(err)
			}
			return fs[v : v+1]
		},
		"Any": func(t *testing.T, fs []*Future[int]) []*Future[int] {
			v, err := Any(ctx, fs...)
			if err != nil {
				t.Fatal(err)
			}
			return fs[v : v+1]
		},
		"AsCompleted": func(t *testing.T, fs []*Future[int]) []*Future[int] {
			for i := range AsCompleted(ctx, fs...) {
				select {
				case <-fs[i].Done():
				default:
					t.Fatalf("AsCompleted yielded input %d with its Done still open", i)
				}
			}
			return fs
		},
	}
	for name, wait := range waits {
		t.Run(name, func(t *testing.T) {
			for run := range visibleRuns {
				fs := resolvedConcurrently(n)
				wantVisiblySettled(t, run, name, wait(t, fs)...)
			}
		})
	}
}

// Cancel returns only once the future has settled for everyone, even when
// another settle of it is under way.
func TestCancelReturnsOnceSettled(t *testing.T) {
	for run := range 10 * visibleRuns {
		p := NewPromise[int]()
		f := p.Future()
		f.Done()      // so that the settle has a channel to close
		for range 4 { // and waiters to tell
			subscribeEach(context.Background(), waitSettled, 1, func(int) *core { return &f.core })
		}
		go p.Resolve(1)
		f.Cancel()
		wantVisiblySettled(t, run, "Cancel", f)
	}
}

// A wait that its ctx ends leaves every input settled for everyone, even
// those that a limiter's queue releases at the same time.
func TestEndedWaitLeavesLimitedInputsSettled(t *testing.T) {
	cause := errors.New("the caller gave up")
	waits := map[string]func(ctx context.Context, fs []*Future[int]){
		"All":        func(ctx context.Context, fs []*Future[int]) { All(ctx, fs...) },
		"AllSettled": func(ctx context.Context, fs []*Future[int]) { AllSettled(ctx, fs...) },
		"Race":       func(ctx context.Context, fs []*Future[int]) { Race(ctx, fs...) },
		"AsCompleted": func(ctx context.Context, fs []*Future[int]) {
			for range AsCompleted(ctx, fs...) {
			}
		},
	}
	for name, wait := range waits {
		t.Run(name, func(t *testing.T) {
			for run := range 100 {
				ctx, cancel := context.WithCancelCause(context.Background())
				lctx := WithLimit(ctx, 2)
				fs := make([]*Future[int], 300)
				for i := range fs {
					fs[i] = Go(lctx, func(ctx context.Context) (int, error) {
						<-ctx.Done()
						return 0, ctx.Err()
					})
				}
				go cancel(cause)
				wait(lctx, fs)
				wantVisiblySettled(t, run, name, fs...)
			}
		})
	}
}
