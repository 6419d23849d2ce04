package stream

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/gathergen/gathergen/bench/fanout"
)

// window is the number of elements that Stream keeps started and not yet
// yielded, and the limit of maplimited.
const window = 1000

func TestImplsAgree(t *testing.T) {
	for _, impl := range Impls {
		for _, n := range []int{0, 1, 999, 5000} {
			sum, err := impl.Run(context.Background(), n, window)
			if want := n * (n - 1); err != nil || sum != want {
				t.Fatalf("%s(%d) = %d, %v; want %d", impl.Name, n, sum, err, want)
			}
		}
	}
}

func TestImplsFail(t *testing.T) {
	boom := errors.New("boom")
	saved := fanout.Double
	t.Cleanup(func() { fanout.Double = saved })
	fanout.Double = func(_ context.Context, i int) (int, error) {
		if i == 1234 {
			return 0, boom
		}
		return 2 * i, nil
	}
	for _, impl := range Impls {
		if _, err := impl.Run(context.Background(), 5000, window); !errors.Is(err, boom) {
			t.Errorf("%s: err = %v, want %v", impl.Name, err, boom)
		}
	}
}

// BenchmarkStream compares runtime.Stream with a window of 1,000 to
// runtime.Map over a slice of the same elements, with no limit and under
// WithLimit(1000), at two lengths; ns/elem is the wall time per element.
func BenchmarkStream(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{10_000, 100_000} {
		for _, impl := range Impls {
			b.Run(fmt.Sprintf("n=%d/impl=%s", n, impl.Name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := impl.Run(ctx, n, window); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/elem")
			})
		}
	}
}
