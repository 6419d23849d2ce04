//go:build !race

package runtime

import (
	"context"
	"testing"
)

// A scope costs a fixed number of allocations, whatever it holds: its
// context (the scope, a cancelCtx and its cancel function, and the Done
// channel of the cancelCtx once a wait asks for it), and, when it may
// have to name its tasks (its ctx can end, or Held is set), the list of
// them. Its tasks cost what they cost under any cancellable context
// (TestNoObserverAddsNoAllocation), so that a task started outside every
// scope pays nothing for scopes.
func TestScopeAllocations(t *testing.T) {
	cctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for _, c := range []struct {
		name string
		ctx  context.Context
		want float64
	}{
		{"context.Background", context.Background(), 6 + 4},
		{"a cancellable context", cctx, 6 + 5},
	} {
		ctx := c.ctx
		allocs := testing.AllocsPerRun(1000, func() {
			err := Scope(ctx, func(ctx context.Context) error {
				_, _, err := Gather2(ctx, GoWith(ctx, "a", 1, double), GoWith(ctx, "b", 2, double))
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		})
		// Gather2 of GoWith under a cancellable context: 6 (see
		// TestNoObserverAddsNoAllocation); the scope: 4, and 5 with the
		// list of its tasks.
		if allocs > c.want {
			t.Errorf("%s: Scope around Gather2 of GoWith: %v allocations; want at most %v", c.name, allocs, c.want)
		}
	}
}
