//go:build unix

package bench

import (
	"syscall"
	"testing"
	"time"
)

// cpuClock is the CPU time of this process when a benchmark started.
type cpuClock time.Duration

// startCPU reads the process's CPU time (user and system).
func startCPU() cpuClock { return cpuClock(processCPU()) }

// report reports the CPU time spent since c per iteration, as cpu-ns/op.
func (c cpuClock) report(b *testing.B) {
	b.ReportMetric(float64(processCPU()-time.Duration(c))/float64(b.N), "cpu-ns/op")
}

// processCPU returns the user and system time of this process so far.
func processCPU() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
