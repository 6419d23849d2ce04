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
