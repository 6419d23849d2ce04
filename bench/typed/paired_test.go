//go:build unix

package typed

import (
	"context"
	"testing"

	"github.com/gathergen/gathergen/bench/internal/pair"
)

// BenchmarkPaired measures each typed gather against the errgroup version in
// turn (see package pair): x-base is its wall time over errgroup's,
// cpu-x-base its CPU time. The names have no impl=, so that cmd/ratios
// leaves them out.
func BenchmarkPaired(b *testing.B) {
	ctx := context.Background()
	for _, im := range impls2[2:] {
		b.Run("n=2/pair="+im.name, func(b *testing.B) {
			pair.Report(b, 2, func() error { _, _, err := im.run(ctx); return err },
				func() error { _, _, err := errgroup2(ctx); return err })
		})
	}
	for _, im := range impls9[2:] {
		b.Run("n=9/pair="+im.name, func(b *testing.B) {
			pair.Report(b, 9, func() error { _, err := im.run(ctx); return err },
				func() error { _, err := errgroup9(ctx); return err })
		})
	}
}
