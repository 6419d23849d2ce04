//go:build unix

package fanout

import (
	"context"
	"sync/atomic"
	"testing"

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
