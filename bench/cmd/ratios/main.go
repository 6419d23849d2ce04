// Command ratios reads the raw output of bench/run.sh and prints one table
// of ratios against the hand-written floor measured in the same run, the
// million-task and generator figures, and each target of the benchmark
// issue with its measured figure, met or missed. Targets are read, never
// asserted: the command exits 0 whatever the figures.
//
//	go run ./cmd/ratios RESULTS_DIR
//
// RESULTS_DIR holds bench.txt (go test -bench output, several runs),
// million.txt (lines of bench/cmd/million), asyncio.txt (lines of
// python/gather_million.py) and genbench.txt (bench/cmd/genbench).
package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: ratios RESULTS_DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "ratios: %v\n", err)
		os.Exit(1)
	}
}

// key names one benchmark: its group (Fanout, Gather), width and version.
type key struct {
	group string
	n     int
	impl  string
}

// samples are the measurements of one benchmark over the runs.
type samples struct {
	nsPerTask, allocsPerOp, bytesPerOp []float64
}

// run prints to w the tables and targets of the results in dir.
func run(dir string, w io.Writer) error {
	benches, keys, err := readBenchmarks(filepath.Join(dir, "bench.txt"))
	if err != nil {
		return err
	}
	var t targets
	printBenchmarks(w, benches, keys, &t)
	million, err := readLines(filepath.Join(dir, "million.txt"))
	if err != nil {
		return err
	}
	asyncio, err := readLines(filepath.Join(dir, "asyncio.txt"))
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	printMillion(w, million, asyncio, &t)
	gen, err := readLines(filepath.Join(dir, "genbench.txt"))
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	printGenerator(w, gen, &t)
	t.print(w)
	return nil
}

// readBenchmarks parses go test -bench output. It returns the samples by
// benchmark and the benchmarks in the order they first appear, which is the
// order the benchmarks run in: by group, by width, the floor first.
func readBenchmarks(path string) (map[key]*samples, []key, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	out := map[key]*samples{}
	var keys []key
	s := bufio.NewScanner(f)
	for s.Scan() {
		fields := strings.Fields(s.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		k, ok := parseName(fields[0])
		if !ok {
			continue
		}
		sm := out[k]
		if sm == nil {
			sm = &samples{}
			out[k] = sm
			keys = append(keys, k)
		}
		for i := 2; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				continue
			}
			switch fields[i+1] {
			case "ns/task":
				sm.nsPerTask = append(sm.nsPerTask, v)
			case "allocs/op":
				sm.allocsPerOp = append(sm.allocsPerOp, v)
			case "B/op":
				sm.bytesPerOp = append(sm.bytesPerOp, v)
			}
		}
	}
	return out, keys, s.Err()
}

// parseName reads BenchmarkGroup/n=N/impl=NAME-PROCS.
func parseName(name string) (key, bool) {
	name = strings.TrimPrefix(name, "Benchmark")
	if i := strings.LastIndexByte(name, '-'); i > 0 {
		name = name[:i]
	}
	parts := strings.Split(name, "/")
	if len(parts) != 3 {
		return key{}, false
	}
	k := key{group: parts[0]}
	for _, p := range parts[1:] {
		name, value, _ := strings.Cut(p, "=")
		switch name {
		case "n":
			n, err := strconv.Atoi(value)
			if err != nil {
				return key{}, false
			}
			k.n = n
		case "impl":
			k.impl = value
		}
	}
	return k, k.impl != "" && k.n > 0
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// targeted lists the versions that the ns/task and allocation targets are
// about, each with whether it is an extra (runtime.Map, which the issue does
// not name).
var targeted = map[string]bool{"all": false, "gather": false, "map": true}

// printBenchmarks prints to out the table of ratios, its rows in the order of
// keys, and notes the targets about ns/task and allocations.
func printBenchmarks(out io.Writer, benches map[key]*samples, keys []key, t *targets) {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(out, "Fan-outs and gathers: medians over the runs; ratios against the floor and errgroup of the same width in the same run")
	fmt.Fprintln(w, "benchmark\tn\timpl\tns/task\t× floor\t× errgroup\tallocs/task\tB/task\truns\t")
	for _, k := range keys {
		sm := benches[k]
		ns := median(sm.nsPerTask)
		floor := median(benches[key{k.group, k.n, "floor"}].get().nsPerTask)
		eg := median(benches[key{k.group, k.n, "errgroup"}].get().nsPerTask)
		allocs := median(sm.allocsPerOp) / float64(k.n)
		fmt.Fprintf(w, "%s\t%d\t%s\t%.0f\t%s\t%s\t%.2f\t%.0f\t%d\t\n", k.group, k.n, k.impl, ns, ratio(ns, floor), ratio(ns, eg), allocs, median(sm.bytesPerOp)/float64(k.n), len(sm.nsPerTask))
		if extra, ok := targeted[k.impl]; ok {
			name := fmt.Sprintf("%s %s n=%d", k.group, k.impl, k.n)
			t.addTo(extra, name+": ns/task ≤ 1.0× errgroup", ns/eg, 1.0, "%.2f×")
			t.addTo(extra, name+": ns/task ≤ 1.15× floor", ns/floor, 1.15, "%.2f×")
		}
		if k.group == "Gather" && k.n == 2 && k.impl == "gather" {
			t.add("generated wrappers + Gather2 ≤ 1.15× errgroup of the same calls", ns/eg, 1.15, "%.2f×")
		}
	}
	w.Flush()
	fmt.Fprintln(out)
	fmt.Fprintln(out, "Allocations per added task: (allocs/op at the widest n - at the narrowest) / (difference of n), so that a gather's fixed allocations are not counted per task")
	w = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "benchmark\timpl\tn\tallocs/task\t")
	for _, m := range marginalAllocs(benches) {
		fmt.Fprintf(w, "%s\t%s\t%d..%d\t%.2f\t\n", m.group, m.impl, m.lo, m.hi, m.perTask)
		if extra, ok := targeted[m.impl]; ok {
			t.addTo(extra, fmt.Sprintf("%s %s: allocations per added task ≤ 2", m.group, m.impl), m.perTask, 2, "%.2f")
		}
	}
	w.Flush()
	fmt.Fprintln(out)
}

// marginal is the allocation cost of one more task of a version.
type marginal struct {
	group, impl string
	lo, hi      int
	perTask     float64
}

// marginalAllocs returns, for each group and version measured at two widths
// or more, the allocations per added task between the narrowest and the
// widest.
func marginalAllocs(benches map[key]*samples) []marginal {
	type gi struct{ group, impl string }
	lo, hi := map[gi]key{}, map[gi]key{}
	for k := range benches {
		g := gi{k.group, k.impl}
		if l, ok := lo[g]; !ok || k.n < l.n {
			lo[g] = k
		}
		if h, ok := hi[g]; !ok || k.n > h.n {
			hi[g] = k
		}
	}
	var out []marginal
	for g, l := range lo {
		h := hi[g]
		if h.n == l.n {
			continue
		}
		d := median(benches[h].allocsPerOp) - median(benches[l].allocsPerOp)
		out = append(out, marginal{g.group, g.impl, l.n, h.n, d / float64(h.n-l.n)})
	}
	slices.SortFunc(out, func(a, b marginal) int { return cmp.Or(cmp.Compare(a.group, b.group), cmp.Compare(a.impl, b.impl)) })
	return out
}

// get returns sm, or empty samples when sm is nil.
func (sm *samples) get() *samples {
	if sm == nil {
		return &samples{}
	}
	return sm
}

func ratio(x, base float64) string {
	if base == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", x/base)
}

// readLines returns the non-empty lines of path, split at tabs.
func readLines(path string) ([][]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out [][]string
	for line := range strings.Lines(string(data)) {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, strings.Split(line, "\t"))
		}
	}
	return out, nil
}

// figure reads "123.4 ms" or "56.7 MiB".
func figure(s string) float64 {
	v, _ := strconv.ParseFloat(strings.Fields(s)[0], 64)
	return v
}

// printMillion prints to out the medians of the million-task runs and the
// Python twin, and notes their targets.
func printMillion(out io.Writer, million, asyncio [][]string, t *targets) {
	wall, rss := map[string][]float64{}, map[string][]float64{}
	var names []string
	for _, l := range append(million, asyncio...) {
		if len(l) != 4 {
			continue
		}
		if _, seen := wall[l[0]]; !seen {
			names = append(names, l[0])
		}
		wall[l[0]] = append(wall[l[0]], figure(l[2]))
		rss[l[0]] = append(rss[l[0]], figure(l[3]))
	}
	fmt.Fprintln(out, "One fan-out of 1,000,000 trivial tasks (limited: futures blocked until all are submitted, under WithLimit(ctx, 1000); maplimited: Map under the same limit, blocked until every slot is taken); medians")
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "impl\twall ms\t× floor\tpeak RSS MiB\truns\t")
	floor := median(wall["floor"])
	for _, n := range names {
		fmt.Fprintf(w, "%s\t%.0f\t%s\t%.1f\t%d\t\n", n, median(wall[n]), ratio(median(wall[n]), floor), median(rss[n]), len(wall[n]))
	}
	w.Flush()
	if py := median(wall["asyncio-trivial"]); py > 0 && median(wall["all"]) > 0 {
		fmt.Fprintf(out, "asyncio.gather / runtime.All: %.1f× the wall time, %.1f× the peak RSS\n", py/median(wall["all"]), median(rss["asyncio-trivial"])/median(rss["all"]))
	}
	fmt.Fprintln(out)
	if len(wall["all"]) > 0 {
		t.add("1M trivial tasks (All over Go): wall ≤ 250 ms", median(wall["all"]), 250, "%.0f ms")
		t.add("1M trivial tasks (All over Go): peak RSS ≤ 64 MiB", median(rss["all"]), 64, "%.1f MiB")
	}
	if len(wall["limited"]) > 0 {
		t.add("1M blocked tasks under WithLimit(1000): peak RSS ≤ 100 MiB", median(rss["limited"]), 100, "%.1f MiB")
	}
	if len(wall["map"]) > 0 {
		t.addTo(true, "1M trivial tasks (Map): wall ≤ 250 ms", median(wall["map"]), 250, "%.0f ms")
		t.addTo(true, "1M trivial tasks (Map): peak RSS ≤ 64 MiB", median(rss["map"]), 64, "%.1f MiB")
	}
	if len(wall["maplimited"]) > 0 {
		t.addTo(true, "1M blocked tasks, Map under WithLimit(1000): peak RSS ≤ 100 MiB", median(rss["maplimited"]), 100, "%.1f MiB")
	}
}

// printGenerator prints to out the lines of bench/cmd/genbench and notes the
// targets of its ratios, in the order it printed them.
func printGenerator(out io.Writer, lines [][]string, t *targets) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintln(out, "Generator: wall time of one run, from a clean folder")
	for _, l := range lines {
		fmt.Fprintln(out, "  "+strings.Join(l, "  "))
	}
	fmt.Fprintln(out)
	for _, l := range lines {
		if len(l) != 3 || l[0] != "ratio" {
			continue
		}
		v, _ := strconv.ParseFloat(l[2], 64)
		if name, ok := strings.CutPrefix(l[1], "gathergen-all("); ok {
			// gathergen-all(N)/gathergen(1): N is -packages of genbench.
			pkgs, _, _ := strings.Cut(name, ")")
			t.add("gathergen ./... over "+pkgs+" packages ≤ 2× one package", v, 2.0, "%.2f×")
		} else if l[1] == "gathergen/stringer" {
			t.add("gathergen ≤ 1.0× stringer on the same package", v, 1.0, "%.2f×")
		}
	}
}

// targets collects each target of the issue with its figure, and apart from
// them the same targets applied to runtime.Map, which the issue does not
// name.
type targets struct {
	rows, extra []target
}

type target struct {
	name         string
	value, limit float64
	format       string
}

// add notes a target of the issue.
func (t *targets) add(name string, value, limit float64, format string) {
	t.addTo(false, name, value, limit, format)
}

// addTo notes a target of the issue, or with extra one applied to Map.
func (t *targets) addTo(extra bool, name string, value, limit float64, format string) {
	r := target{name, value, limit, format}
	if extra {
		t.extra = append(t.extra, r)
	} else {
		t.rows = append(t.rows, r)
	}
}

// print prints to out the targets of the issue, then those applied to Map.
func (t *targets) print(out io.Writer) {
	printTargets(out, "Targets (read, never asserted)", t.rows)
	if len(t.extra) > 0 {
		fmt.Fprintln(out)
		printTargets(out, "The same targets for runtime.Map, the gather of a slice (not in the issue)", t.extra)
	}
}

// printTargets prints to out rows under title and how many are met.
func printTargets(out io.Writer, title string, rows []target) {
	fmt.Fprintln(out, title)
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	met := 0
	for _, r := range rows {
		verdict := "missed"
		if r.value <= r.limit {
			verdict = "met"
			met++
		}
		fmt.Fprintf(w, "  %s\t"+r.format+"\t%s\n", r.name, r.value, verdict)
	}
	w.Flush()
	fmt.Fprintf(out, "%d of %d met\n", met, len(rows))
}
