package fanout

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"
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

// TestImplsFail checks that every fan-out returns the first error and
// cancels the other tasks: they wait for their context to end, so a fan-out
// that does not cancel them returns only at the test's own deadline.
func TestImplsFail(t *testing.T) {
	boom := errors.New("boom")
	saved := Double
	t.Cleanup(func() { Double = saved })
	Double = func(ctx context.Context, i int) (int, error) {
		if i == 3 {
			return 0, boom
		}
		<-ctx.Done()
		return 0, context.Cause(ctx)
	}
	for _, impl := range Impls {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		_, err := impl.Run(ctx, 8)
		if ctx.Err() != nil {
			t.Errorf("%s: the other tasks were not cancelled", impl.Name)
		}
		if !errors.Is(err, boom) {
			t.Errorf("%s: err = %v, want %v", impl.Name, err, boom)
		}
		cancel()
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
