//go:build !race

package runtime

import (
	"context"
	"testing"
)

// A scope costs a fixed number of allocations, whatever it holds: its
// context (the scope, a cancelCtx and its cancel function), the list of
// its tasks, and the channel its wait may block on; its tasks cost what they cost under any cancellable
// context (TestNoObserverAddsNoAllocation), so that a task started outside
// every scope pays nothing for scopes.
func TestScopeAllocations(t *testing.T) {
	ctx := context.Background()
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
	// TestNoObserverAddsNoAllocation); the scope: its struct, its
	// cancelCtx and the cancel function, the task list, and the done
	// channel when the wait blocks.
	if allocs > 6+5 {
		t.Fatalf("Scope around Gather2 of GoWith: %v allocations; want at most 11", allocs)
	}
}
