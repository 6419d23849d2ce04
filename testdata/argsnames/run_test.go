package argsnames

import (
	"context"
	"testing"
)

// localArgs is declared by a test: Local's args struct takes the next name.
type localArgs struct{ a, b int }

func TestArgs(t *testing.T) {
	ctx := context.Background()
	if s, n, err := Both(ctx, &Client{prefix: "c"}, 1, 2, 3); s != "c1" || n != 5 || err != nil {
		t.Fatalf("Both = %q, %d, %v", s, n, err)
	}
	if v, _ := FetchAsync(ctx, "a", "b").Await(ctx); v != "AB" {
		t.Fatalf("FetchAsync = %q", v)
	}
	if v, _ := JoinAsync(ctx, "a", ",").Await(ctx); v != "a," {
		t.Fatalf("JoinAsync = %q", v)
	}
	if v, _ := LocalAsync(ctx, 6, 7).Await(ctx); v != 42 || (localArgs{}) != (localArgs{}) {
		t.Fatalf("LocalAsync = %d", v)
	}
	if v, _ := ConvertAsync[string](ctx, []int{1, 2}, 1).Await(ctx); len(v) != 3 {
		t.Fatalf("ConvertAsync = %v", v)
	}
	if v, _ := PickAsync[string](ctx, 1, 2).Await(ctx); v != "" {
		t.Fatalf("PickAsync = %q", v)
	}
	x := 3
	if v, _ := PtrAsync(ctx, &x, 1).Await(ctx); v != &x {
		t.Fatalf("PtrAsync = %v", v)
	}
}
