//go:build !race

package runtime

import (
	"context"
	"testing"
)

// A scope costs a fixed number of allocations, whatever it holds: its
// context (the scope, a cancelCtx and its cancel function), and, when its
// ctx can end (or Held is set), the Done channel of the cancelCtx once a
// wait asks for it and the list of its tasks. Its tasks cost what they
// cost under any cancellable context (TestNoObserverAddsNoAllocation), so
// that a task started outside every scope pays nothing for scopes; a
// gather in the body of a scope whose ctx cannot end costs one fewer: the
// scope wakes it, with no channel.
func TestScopeAllocations(t *testing.T) {
	cctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for _, c := range []struct {
		name string
		ctx  context.Context
		want float64
	}{
		{"context.Background", context.Background(), 5 + 3},
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
		// TestNoObserverAddsNoAllocation), and 5 when the scope wakes it;
		// the scope: 3, and 5 with the Done channel and the list of its
		// tasks.
		if allocs > c.want {
			t.Errorf("%s: Scope around Gather2 of GoWith: %v allocations; want at most %v", c.name, allocs, c.want)
		}
	}
}
