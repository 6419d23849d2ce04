package queue

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/gathergen/gathergen/bench/internal/procstat"
	"github.com/gathergen/gathergen/runtime"
)

// sizes are the queue lengths measured: the time per future must stay flat
// from the smallest to the largest.
var sizes = []int{10_000, 40_000, 160_000}

// BenchmarkQueueLeave queues n futures behind the one slot of a limiter,
// each under a context of its own (one ctx per request, one limiter per
// downstream), and then makes them leave one by one: by the end of their
// context, or by Cancel. Each leave waits until its future has settled
// before the next begins. It reports the time of the leaves per future,
// wall (ns/future) and the process's CPU time (cpu-ns/future), which the
// other work of a shared machine disturbs less; queueing is not timed.
func BenchmarkQueueLeave(b *testing.B) {
	ways := []struct {
		name  string
		leave func(f *runtime.Future[int], cancel context.CancelFunc)
	}{
		{"ctx", func(_ *runtime.Future[int], cancel context.CancelFunc) { cancel() }},
		{"Cancel", func(f *runtime.Future[int], _ context.CancelFunc) { f.Cancel() }},
	}
	for _, way := range ways {
		for _, n := range sizes {
			b.Run(fmt.Sprintf("by=%s/n=%d", way.name, n), func(b *testing.B) {
				fs := make([]*runtime.Future[int], n)
				cancels := make([]context.CancelFunc, n)
				never := func(context.Context) (int, error) { panic("a future that left the queue ran") }
				var cpu time.Duration
				for b.Loop() {
					b.StopTimer()
					lctx := runtime.WithLimit(context.Background(), 1)
					release := make(chan struct{})
					busy := runtime.Go(lctx, func(context.Context) (int, error) { <-release; return 0, nil })
					for i := range fs {
						var ctx context.Context
						ctx, cancels[i] = context.WithCancel(lctx)
						fs[i] = runtime.Go(ctx, never)
					}
					b.StartTimer()
					startCPU := procstat.CPUTime()
					for i, f := range fs {
						way.leave(f, cancels[i])
						<-f.Done()
					}
					cpu += procstat.CPUTime() - startCPU
					b.StopTimer()
					close(release)
					if _, err := busy.Await(context.Background()); err != nil {
						b.Fatal(err)
					}
					for _, cancel := range cancels {
						cancel()
					}
					b.StartTimer()
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/future")
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*n), "cpu-ns/future")
			})
		}
	}
}
