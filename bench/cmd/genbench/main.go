// Command genbench times gathergen against stringer on the same synthetic
// package, and gathergen ./... over many such packages against one.
//
// It writes, into a temporary module that points at this checkout, packages
// of -funcs functions with //gathergen:async directives and an integer type
// with -consts constants. It builds gathergen and stringer (at the versions
// in bench/go.mod), runs each once to warm the build cache, then runs the
// cases -runs times, interleaved, each on the bare sources (the output of
// every case removed first), and prints the median and the fastest wall time of each:
//
//	stringer          stringer -type=Kind in one package
//	gathergen         gathergen in the same package (as go generate runs it)
//	gathergen-all     gathergen ./... over -packages packages
//
// followed by the two ratios that the benchmark's targets are about. Run it
// from the bench folder: go run ./cmd/genbench.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	runs := flag.Int("runs", 10, "timed runs of each case")
	funcs := flag.Int("funcs", 1000, "annotated functions per package")
	consts := flag.Int("consts", 1000, "constants of the integer type per package")
	pkgs := flag.Int("packages", 50, "packages for gathergen ./...")
	keep := flag.Bool("keep", false, "keep the temporary module and print its path")
	flag.Parse()
	if *runs < 1 || *pkgs < 1 || *funcs < 1 || *consts < 1 {
		fmt.Fprintln(os.Stderr, "genbench: -runs, -packages, -funcs and -consts must be at least 1")
		os.Exit(2)
	}
	if err := run(*runs, *funcs, *consts, *pkgs, *keep); err != nil {
		fmt.Fprintf(os.Stderr, "genbench: %v\n", err)
		os.Exit(1)
	}
}

// A benchCase is one command to time and the output files it writes.
type benchCase struct {
	name    string
	dir     string
	argv    []string
	outputs []string
	times   []time.Duration
}

func run(runs, funcs, consts, pkgs int, keep bool) error {
	checkout, err := goOutput("", "list", "-m", "-f", "{{.Dir}}", "github.com/gathergen/gathergen")
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "genbench")
	if err != nil {
		return err
	}
	if keep {
		fmt.Fprintln(os.Stderr, "genbench: module in", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	if err := writeModule(tmp, checkout, funcs, consts, pkgs); err != nil {
		return err
	}
	bin := filepath.Join(tmp, "bin")
	for _, tool := range []string{"github.com/gathergen/gathergen/cmd/gathergen", "golang.org/x/tools/cmd/stringer"} {
		if _, err := goOutput("", "build", "-o", bin+"/", tool); err != nil {
			return err
		}
	}
	one := filepath.Join(tmp, pkgName(0))
	var all []string
	for i := range pkgs {
		all = append(all, filepath.Join(tmp, pkgName(i), "gather_gen.go"))
	}
	cases := []*benchCase{
		{name: "stringer", dir: one, argv: []string{filepath.Join(bin, "stringer"), "-type=Kind"}, outputs: []string{filepath.Join(one, "kind_string.go")}},
		{name: "gathergen", dir: one, argv: []string{filepath.Join(bin, "gathergen")}, outputs: []string{filepath.Join(one, "gather_gen.go")}},
		{name: "gathergen-all", dir: tmp, argv: []string{filepath.Join(bin, "gathergen"), "./..."}, outputs: all},
	}
	for r := -1; r < runs; r++ { // r == -1 warms the caches
		for _, c := range cases {
			// Every tool runs on the bare sources: another tool's output
			// left in the package would add to what it loads.
			if err := removeOutputs(cases); err != nil {
				return err
			}
			d, err := c.time()
			if err != nil {
				return err
			}
			if r >= 0 {
				c.times = append(c.times, d)
			}
		}
	}
	// The generated code must build, or the timing means nothing. The last
	// case timed, gathergen ./..., left every package's wrappers in place.
	if _, err := goOutput(tmp, "vet", "./..."); err != nil {
		return fmt.Errorf("generated code does not vet: %v", err)
	}
	med := map[string]time.Duration{}
	for _, c := range cases {
		slices.Sort(c.times)
		med[c.name] = c.times[len(c.times)/2]
		fmt.Printf("generator\t%s\tmedian %.1f ms\tmin %.1f ms\t(%d runs)\n", c.name, ms(med[c.name]), ms(c.times[0]), len(c.times))
	}
	fmt.Printf("ratio\tgathergen/stringer\t%.2f\n", float64(med["gathergen"])/float64(med["stringer"]))
	fmt.Printf("ratio\tgathergen-all(%d)/gathergen(1)\t%.2f\n", pkgs, float64(med["gathergen-all"])/float64(med["gathergen"]))
	return nil
}

// removeOutputs removes the outputs of every case.
func removeOutputs(cases []*benchCase) error {
	for _, c := range cases {
		for _, out := range c.outputs {
			if err := os.Remove(out); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
	}
	return nil
}

// time runs c and returns its wall time; c must have written its outputs.
func (c *benchCase) time() (time.Duration, error) {
	cmd := exec.Command(c.argv[0], c.argv[1:]...)
	cmd.Dir = c.dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		return 0, fmt.Errorf("%s: %v\n%s", c.name, err, stderr.Bytes())
	}
	for _, out := range c.outputs {
		if _, err := os.Stat(out); err != nil {
			return 0, fmt.Errorf("%s wrote no %s", c.name, out)
		}
	}
	return d, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func pkgName(i int) string { return fmt.Sprintf("p%02d", i) }

// writeModule writes the synthetic module: go.mod and pkgs packages.
func writeModule(dir, checkout string, funcs, consts, pkgs int) error {
	mod := fmt.Sprintf("module synth\n\ngo 1.26.0\n\nrequire github.com/gathergen/gathergen v0.0.0-00010101000000-000000000000\n\nreplace github.com/gathergen/gathergen => %s\n", checkout)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		return err
	}
	for i := range pkgs {
		p := filepath.Join(dir, pkgName(i))
		if err := os.Mkdir(p, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(p, "synth.go"), synthetic(pkgName(i), funcs, consts), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// synthetic returns the source of one package: an integer type Kind with
// consts constants, and funcs functions marked //gathergen:async.
func synthetic(name string, funcs, consts int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "// Package %s is a synthetic package for the generator benchmark.\npackage %s\n\nimport \"context\"\n\n", name, name)
	b.WriteString("// Kind is an integer type for stringer.\ntype Kind int\n\n// The kinds.\nconst (\n")
	for i := range consts {
		if i == 0 {
			b.WriteString("\tKind0000 Kind = iota\n")
		} else {
			fmt.Fprintf(&b, "\tKind%04d\n", i)
		}
	}
	b.WriteString(")\n")
	for i := range funcs {
		fmt.Fprintf(&b, "\n// F%04d is a trivial task.\n//\n//gathergen:async\nfunc F%04d(ctx context.Context, n int, s string) (int, error) { return n + len(s), ctx.Err() }\n", i, i)
	}
	return []byte(b.String())
}

// goOutput runs the go command in dir and returns its trimmed output.
func goOutput(dir string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return strings.TrimSpace(string(out)), nil
}
