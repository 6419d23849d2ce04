//go:build unix

package fanout

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/gathergen/gathergen/bench/internal/pair"
	"github.com/gathergen/gathergen/runtime"
)

// noop is an Observer that does nothing: what remains is the cost of the
// hook itself.
type noop struct{}

func (noop) TaskStart(ctx context.Context, _ runtime.Task) context.Context { return ctx }
func (noop) TaskEnd(context.Context, runtime.Task, runtime.Outcome)        {}

func init() {
	for _, c := range benchContexts[:2] {
		benchContexts = append(benchContexts, benchContext{
			name: "noop" + c.name[len("none"):],
			ctx:  runtime.WithObserver(c.ctx, noop{}),
		})
	}
}

// TestObservedFanoutsReportEveryTask checks that an observer of the
// benchmark's fan-outs is reached: every task reports its end.
func TestObservedFanoutsReportEveryTask(t *testing.T) {
	for _, impl := range runtimeImpls {
		c := &counter{}
		if _, err := impl.Run(runtime.WithObserver(context.Background(), c), 64); err != nil {
			t.Fatal(err)
		}
		if got := c.ends.Load(); got != 64 {
			t.Errorf("%s: %d tasks reported their end; want 64", impl.Name, got)
		}
	}
}

// counter counts the tasks that end.
type counter struct{ ends atomic.Int64 }

func (*counter) TaskStart(ctx context.Context, _ runtime.Task) context.Context { return ctx }
func (c *counter) TaskEnd(context.Context, runtime.Task, runtime.Outcome)      { c.ends.Add(1) }

// BenchmarkObserverPaired measures each of the runtime's fan-outs with the
// observer that does nothing against the same without one, batch by batch
// (see package pair): x-base and cpu-x-base are the cost of setting an
// observer, as ratios.
func BenchmarkObserverPaired(b *testing.B) {
	ctx := context.Background()
	observed := runtime.WithObserver(ctx, noop{})
	for _, n := range sizes {
		for _, impl := range runtimeImpls {
			b.Run(fmt.Sprintf("n=%d/pair=%s-noop", n, impl.Name), func(b *testing.B) {
				pair.Report(b, n, func() error { _, err := impl.Run(observed, n); return err },
					func() error { _, err := impl.Run(ctx, n); return err })
			})
		}
	}
}
