//go:build unix

package fanout

import (
	"context"
	"fmt"
	"testing"

	"github.com/gathergen/gathergen/bench/internal/procstat"
)

// A benchContext is a context that the runtime's fan-outs run under in
// BenchmarkObserver.
type benchContext struct {
	name string
	ctx  context.Context
}

// benchContexts are a context that never ends (as in BenchmarkFanout) and a
// cancellable one (under which Map keeps its record of successes for a
// *PendingError), both without an observer; observer_test.go adds the same
// two with an observer that does nothing. This file alone also builds
// against the runtime before observers, for the figures before and after.
var benchContexts = func() []benchContext {
	var cancellable context.Context
	cancellable, stopCancellable = context.WithCancel(context.Background())
	return []benchContext{
		{"none", context.Background()},
		{"none-cancellable", cancellable},
	}
}()

// stopCancellable would end the cancellable context; it lives as long as
// the benchmarks.
var stopCancellable context.CancelFunc

// runtimeImpls lists the fan-outs of the runtime, which an observer sees.
var runtimeImpls = []Impl{{"all", All}, {"allwith", AllWith}, {"map", Map}}

// BenchmarkObserver runs the runtime's fan-outs under each benchContext, in
// one run. Besides the wall time per task it reports the CPU time per task
// (user and system, of the whole process), which other work on a shared
// machine disturbs much less.
func BenchmarkObserver(b *testing.B) {
	for _, n := range sizes {
		for _, impl := range runtimeImpls {
			for _, c := range benchContexts {
				b.Run(fmt.Sprintf("n=%d/impl=%s/observer=%s", n, impl.Name, c.name), func(b *testing.B) {
					b.ReportAllocs()
					cpu := procstat.CPUTime()
					for b.Loop() {
						if _, err := impl.Run(c.ctx, n); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(procstat.CPUTime()-cpu)/float64(b.N*n), "cpu-ns/task")
					reportPerTask(b, n)
				})
			}
		}
	}
}
