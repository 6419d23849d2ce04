package generator

import (
	"cmp"
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/gathergen/gathergen/generator/internal/buildcfg"
	"github.com/gathergen/gathergen/generator/internal/load"
	"github.com/gathergen/gathergen/generator/internal/model"
	"github.com/gathergen/gathergen/generator/internal/output"
)

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
	if tags := buildcfg.NameTags(name); len(tags) > 0 {
		return fmt.Errorf("%s: the go command builds a file so named only for %s", name, strings.Join(tags, "/"))
	}
	return nil
}

// DefaultOutput is the name of the file written in each package's folder.
const DefaultOutput = model.DefaultOutput

// DefaultActivityOutput is the name of the file written in each package's
// folder that has activities, beside DefaultOutput.
const DefaultActivityOutput = model.DefaultActivityOutput

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
	return output.File(f).Changed()
}

// Diff returns a unified diff (three lines of context) from the file on disk
// to the file that should be there, or "" when they are the same.
func (f File) Diff() string {
	return output.File(f).Diff()
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
	return model.Diagnostic(d).String()
}

// Result is the outcome of Generate.
type Result struct {
	// Files holds the output of every package that has directives and no
	// problem (and of packages whose earlier output is to be removed), in
	// load order, a package's gather file before its activity file. Write
	// writes them only when there is no diagnostic at all.
	Files []File
	// Diagnostics holds every problem found, sorted by position.
	Diagnostics []Diagnostic
}

// Generate loads the packages named by cfg in one go, checks their
// directives and returns the files to write, or every problem found. It
// writes nothing: see Result.Write and File.Diff.
func Generate(cfg Config) (*Result, error) {
	files, diags, err := run(load.Config(cfg))
	if err != nil {
		return nil, err
	}
	res := &Result{Files: make([]File, len(files)), Diagnostics: make([]Diagnostic, len(diags))}
	for i, f := range files {
		res.Files[i] = File(f)
	}
	for i, d := range diags {
		res.Diagnostics[i] = Diagnostic(d)
	}
	return res, nil
}

// buildableIn returns a function that reports whether some configuration
// satisfies a constraint; it asks the go command for its ports the first
// time a constraint is not empty.
func buildableIn(cfg load.Config) func(string) bool {
	current := cfg.BuildContext()
	base := buildcfg.BuildConfig{Goos: current.GOOS, Goarch: current.GOARCH, Cgo: current.CgoEnabled, Tags: current.BuildTags}
	ports := sync.OnceValue(func() []string { return buildcfg.KnownPorts(cfg.Dir, cfg.Env) })
	return func(expr string) bool {
		if expr == "" {
			return true
		}
		_, ok := buildcfg.Satisfy(buildcfg.ParseConstraint(expr), base, ports())
		return ok
	}
}

// sortDiagnostics orders diagnostics by file, line, column and message, and
// drops repeats.
func sortDiagnostics(diags []model.Diagnostic) []model.Diagnostic {
	slices.SortFunc(diags, func(a, b model.Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Filename, b.Pos.Filename),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
			cmp.Compare(a.Message, b.Message))
	})
	return slices.Compact(diags)
}
