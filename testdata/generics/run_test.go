package generics

import (
	"context"
	"slices"
	"testing"
)

func TestStats(t *testing.T) {
	ctx := context.Background()
	box := &Box[string]{v: "a"}
	sum, zero, mm, got, swapped, idx, f, err := Stats[int, float64, []int, int, string, string, []string, string, Celsius](
		ctx, []int{1, 2, 3}, []int{4, 1, 9}, *box, box, "b", []string{"x", "y"}, "y", Celsius(20))
	if err != nil || sum != 6 || zero != 0 || mm != (MinMaxResult[[]int, int]{Lo: 1, Hi: 9}) || got != "a" ||
		swapped != (BoxSwapResult[string]{Old: "a", New: "b"}) || idx != 1 || f != "20°C" {
		t.Fatalf("Stats = %v %v %v %v %v %v %v %v", sum, zero, mm, got, swapped, idx, f, err)
	}
}

func TestWrappers(t *testing.T) {
	ctx := context.Background()
	keys, err := KeysAsync(ctx, map[string]int{"a": 1, "b": 2}).Await(ctx)
	slices.Sort(keys)
	if err != nil || !slices.Equal(keys, []string{"a", "b"}) {
		t.Fatalf("Keys = %v, %v", keys, err)
	}
	b := &Box[int]{}
	if _, err := b.SetAsync(ctx, 5).Await(ctx); err != nil || b.v != 5 {
		t.Fatalf("Set: %v, %v", b.v, err)
	}
	if v, err := b.GetAsync(ctx).Await(ctx); v != 5 || err != nil {
		t.Fatalf("Get = %v, %v", v, err)
	}
	if _, err := MinMaxAsync(ctx, []float64{}).Await(ctx); err == nil {
		t.Fatal("MinMax of nothing did not fail")
	}
	if s, err := SumAsync(ctx, 1.5, 2.5).Await(ctx); s != 4 || err != nil {
		t.Fatalf("Sum = %v, %v", s, err)
	}
}

func TestPointerConstraint(t *testing.T) {
	ctx := context.Background()
	n := 3
	got, err := TwiceAsync(ctx, &n).Await(ctx)
	if err != nil || got.First != &n || got.Second != &n {
		t.Fatalf("Twice = %v, %v", got, err)
	}
	both, err := Ref[*int]{p: &n}.BothAsync(ctx).Await(ctx)
	if err != nil || both.A != &n || both.B != &n {
		t.Fatalf("Ref.Both = %v, %v", both, err)
	}
}
