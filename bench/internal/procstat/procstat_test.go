package procstat

import (
	"path/filepath"
	"testing"
)

func TestPeakRSS(t *testing.T) {
	big := make([]byte, 64<<20)
	for i := range big {
		big[i] = 1
	}
	peak, err := PeakRSS()
	if err != nil || peak < int64(len(big)) {
		t.Fatalf("PeakRSS = %d, %v; want at least the %d bytes just touched", peak, err, len(big))
	}
}

func TestCPUTimeGrows(t *testing.T) {
	start := CPUTime()
	sum := 0
	for i := 0; CPUTime() == start; i++ {
		sum += i
	}
	if CPUTime() <= start {
		t.Fatalf("CPUTime went from %v to %v", start, CPUTime())
	}
}

func TestStartCPUProfile(t *testing.T) {
	stop, err := StartCPUProfile(filepath.Join(t.TempDir(), "cpu.pprof"))
	if err != nil {
		t.Fatal(err)
	}
	stop()
	if _, err := StartCPUProfile(filepath.Join(t.TempDir(), "missing", "cpu.pprof")); err == nil {
		t.Fatal("a profile into a missing folder started")
	}
}
