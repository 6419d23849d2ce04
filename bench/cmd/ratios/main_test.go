package main

import (
	"os"
	"path/filepath"
	"strings"
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
	b, _, err := readBenchmarks(filepath.Join(dir, "bench.txt"))
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

// TestRun checks the whole report on a small results folder: rows in the
// order the benchmarks ran, the generator's targets in the order genbench
// printed them, labelled with its number of packages.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"bench.txt": "BenchmarkFanout/n=2/impl=floor-2 10 100 ns/op 50 ns/task 1 B/op 4 allocs/op\n" +
			"BenchmarkFanout/n=2/impl=errgroup-2 10 100 ns/op 100 ns/task 1 B/op 4 allocs/op\n" +
			"BenchmarkFanout/n=2/impl=all-2 10 100 ns/op 80 ns/task 1 B/op 6 allocs/op\n" +
			"BenchmarkFanout/n=2/impl=later-2 10 100 ns/op 70 ns/task 1 B/op 4 allocs/op\n",
		"million.txt": "floor\t1000000\t300.0 ms\t30.0 MiB\nall\t1000000\t200.0 ms\t50.0 MiB\n",
		"genbench.txt": "generator\tstringer\tmedian 100.0 ms\tmin 90.0 ms\t(1 runs)\n" +
			"ratio\tgathergen/stringer\t0.90\n" +
			"ratio\tgathergen-all(3)/gathergen(1)\t2.50\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out strings.Builder
	if err := run(dir, &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	inOrder := func(what string, parts ...string) {
		t.Helper()
		at := 0
		for _, p := range parts {
			i := strings.Index(got[at:], p)
			if i < 0 {
				t.Fatalf("%s: no %q after offset %d in\n%s", what, p, at, got)
			}
			at += i + len(p)
		}
	}
	inOrder("rows", "  floor  ", "  errgroup  ", "  all  ", "  later  ")
	inOrder("targets",
		"Fanout all n=2: ns/task ≤ 1.0× errgroup", "0.80×", "met",
		"Fanout all n=2: ns/task ≤ 1.15× floor", "1.60×", "missed",
		"gathergen ≤ 1.0× stringer on the same package", "0.90×", "met",
		"gathergen ./... over 3 packages ≤ 2× one package", "2.50×", "missed",
		"of ", " met")
	if !strings.Contains(got, "\n4 of 6 met\n") {
		t.Errorf("want 4 of 6 targets met in\n%s", got)
	}
}
