// Command stream runs one stream of ten million trivial elements through
// runtime.Stream with a window of 1,000, or one runtime.Map of the same
// elements held in a slice, and reports its wall time and the process's
// peak resident memory, so that the stream's memory can be seen bounded by
// its window and its time compared with Map's. Run each measurement in a
// fresh process, since peak memory is the process's own:
//
//	stream -impl stream
//	stream -impl map
//	stream -impl maplimited
//
// The implementations are those of package stream: stream reads its input
// one element at a time and holds no slice; map is runtime.Map with no
// limit; maplimited is runtime.Map under runtime.WithLimit(ctx, window).
//
// It prints one line: the implementation, the number of elements, the window,
// the wall time and the CPU time (user and system, of the whole process) in
// milliseconds, and the peak RSS in MiB (VmHWM from /proc/self/status). On a
// machine shared with other work, the CPU time varies less than the wall
// time.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/gathergen/gathergen/bench/internal/procstat"

	"github.com/gathergen/gathergen/bench/stream"
)

func main() {
	impl := flag.String("impl", "stream", "`name` of the implementation: stream, map or maplimited")
	n := flag.Int("n", 10_000_000, "number of elements")
	window := flag.Int("window", 1000, "window of -impl stream, limit of -impl maplimited")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the run to `file`")
	flag.Parse()
	if *n < 0 || *window < 1 {
		fmt.Fprintln(os.Stderr, "stream: -n must be at least 0 and -window at least 1")
		os.Exit(2)
	}
	run, ok := pick(*impl)
	if !ok {
		fmt.Fprintf(os.Stderr, "stream: unknown -impl %q\n", *impl)
		os.Exit(2)
	}
	if *cpuprofile != "" {
		stop, err := procstat.StartCPUProfile(*cpuprofile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "stream: %v\n", err)
			os.Exit(1)
		}
		defer stop()
	}
	start, cpuStart := time.Now(), procstat.CPUTime()
	_, err := run(context.Background(), *n, *window)
	wall, cpu := time.Since(start), procstat.CPUTime()-cpuStart
	if err != nil {
		fmt.Fprintf(os.Stderr, "stream: %s: %v\n", *impl, err)
		os.Exit(1)
	}
	peak, err := procstat.PeakRSS()
	if err != nil {
		fmt.Fprintf(os.Stderr, "stream: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%s\t%d\t%d\t%.1f ms\t%.1f ms cpu\t%.1f MiB\n", *impl, *n, *window,
		float64(wall.Microseconds())/1000, float64(cpu.Microseconds())/1000, float64(peak)/(1<<20))
}

// pick returns the implementation named impl.
func pick(impl string) (func(context.Context, int, int) (int, error), bool) {
	for _, im := range stream.Impls {
		if im.Name == impl {
			return im.Run, true
		}
	}
	return nil, false
}
