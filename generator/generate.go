package generator

import (
	"bytes"
	"cmp"
	"fmt"
	"go/build"
	"go/token"
	"os"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/packages"
)

// DefaultOutput is the name of the file written in each package's folder.
const DefaultOutput = "gather_gen.go"

// Config tells Generate what to load and where its output goes.
type Config struct {
	// Dir is the folder in which the go command runs and patterns are
	// resolved; empty means the current folder.
	Dir string
	// Patterns name the packages, as for go build; none means ".".
	Patterns []string
	// Output is the name of the generated file in each package's folder;
	// empty means DefaultOutput.
	Output string
	// ActivityOutput is the name of the file that holds a package's
	// activities; empty means DefaultActivityOutput.
	ActivityOutput string
	// Tags are build tags for loading the packages.
	Tags []string
	// Env is the environment of the go command; nil means the current one.
	Env []string
}

// patterns returns the patterns to load.
func (c Config) patterns() []string {
	if len(c.Patterns) == 0 {
		return []string{"."}
	}
	return c.Patterns
}

// buildContext returns the build configuration that the go command loads
// the packages for, as its environment (Env, or this process's) tells:
// GOOS, GOARCH and CGO_ENABLED, cgo being off for another platform than
// this one unless CGO_ENABLED turns it on, as the go command has it; and
// the tags, those of GOFLAGS unless Tags are given (the go command's -tags
// flag overrides GOFLAGS). A variable set twice has its last value, as
// os/exec passes it on; an empty one is unset.
func (c Config) buildContext() build.Context {
	env := c.Env
	if env == nil {
		env = os.Environ()
	}
	vars := map[string]string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		vars[k] = v
	}
	bc := build.Default
	bc.GOOS = cmp.Or(vars["GOOS"], goruntime.GOOS)
	bc.GOARCH = cmp.Or(vars["GOARCH"], goruntime.GOARCH)
	switch cgo := vars["CGO_ENABLED"]; {
	case cgo != "":
		bc.CgoEnabled = cgo == "1"
	case bc.GOOS != goruntime.GOOS || bc.GOARCH != goruntime.GOARCH:
		bc.CgoEnabled = false
	}
	bc.BuildTags = c.Tags
	if len(c.Tags) == 0 {
		bc.BuildTags = goflagsTags(vars["GOFLAGS"])
	}
	return bc
}

// goflagsTags returns the tags that a -tags=a,b flag of GOFLAGS sets, the
// last one winning.
func goflagsTags(goflags string) []string {
	var tags []string
	for _, flag := range strings.Fields(goflags) {
		name, value, ok := strings.Cut(strings.TrimLeft(flag, "-"), "=")
		if ok && name == "tags" {
			tags = slices.DeleteFunc(strings.Split(value, ","), func(tag string) bool { return tag == "" })
		}
	}
	return tags
}

// output returns the name of the generated file.
func (c Config) output() string {
	if c.Output == "" {
		return DefaultOutput
	}
	return c.Output
}

// activityOutput returns the name of the activity file.
func (c Config) activityOutput() string {
	if c.ActivityOutput == "" {
		return DefaultActivityOutput
	}
	return c.ActivityOutput
}

// CheckOutput reports why name cannot name the generated file: it must be a
// file name without a folder, ending in .go, that the go command builds in
// every configuration (not a _test.go file, not constrained by a GOOS or
// GOARCH suffix, not starting with _ or ., which the go command ignores).
func CheckOutput(name string) error {
	base := strings.TrimSuffix(name, ".go")
	switch {
	case name == "" || filepath.Base(name) != name || base == name:
		return fmt.Errorf("must be a file name ending in .go, without a folder: %q", name)
	case strings.HasSuffix(base, "_test"):
		return fmt.Errorf("%s: a _test.go file is built only with the package's tests", name)
	case strings.HasPrefix(name, "_") || strings.HasPrefix(name, "."):
		return fmt.Errorf("%s: the go command ignores files whose names start with \"_\" or \".\"", name)
	}
	if tags := nameTags(name); len(tags) > 0 {
		return fmt.Errorf("%s: the go command builds a file so named only for %s", name, strings.Join(tags, "/"))
	}
	return nil
}

// File is the generated file of one package: what is on disk and what should
// be.
type File struct {
	// Path is the file's absolute path.
	Path string
	// Old is the content on disk; nil when there is no file.
	Old []byte
	// New is the content that should be on disk; nil when the file should
	// be removed (earlier output of a package that has no directive left).
	New []byte
}

// Changed reports whether the file on disk differs from what should be there.
func (f File) Changed() bool {
	return !bytes.Equal(f.Old, f.New) || (f.Old == nil) != (f.New == nil)
}

// Diagnostic is one problem found in the loaded packages.
type Diagnostic struct {
	// Pos is where the problem is; Filename alone (a package path) when
	// the go command gave no position.
	Pos token.Position
	// Message says what is wrong.
	Message string
}

// String formats d as file:line:col: message.
func (d Diagnostic) String() string {
	if d.Pos.Filename == "" {
		return d.Message
	}
	return fmt.Sprintf("%s: %s", d.Pos, d.Message)
}

// Result is the outcome of Generate.
type Result struct {
	// Files holds the output of every package that has directives and no
	// problem (and of packages whose earlier output is to be removed), in
	// load order, a package's gather file before its activity file. Write writes them only when there is no diagnostic at
	// all.
	Files []File
	// Diagnostics holds every problem found, sorted by position.
	Diagnostics []Diagnostic
}

// Generate loads the packages named by cfg in one go, checks their
// directives and returns the files to write, or every problem found. It
// writes nothing: see Result.Write and File.Diff.
func Generate(cfg Config) (*Result, error) {
	if err := CheckOutput(cfg.output()); err != nil {
		return nil, fmt.Errorf("output %v", err)
	}
	if err := CheckOutput(cfg.activityOutput()); err != nil {
		return nil, fmt.Errorf("activity output %v", err)
	}
	if cfg.output() == cfg.activityOutput() {
		return nil, fmt.Errorf("output and activity output are both %s: activities go to a file of their own", cfg.output())
	}
	l := &loader{output: cfg.output(), activityOutput: cfg.activityOutput(), build: cfg.buildContext()}
	pkgs, err := l.load(cfg)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %q", cfg.patterns())
	}
	res := &Result{}
	analyzers := scanAll(pkgs, l)
	if err := scanImported(cfg, analyzers); err != nil {
		return nil, err
	}
	if err := loadExtra(cfg, l, analyzers); err != nil {
		return nil, err
	}
	for _, o := range generateAll(analyzers) {
		res.Diagnostics = append(res.Diagnostics, o.diags...)
		res.Files = append(res.Files, o.files...)
	}
	res.Diagnostics = sortDiagnostics(res.Diagnostics)
	return res, nil
}

// scanAll reads the directives of every package before any is analysed, so
// that each knows the names that the others will generate: code may call
// another package's wrapper before its first generation too.
func scanAll(pkgs []*packages.Package, l *loader) []*analyzer {
	all := map[string]map[string]bool{}
	analyzers := make([]*analyzer, len(pkgs))
	for i, pkg := range pkgs {
		analyzers[i] = newAnalyzer(pkg, l, all)
		analyzers[i].scanFiles()
		all[pkg.PkgPath] = analyzers[i].candidates
	}
	return analyzers
}

// outcome is what generate returns for one package.
type outcome struct {
	files []File
	diags []Diagnostic
}

// generateAll checks and renders every scanned package, in order of the
// analyzers, on as many goroutines as the program may run at once: once
// all are scanned, packages share only what no one writes any more.
func generateAll(analyzers []*analyzer) []outcome {
	out := make([]outcome, len(analyzers))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(goruntime.GOMAXPROCS(0), len(analyzers)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(analyzers); i = int(next.Add(1) - 1) {
				out[i].files, out[i].diags = analyzers[i].generate()
			}
		})
	}
	wg.Wait()
	return out
}

// sortDiagnostics orders diagnostics by file, line, column and message, and
// drops repeats.
func sortDiagnostics(diags []Diagnostic) []Diagnostic {
	slices.SortFunc(diags, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Filename, b.Pos.Filename),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
			cmp.Compare(a.Message, b.Message))
	})
	return slices.Compact(diags)
}

// generate checks one scanned package and renders its files.
func (a *analyzer) generate() ([]File, []Diagnostic) {
	m := a.analyze()
	if len(a.diags) > 0 {
		return nil, a.diags
	}
	return a.files(m)
}
