//go:build unix

// Package pair measures one fan-out against a baseline in turn, batch by
// batch, so that on a machine shared with other work the load that comes
// and goes weighs on both alike, where separate benchmarks seconds apart
// meet different loads.
package pair

import (
	"testing"
	"time"

	"github.com/gathergen/gathergen/bench/internal/procstat"
)

// Report runs own and base, each a fan-out of n tasks, in alternating
// batches (which goes first alternates too) for b.N rounds, and reports
// own's wall time and the process's CPU time while own ran, each as a ratio
// of base's: x-base and cpu-x-base. A batch holds enough fan-outs (256/n) to
// take about as long as one of 256 tasks.
func Report(b *testing.B, n int, own, base func() error) {
	batch := max(1, 256/n)
	var ownTime, baseTime times
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			ownTime.add(b, batch, own)
			baseTime.add(b, batch, base)
		} else {
			baseTime.add(b, batch, base)
			ownTime.add(b, batch, own)
		}
	}
	b.ReportMetric(float64(ownTime.wall)/float64(baseTime.wall), "x-base")
	b.ReportMetric(float64(ownTime.cpu)/float64(baseTime.cpu), "cpu-x-base")
}

// times sums the wall and CPU time of one side.
type times struct{ wall, cpu time.Duration }

// add runs batch fan-outs of run and adds their times.
func (t *times) add(b *testing.B, batch int, run func() error) {
	start, startCPU := time.Now(), procstat.CPUTime()
	for range batch {
		if err := run(); err != nil {
			b.Fatal(err)
		}
	}
	t.wall += time.Since(start)
	t.cpu += procstat.CPUTime() - startCPU
}
