package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestParseName(t *testing.T) {
	cases := []struct {
		in   string
		want key
		ok   bool
	}{
		{"BenchmarkFanout/n=64/impl=all-2", key{"Fanout", 64, "all"}, true},
		{"BenchmarkGather/n=2/impl=errgroup", key{"Gather", 2, "errgroup"}, true},
		{"BenchmarkOther-8", key{}, false},
		{"BenchmarkFanout/n=x/impl=all-2", key{}, false},
	}
	for _, c := range cases {
		got, ok := parseName(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("parseName(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestMedian(t *testing.T) {
	if m := median([]float64{3, 1, 2}); m != 2 {
		t.Errorf("median of 3 = %v", m)
	}
	if m := median([]float64{4, 1, 2, 3}); m != 2.5 {
		t.Errorf("median of 4 = %v", m)
	}
	if m := median(nil); m != 0 {
		t.Errorf("median of none = %v", m)
	}
}

func TestMarginalAllocs(t *testing.T) {
	dir := t.TempDir()
	bench := "BenchmarkFanout/n=2/impl=all-2 10 100 ns/op 50 ns/task 1 B/op 10 allocs/op\n" +
		"BenchmarkFanout/n=10/impl=all-2 10 100 ns/op 50 ns/task 1 B/op 34 allocs/op\n"
	if err := os.WriteFile(filepath.Join(dir, "bench.txt"), []byte(bench), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := readBenchmarks(filepath.Join(dir, "bench.txt"))
	if err != nil {
		t.Fatal(err)
	}
	m := marginalAllocs(b)
	if len(m) != 1 || m[0].perTask != 3 {
		t.Fatalf("marginalAllocs = %+v; want one of 3 per task", m)
	}
}

func TestTargetsKeepMapApart(t *testing.T) {
	var tg targets
	tg.add("issue", 1, 2, "%.0f")
	tg.addTo(true, "map", 3, 2, "%.0f")
	tg.addTo(false, "issue too", 1, 2, "%.0f")
	if len(tg.rows) != 2 || len(tg.extra) != 1 || tg.extra[0].name != "map" {
		t.Fatalf("rows %v, extra %v; want the two issue targets apart from Map's", tg.rows, tg.extra)
	}
}
