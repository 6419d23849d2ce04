package runtime

import (
	"context"
	"errors"
	"testing"
)

// Tests of promises that must hold under every interleaving run their
// scenario stressRuns times, so that a promise broken once in a thousand
// runs fails them (run them under -race).
const stressRuns = 2000

var (
	errFirst = errors.New("A, first")
	errAfter = errors.New("B, after A")
	errStop  = errors.New("stopped by the caller")
)

// wantSlot fails t unless err is a *TaskError for slot i.
func wantSlot(t *testing.T, run int, err error, i int) {
	t.Helper()
	var te *TaskError
	if !errors.As(err, &te) || te.Index != i {
		t.Fatalf("run %d: err = %v; want the failure of task %d", run, err, i)
	}
}

// A failure that a task sees before it fails itself is the first failure:
// whatever lets B observe that A settled (Done, Await, a wait of its own) must
// not let B's report reach a gather before A's.
func TestFirstFailureInTimeWins(t *testing.T) {
	ctx := context.Background()
	observers := map[string]func(a *Future[int]){
		"Done":  func(a *Future[int]) { <-a.Done() },
		"Await": func(a *Future[int]) { a.Await(ctx) },
		"All":   func(a *Future[int]) { All(ctx, a) },
		"Race":  func(a *Future[int]) { Race(ctx, a) },
	}
	for name, observe := range observers {
		t.Run(name, func(t *testing.T) {
			for run := range stressRuns {
				pa := NewPromise[int]()
				a := pa.Future()
				b := Go(ctx, func(context.Context) (int, error) { observe(a); return 0, errAfter })
				go pa.Reject(errFirst)
				_, _, err := Gather2(ctx, a, b)
				wantSlot(t, run, err, 0)
				<-b.Done()
			}
		})
	}
	t.Run("All of Go tasks", func(t *testing.T) {
		for run := range stressRuns {
			a := Go(ctx, func(context.Context) (int, error) { return 0, errFirst })
			b := Go(ctx, func(context.Context) (int, error) { <-a.Done(); return 0, errAfter })
			_, err := All(ctx, a, b)
			wantSlot(t, run, err, 0)
			<-b.Done()
		}
	})
	t.Run("Race", func(t *testing.T) {
		for run := range stressRuns {
			pa := NewPromise[int]()
			a := pa.Future()
			b := Go(ctx, func(context.Context) (int, error) { <-a.Done(); return 2, nil })
			go pa.Resolve(1)
			if v, err := Race(ctx, a, b); v != 1 || err != nil {
				t.Fatalf("run %d: Race = %v, %v; want A's 1", run, v, err)
			}
			<-b.Done()
		}
	})
	t.Run("AsCompleted", func(t *testing.T) {
		for run := range stressRuns {
			pa := NewPromise[int]()
			a := pa.Future()
			b := Go(ctx, func(context.Context) (int, error) { <-a.Done(); return 2, nil })
			go pa.Resolve(1)
			for i := range AsCompleted(ctx, a, b) {
				if i != 0 {
					t.Fatalf("run %d: AsCompleted yielded B before A", run)
				}
				break
			}
			<-b.Done()
		}
	})
}
