//go:build unix

package fanout

import (
	"context"
	"fmt"
	"testing"

	"github.com/gathergen/gathergen/bench/internal/pair"
)

// BenchmarkPaired measures each fan-out against errgroup's in turn (see
// package pair): x-base is its wall time over errgroup's, cpu-x-base its
// CPU time. The names have no impl=, so that cmd/ratios leaves them out.
func BenchmarkPaired(b *testing.B) {
	var impls []Impl
	for _, impl := range Impls {
		if impl.Name != "errgroup" && impl.Name != "conc" {
			impls = append(impls, impl)
		}
	}
	pairEach(b, context.Background(), impls)
}

// pairEach runs, at every size, a sub-benchmark n=N/pair=NAME for each of
// impls that measures it against errgroup under ctx, with its allocations.
func pairEach(b *testing.B, ctx context.Context, impls []Impl) {
	for _, n := range sizes {
		for _, impl := range impls {
			b.Run(fmt.Sprintf("n=%d/pair=%s", n, impl.Name), func(b *testing.B) {
				b.ReportAllocs()
				pair.Report(b, n, func() error { _, err := impl.Run(ctx, n); return err },
					func() error { _, err := Errgroup(ctx, n); return err })
			})
		}
	}
}
