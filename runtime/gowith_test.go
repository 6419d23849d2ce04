package runtime

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
)

// TestGoWithNPassesEveryArgumentInOrder starts a task with every GoWithN and
// checks that the task receives each argument in its place, and its context.
func TestGoWithNPassesEveryArgumentInOrder(t *testing.T) {
	ctx := context.Background()
	join := func(ctx context.Context, args ...any) (string, error) {
		if ctx.Err() != nil || ctx.Value(limitKey{}) != nil {
			return "", fmt.Errorf("the task's context is done or limited")
		}
		return fmt.Sprint(args...), nil
	}
	cases := []struct {
		want string
		f    *Future[string]
	}{
		{"1 b", GoWith2(ctx, "two", 1, "b", func(ctx context.Context, a int, b string) (string, error) { return join(ctx, a, " ", b) })},
		{"1 b true", GoWith3(ctx, "three", 1, "b", true, func(ctx context.Context, a int, b string, c bool) (string, error) {
			return join(ctx, a, " ", b, " ", c)
		})},
		{"1 2 3 4", GoWith4(ctx, "four", 1, 2, 3, 4, func(ctx context.Context, a, b, c, d int) (string, error) { return join(ctx, a, b, c, d) })},
		{"1 2 3 4 5", GoWith5(ctx, "five", 1, 2, 3, 4, 5, func(ctx context.Context, a, b, c, d, e int) (string, error) { return join(ctx, a, b, c, d, e) })},
		{"1 2 3 4 5 6", GoWith6(ctx, "six", 1, 2, 3, 4, 5, 6, func(ctx context.Context, a, b, c, d, e, f int) (string, error) {
			return join(ctx, a, b, c, d, e, f)
		})},
		{"1 2 3 4 5 6 7", GoWith7(ctx, "seven", 1, 2, 3, 4, 5, 6, 7, func(ctx context.Context, a, b, c, d, e, f, g int) (string, error) {
			return join(ctx, a, b, c, d, e, f, g)
		})},
		{"1 2 3 4 5 6 7 8", GoWith8(ctx, "eight", 1, 2, 3, 4, 5, 6, 7, 8, func(ctx context.Context, a, b, c, d, e, f, g, h int) (string, error) {
			return join(ctx, a, b, c, d, e, f, g, h)
		})},
		{"1 2 3 4 5 6 7 8 9", GoWith9(ctx, "nine", 1, 2, 3, 4, 5, 6, 7, 8, 9, func(ctx context.Context, a, b, c, d, e, f, g, h, i int) (string, error) {
			return join(ctx, a, b, c, d, e, f, g, h, i)
		})},
	}
	for _, c := range cases {
		got, err := c.f.Await(ctx)
		if got != c.want || err != nil {
			t.Errorf("%s: Await = %q, %v; want %q", c.f.Name(), got, err, c.want)
		}
	}
}

// TestGoWithNRunsUnderItsLimitAndCancels checks that a GoWithN task waits
// for a slot of WithLimit like any other, and that it is not called when
// its context is done before its turn.
func TestGoWithNRunsUnderItsLimitAndCancels(t *testing.T) {
	lctx := WithLimit(context.Background(), 1)
	hold := make(chan struct{})
	holder := Go(lctx, func(context.Context) (int, error) { <-hold; return 0, nil })
	ctx, cancel := context.WithCancel(lctx)
	var called atomic.Bool
	f := GoWith2(ctx, "late", 1, 2, func(_ context.Context, a, b int) (int, error) {
		called.Store(true)
		return a + b, nil
	})
	cancel()
	close(hold)
	if _, err := f.Await(context.Background()); err != context.Canceled {
		t.Fatalf("GoWith2 cancelled before its turn: err %v; want context.Canceled", err)
	}
	if _, err := holder.Await(context.Background()); err != nil {
		t.Fatal(err)
	}
	// The limiter runs its queue in order: once this task has run, the
	// cancelled one has had its turn.
	v, err := GoWith2(lctx, "sum", 20, 22, func(_ context.Context, a, b int) (int, error) { return a + b, nil }).Await(context.Background())
	if v != 42 || err != nil {
		t.Fatalf("GoWith2 under a limit = %v, %v; want 42", v, err)
	}
	if called.Load() {
		t.Fatal("a GoWith2 task cancelled before its turn was called")
	}
}
