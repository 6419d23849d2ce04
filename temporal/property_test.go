package gtemporal

import (
	"fmt"
	"slices"
	"testing"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
	"pgregory.net/rapid"
)

// TestPropertyOrder: for any order in which the activities complete, All
// returns the results in argument order and AsCompleted yields them in the
// order of completion.
func TestPropertyOrder(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(1, 8).Draw(rt, "n")
		order := rapid.Permutation(seq(n)).Draw(rt, "completion order")
		asCompleted := rapid.Bool().Draw(rt, "AsCompleted")
		l := newLab(t, n)
		go l.release(order)
		l.env.ExecuteWorkflow(func(ctx workflow.Context) ([]int, error) {
			ctx = options(ctx)
			fs := gateAll(ctx, n)
			if !asCompleted {
				values, err := All(ctx, fs...)
				for i, v := range values {
					if v != fmt.Sprint("v", i) {
						return nil, fmt.Errorf("slot %d holds %q", i, v)
					}
				}
				return order, err
			}
			var seen []int
			for i, r := range AsCompleted(ctx, fs...) {
				if r.Err != nil || r.Value != fmt.Sprint("v", i) {
					return nil, fmt.Errorf("slot %d: %+v", i, r)
				}
				seen = append(seen, i)
			}
			return seen, nil
		})
		var got []int
		if err := l.env.GetWorkflowResult(&got); err != nil {
			rt.Fatal(err)
		}
		if !slices.Equal(got, order) {
			rt.Fatalf("yielded %v; want the completion order %v", got, order)
		}
	})
}

// seq returns 0..n-1.
func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// release lets the gates return in the given order, each once the
// environment completed the one before, once all have started.
func (l *lab) release(order []int) {
	for range order {
		<-l.started
	}
	for _, i := range order {
		l.gates[i] <- fmt.Sprint("v", i)
		<-l.completed
	}
}

// TestPropertyAsCompletedWithCancels: whichever inputs are cancelled
// before the loop and whichever during it, AsCompleted yields every input
// exactly once, the cancelled ones with their cancellation and the others
// with their value, even though the SDK settles a cancelled activity again
// after Cancel has settled it.
func TestPropertyAsCompletedWithCancels(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(1, 8).Draw(rt, "n")
		held := rapid.SliceOfN(rapid.Bool(), n, n).Draw(rt, "held")   // Hold, or Echo
		early := rapid.SliceOfN(rapid.Bool(), n, n).Draw(rt, "early") // a Hold cancelled before the loop
		if !slices.Contains(held, false) {
			early[0] = true // something must settle for the loop to start
		}
		l := newLab(t, 0)
		l.env.ExecuteWorkflow(func(ctx workflow.Context) (string, error) {
			ctx = options(ctx)
			fs := make([]*Future[string], n)
			for i := range fs {
				if held[i] {
					fs[i] = Execute[string](ctx, "Hold", i)
				} else {
					fs[i] = Execute[string](ctx, "Echo", fmt.Sprint("v", i))
				}
			}
			for i, f := range fs {
				if held[i] && early[i] {
					f.Cancel()
				}
			}
			seen := make([]int, n)
			first := true
			for i, r := range AsCompleted(ctx, fs...) {
				seen[i]++
				if held[i] && !temporal.IsCanceledError(r.Err) {
					return "", fmt.Errorf("held slot %d: %+v; want its cancellation", i, r)
				}
				if !held[i] && (r.Err != nil || r.Value != fmt.Sprint("v", i)) {
					return "", fmt.Errorf("slot %d: %+v", i, r)
				}
				if first { // cancel the rest of the held inputs
					first = false
					for j, f := range fs {
						if held[j] {
							f.Cancel()
						}
					}
				}
			}
			for i, times := range seen {
				if times != 1 {
					return "", fmt.Errorf("slot %d yielded %d times", i, times)
				}
			}
			return "", nil
		})
		if !l.env.IsWorkflowCompleted() {
			rt.Fatal("the workflow did not complete")
		}
		if err := l.env.GetWorkflowError(); err != nil {
			rt.Fatal(err)
		}
	})
}

// TestPropertyMap: for any input size, chunk size, fanout, window, limit
// per run and history budget, a Map returns what a plain loop returns, or,
// when one element fails, a TaskError of that element's index. A budget of
// 1 makes every leaf's run start one activity and continue as new.
func TestPropertyMap(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(0, 30).Draw(rt, "n")
		o := MapOptions{
			ChunkSize:     rapid.IntRange(1, 6).Draw(rt, "ChunkSize"),
			Fanout:        rapid.IntRange(2, 4).Draw(rt, "Fanout"),
			Window:        rapid.IntRange(1, 4).Draw(rt, "Window"),
			PerRun:        rapid.IntRange(1, 4).Draw(rt, "PerRun"),
			HistoryBudget: rapid.SampledFrom([]int{0, 1, 30, 60}).Draw(rt, "HistoryBudget"),
		}
		bad := rapid.IntRange(-1, n-1).Draw(rt, "failing index (-1: none)")
		if bad >= 0 {
			// The SDK's test environment dereferences nil when a failure
			// cancels a child between two of its runs (its
			// RequestCancelExternalWorkflow finds no cancel handler): a
			// failure among leaves that continue as new is tested on the
			// dev server instead.
			o.HistoryBudget = 0
		}
		in := seq(n)
		if bad >= 0 {
			in[bad] = -1
		}
		l := newMapLab(t, 0, 0)
		got, err := run(t, l.lab, func(ctx workflow.Context) ([]int, error) {
			return doubler.Map(options(ctx), in, o)
		})
		if bad < 0 {
			if err != nil || !slices.Equal(got, doubles(in)) {
				rt.Fatalf("got %v, %v; want %v", got, err, doubles(in))
			}
			return
		}
		if te, ok := AsTaskError(err); !ok || te.Index != bad || te.Name != "Double" {
			rt.Fatalf("error %v; want a TaskError of element %d (Double)", err, bad)
		}
	})
}
