package fanout

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
)

// sizes are the fan-out widths that every implementation is measured at.
var sizes = []int{2, 8, 64, 1024}

func TestImplsAgree(t *testing.T) {
	for _, impl := range Impls {
		for _, n := range sizes {
			got, err := impl.Run(context.Background(), n)
			if err != nil {
				t.Fatalf("%s(%d): %v", impl.Name, n, err)
			}
			if impl.Name == "conc" {
				slices.Sort(got) // conc v0.3.0 returns completion order
			}
			for i, v := range got {
				if v != 2*i {
					t.Fatalf("%s(%d)[%d] = %d, want %d", impl.Name, n, i, v, 2*i)
				}
			}
			if len(got) != n {
				t.Fatalf("%s(%d): %d results", impl.Name, n, len(got))
			}
		}
	}
}

func TestImplsFail(t *testing.T) {
	boom := errors.New("boom")
	saved := Double
	t.Cleanup(func() { Double = saved })
	Double = func(ctx context.Context, i int) (int, error) {
		if i == 3 {
			return 0, boom
		}
		return i * 2, nil
	}
	for _, impl := range Impls {
		if _, err := impl.Run(context.Background(), 8); !errors.Is(err, boom) {
			t.Errorf("%s: err = %v, want %v", impl.Name, err, boom)
		}
	}
}

func BenchmarkFanout(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes {
		for _, impl := range Impls {
			b.Run(fmt.Sprintf("n=%d/impl=%s", n, impl.Name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := impl.Run(ctx, n); err != nil {
						b.Fatal(err)
					}
				}
				reportPerTask(b, n)
			})
		}
	}
}

// reportPerTask adds the ns/task metric: wall time per task of the fan-out.
func reportPerTask(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/task")
}
