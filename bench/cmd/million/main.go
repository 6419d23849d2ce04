// Command million runs one fan-out of a million trivial tasks and reports its
// wall time and the process's peak resident memory, so that the runtime's
// cost at scale can be compared with a hand-written fan-out, errgroup and
// Python's asyncio.gather. Run each measurement in a fresh process, since
// peak memory is the process's own:
//
//	million -impl all
//	million -impl limited
//
// The implementations are those of package fanout (floor, errgroup, conc,
// all, allwith, map), plus two under runtime.WithLimit(ctx, 1000):
//
//   - limited: a gather of futures from runtime.Go whose tasks each block
//     until every task has been submitted, so that 1000 tasks hold a
//     goroutine and the rest wait in the limiter's queue;
//   - maplimited: runtime.Map whose first 1000 calls block until all 1000
//     run, so that every slot is taken while the other elements wait.
//
// It prints one line: the implementation, the number of tasks, the wall
// time in milliseconds and the peak RSS in MiB (VmHWM from
// /proc/self/status).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sync/atomic"
	"time"

	"github.com/gathergen/gathergen/bench/internal/procstat"

	"github.com/gathergen/gathergen/bench/fanout"
	"github.com/gathergen/gathergen/runtime"
)

func main() {
	impl := flag.String("impl", "all", "`name` of the fan-out: floor, errgroup, conc, all, allwith, map, limited or maplimited")
	n := flag.Int("n", 1_000_000, "number of tasks")
	limit := flag.Int("limit", 1000, "concurrency limit of -impl limited and maplimited")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the fan-out to `file`")
	flag.Parse()
	if *n < 0 || *limit < 1 {
		fmt.Fprintln(os.Stderr, "million: -n must be at least 0 and -limit at least 1")
		os.Exit(2)
	}
	run, ok := pick(*impl, *limit)
	if !ok {
		fmt.Fprintf(os.Stderr, "million: unknown -impl %q\n", *impl)
		os.Exit(2)
	}
	if *cpuprofile != "" {
		stop, err := procstat.StartCPUProfile(*cpuprofile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "million: %v\n", err)
			os.Exit(1)
		}
		defer stop()
	}
	start := time.Now()
	out, err := run(context.Background(), *n)
	wall := time.Since(start)
	if err == nil && len(out) != *n {
		err = fmt.Errorf("%d results, want %d", len(out), *n)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "million: %s: %v\n", *impl, err)
		os.Exit(1)
	}
	peak, err := procstat.PeakRSS()
	if err != nil {
		fmt.Fprintf(os.Stderr, "million: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%s\t%d\t%.1f ms\t%.1f MiB\n", *impl, *n, float64(wall.Microseconds())/1000, float64(peak)/(1<<20))
}

// pick returns the fan-out named impl.
func pick(impl string, limit int) (func(context.Context, int) ([]int, error), bool) {
	switch impl {
	case "limited":
		return func(ctx context.Context, n int) ([]int, error) { return limited(ctx, n, limit) }, true
	case "maplimited":
		return func(ctx context.Context, n int) ([]int, error) { return mapLimited(ctx, n, limit) }, true
	}
	for _, im := range fanout.Impls {
		if im.Name == impl {
			return im.Run, true
		}
	}
	return nil, false
}

// limited gathers n tasks under runtime.WithLimit(ctx, limit); each task
// blocks until all n have been submitted.
func limited(ctx context.Context, n, limit int) ([]int, error) {
	lctx := runtime.WithLimit(ctx, limit)
	release := make(chan struct{})
	fs := make([]*runtime.Future[int], n)
	for i := range n {
		fs[i] = runtime.Go(lctx, func(ctx context.Context) (int, error) {
			<-release
			return fanout.Double(ctx, i)
		})
	}
	close(release)
	return runtime.All(ctx, fs...)
}

// mapLimited maps n elements under runtime.WithLimit(ctx, limit); the first
// limit calls block until all of them run.
func mapLimited(ctx context.Context, n, limit int) ([]int, error) {
	lctx := runtime.WithLimit(ctx, limit)
	full := make(chan struct{})
	var started atomic.Int64
	in := make([]int, n)
	for i := range in {
		in[i] = i
	}
	return runtime.Map(lctx, in, func(ctx context.Context, i int) (int, error) {
		if k := started.Add(1); k == int64(min(n, limit)) {
			close(full)
		} else if k < int64(limit) {
			<-full
		}
		return fanout.Double(ctx, i)
	})
}
