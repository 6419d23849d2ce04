package ctxparam

import (
	"context"
	"errors"
	"testing"
)

// TestLateContext checks that the task's context reaches a context.Context
// parameter that is not first: a cancelled context fails the call, and
// cancelling the future ends a function that waits on it.
func TestLateContext(t *testing.T) {
	ctx := context.Background()
	if n, err := LateAsync(ctx, 21).Await(ctx); n != 42 || err != nil {
		t.Fatalf("LateAsync = %d, %v", n, err)
	}
	done, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := LateAsync(done, 21).Await(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("LateAsync under a cancelled context: %v", err)
	}
	s := &Store{Name: "x"}
	f := s.BetweenAsync(ctx, "a", true)
	f.Cancel()
	if _, err := f.Await(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("BetweenAsync cancelled: %v", err)
	}
	n, name, err := s.Both(ctx, 1, "b", false)
	if n != 2 || name != "bx" || err != nil {
		t.Fatalf("Both = %d, %q, %v", n, name, err)
	}
	if _, err := UnnamedAsync(ctx, 1).Await(ctx); err != nil {
		t.Fatal(err)
	}
}
