package gtemporal

import (
	"fmt"
	"slices"
	"testing"

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
