//go:build !race

package runtime

import (
	"context"
	"testing"
)

// The race detector allocates on its own account, so allocation counts are
// checked only without it.

func TestGoWithTakesTwoAllocations(t *testing.T) {
	ctx := context.Background()
	allocs := testing.AllocsPerRun(1000, func() {
		f := GoWith(ctx, "double", 21, double)
		if v, err := f.Await(ctx); v != 42 || err != nil {
			t.Fatalf("Await = %v, %v", v, err)
		}
	})
	// One for the future with its argument, one for the goroutine's start;
	// Await of a pending future may add the Done channel and its holder.
	if allocs > 4 {
		t.Fatalf("GoWith + Await: %v allocations; want at most 4", allocs)
	}
	gathered := testing.AllocsPerRun(1000, func() {
		a, b, err := Gather2(ctx, GoWith(ctx, "a", 1, double), GoWith(ctx, "b", 2, double))
		if a != 2 || b != 4 || err != nil {
			t.Fatalf("Gather2 = %v, %v, %v", a, b, err)
		}
	})
	if gathered > 5 {
		t.Fatalf("Gather2 of two GoWith tasks: %v allocations; want at most 5 (two per task, one for the gather)", gathered)
	}
}

func TestGoWith2TakesTwoAllocations(t *testing.T) {
	ctx := context.Background()
	allocs := testing.AllocsPerRun(1000, func() {
		a, b, err := Gather2(ctx, GoWith2(ctx, "a", 1, 2, add), GoWith2(ctx, "b", 3, 4, add))
		if a != 3 || b != 7 || err != nil {
			t.Fatalf("Gather2 = %v, %v, %v", a, b, err)
		}
	})
	if allocs > 5 {
		t.Fatalf("Gather2 of two GoWith2 tasks: %v allocations; want at most 5 (two per task, one for the gather)", allocs)
	}
}

func add(_ context.Context, a, b int) (int, error) { return a + b, nil }

func TestMapTakesOneAllocationPerElement(t *testing.T) {
	ctx := context.Background()
	in := make([]int, 64)
	allocs := testing.AllocsPerRun(200, func() {
		if _, err := Map(ctx, in, double); err != nil {
			t.Fatal(err)
		}
	})
	// One per element for its goroutine's start; a few for the call: the
	// state, the output, the done channel and the calls' context.
	if allocs > float64(len(in))+8 {
		t.Fatalf("Map of %d elements: %v allocations; want at most %d", len(in), allocs, len(in)+8)
	}
}
