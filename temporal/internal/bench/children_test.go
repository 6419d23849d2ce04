package bench

import (
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"testing"
	"time"

	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/testsuite"
)

// BenchmarkChildrenPaired runs a typed gather of n child workflows and the
// same gather by hand with the SDK in turn, each in a fresh test
// environment, which of the two goes first alternating, and reports the
// typed one's allocations and wall time as ratios of the hand-written
// one's, measured in the same run: allocs-x-base and x-base.
func BenchmarkChildrenPaired(b *testing.B) {
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	for _, n := range []int{2, 10, 100} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			var typed, hand side
			for i := 0; b.Loop(); i++ {
				if i%2 == 0 {
					typed.run(b, &suite, GatherChildrenTyped, n)
					hand.run(b, &suite, GatherChildrenSelector, n)
				} else {
					hand.run(b, &suite, GatherChildrenSelector, n)
					typed.run(b, &suite, GatherChildrenTyped, n)
				}
			}
			b.ReportMetric(float64(typed.allocs)/float64(hand.allocs), "allocs-x-base")
			b.ReportMetric(float64(typed.wall)/float64(hand.wall), "x-base")
			b.ReportMetric(float64(typed.allocs)/float64(b.N), "typed-allocs/op")
			b.ReportMetric(float64(hand.allocs)/float64(b.N), "base-allocs/op")
		})
	}
}

// side sums what one side of BenchmarkChildrenPaired cost.
type side struct {
	allocs uint64
	wall   time.Duration
}

// run runs wf over n children in a fresh environment and adds its cost.
func (s *side) run(b *testing.B, suite *testsuite.WorkflowTestSuite, wf any, n int) {
	env := suite.NewTestWorkflowEnvironment()
	RegisterChildren(env)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	env.ExecuteWorkflow(wf, n)
	s.wall += time.Since(start)
	runtime.ReadMemStats(&after)
	s.allocs += after.Mallocs - before.Mallocs
	var sum int
	if err := env.GetWorkflowResult(&sum); err != nil || sum != want(n) {
		b.Fatalf("sum %d, %v; want %d", sum, err, want(n))
	}
}
