//go:build !race

package runtime

import (
	"context"
	"testing"
)

// With no observer set, a task costs the allocations it cost before
// observers existed (measured on the commit before them, e5bb904, with the
// same functions), under a context that can never end and under one that
// can: the hook is a context lookup, and Map's record of its elements (for
// the *PendingError) lives in its own state up to 64 elements.
func TestNoObserverAddsNoAllocation(t *testing.T) {
	cctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make([]int, 64)
	for _, c := range []struct {
		name                 string
		ctx                  context.Context
		gather, all, mapOf64 float64
	}{
		{"context.Background", context.Background(), 5, 6, 69},
		{"a cancellable context", cctx, 6, 7, 69},
	} {
		ctx := c.ctx
		gather := testing.AllocsPerRun(1000, func() {
			if _, _, err := Gather2(ctx, GoWith(ctx, "a", 1, double), GoWith(ctx, "b", 2, double)); err != nil {
				t.Fatal(err)
			}
		})
		all := testing.AllocsPerRun(1000, func() {
			one := func(context.Context) (int, error) { return 1, nil }
			if _, err := All(ctx, Go(ctx, one), Go(ctx, one)); err != nil {
				t.Fatal(err)
			}
		})
		mapped := testing.AllocsPerRun(200, func() {
			if _, err := Map(ctx, in, double); err != nil {
				t.Fatal(err)
			}
		})
		if gather > c.gather || all > c.all || mapped > c.mapOf64 {
			t.Errorf("%s: Gather2 of GoWith %v, All of Go %v, Map of 64 %v allocations; want at most %v, %v, %v as before observers",
				c.name, gather, all, mapped, c.gather, c.all, c.mapOf64)
		}
	}
}
