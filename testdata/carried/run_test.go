package carried

import (
	"context"
	"testing"
)

func TestCarried(t *testing.T) {
	ctx := context.Background()
	ints := []struct {
		name string
		got  func() (int, error)
		want int
	}{
		{"Now", func() (int, error) { return NowAsync(ctx).Await(ctx) }, 1},
		{"Echo", func() (int, error) { return EchoAsync(ctx, 7).Await(ctx) }, 7},
		{"Nine", func() (int, error) { return NineAsync(ctx, 1, 2, 3, 4, 5, 6, 7, 8, 9).Await(ctx) }, 45},
		{"Ten", func() (int, error) { return TenAsync(ctx, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).Await(ctx) }, 55},
		{"Sum", func() (int, error) { return SumAsync(ctx, 1, 2, 3).Await(ctx) }, 6},
		{"First", func() (int, error) { return FirstAsync(ctx, []int{4, 5}).Await(ctx) }, 4},
		{"Add", func() (int, error) { return (&Counter{base: 10}).AddAsync(ctx, 5).Await(ctx) }, 15},
		{"Wide", func() (int, error) { return Counter{base: 100}.WideAsync(ctx, 1, 2, 3, 4, 5, 6, 7, 8, 9).Await(ctx) }, 145},
	}
	for _, c := range ints {
		if v, err := c.got(); v != c.want || err != nil {
			t.Errorf("%sAsync = %d, %v; want %d", c.name, v, err, c.want)
		}
	}
	s, n, err := (&Counter{base: 1}).Pair(ctx, 42)
	if s != "42" || n != 43 || err != nil {
		t.Fatalf("Pair = %q, %d, %v; want \"42\", 43", s, n, err)
	}
	if name := ItoaAsync(ctx, 1).Name(); name != "Itoa" {
		t.Fatalf("the task's name is %q; want Itoa", name)
	}
}
