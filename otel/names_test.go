package gotel_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/gathergen/gathergen/runtime"
)

// The calls of MapNamed and StreamNamed get spans named after their name.
func TestNamedMapAndStreamCallsNameTheirSpans(t *testing.T) {
	rec, ctx, root := setup(t)
	double := func(_ context.Context, x int) (int, error) { return 2 * x, nil }
	if _, err := runtime.MapNamed(ctx, "Pricing.Quote", []int{1, 2, 3}, double); err != nil {
		t.Fatal(err)
	}
	for _, err := range runtime.StreamNamed(ctx, "Catalog.Item", slices.Values([]int{1, 2}), 2, double) {
		if err != nil {
			t.Fatal(err)
		}
	}
	root.End()
	if m, s := len(byName(rec, "Pricing.Quote")), len(byName(rec, "Catalog.Item")); m != 3 || s != 2 {
		t.Fatalf("%d spans named Pricing.Quote and %d Catalog.Item; want 3 and 2 (ended: %v)", m, s, names(rec))
	}
}

// failingStart is an Observer that panics in TaskStart.
type failingStart struct{}

func (failingStart) TaskStart(context.Context, runtime.Task) context.Context {
	panic("observer failed")
}

func (failingStart) TaskEnd(context.Context, runtime.Task, runtime.Outcome) {}

// An observer set inside the tracing one that panics in TaskStart does not
// leave the task's span open: it ends, failed with the panic.
func TestSpanEndsWhenAnInnerObserverPanics(t *testing.T) {
	rec, ctx, root := setup(t)
	ctx = runtime.WithObserver(ctx, failingStart{})
	_, err := runtime.GoNamed(ctx, "Fetch", func(context.Context) (int, error) { return 1, nil }).Await(ctx)
	root.End()
	var pe *runtime.PanicError
	if !errors.As(err, &pe) {
		t.Fatalf("Await = %v; want a *PanicError", err)
	}
	if s := only(t, rec, "Fetch"); s.Status().Description != "task panicked: observer failed" {
		t.Fatalf("status %+v; want the observer's panic", s.Status())
	}
}
