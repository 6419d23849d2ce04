package generator

import (
	"bytes"
	"cmp"
	"fmt"
	"go/build"
	"go/token"
	"os"
	"os/exec"
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

// notModule returns an error that names the folder and says what to do
// when the go command finds no module there (no go.mod in it or above it),
// or nil. It is asked only once a load has failed or found nothing.
func (c Config) notModule() error {
	cmd := exec.Command("go", "env", "GOMOD")
	cmd.Dir, cmd.Env = c.Dir, c.Env
	out, err := cmd.Output()
	if gomod := strings.TrimSpace(string(out)); err != nil || gomod != "" && gomod != os.DevNull {
		return nil
	}
	dir, err := filepath.Abs(cmp.Or(c.Dir, "."))
	if err != nil {
		dir = c.Dir
	}
	return fmt.Errorf("%s: no go.mod here or in any folder above: gathergen works in a module; create one with go mod init MODULE_PATH", dir)
}

// noModuleProvides starts the go command's message about an import path
// that no module provides.
const noModuleProvides = "no required module provides package "

// inMainModules rewrites the go command's message about an import path that
// no module provides, when the path lies in a main module: go get, which
// it suggests, cannot help; the folder is missing. The main modules are
// asked for only when there is such a message.
func (c Config) inMainModules(diags []Diagnostic) {
	var mods []string
	for i, d := range diags {
		rest, ok := strings.CutPrefix(d.Message, noModuleProvides)
		if !ok {
			continue
		}
		path, _, _ := strings.Cut(rest, ";")
		if mods == nil {
			mods = c.mainModules()
		}
		for _, mod := range mods {
			if strings.HasPrefix(path, mod+"/") {
				diags[i].Message = "no folder of module " + mod + " holds package " + path + ": check the path, or create the package's folder"
			}
		}
	}
}

// mainModules returns the paths of the main modules (those of a workspace,
// or the one module), or an empty list.
func (c Config) mainModules() []string {
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Path}}")
	cmd.Dir, cmd.Env = c.Dir, c.Env
	out, err := cmd.Output()
	if err != nil {
		return []string{}
	}
	return strings.Fields(string(out))
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
	if err != nil || !slices.ContainsFunc(pkgs, func(p *packages.Package) bool { return len(p.Errors) == 0 }) {
		if nm := cfg.notModule(); nm != nil {
			return nil, nm
		}
	}
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
	others, diags, err := loadOthers(cfg, l, pkgs, analyzers[0].loaded)
	if err != nil {
		return nil, err
	}
	res.Diagnostics = diags
	all := append(analyzers, others...)
	if err := loadExtra(cfg, l, all); err != nil {
		return nil, err
	}
	for _, a := range others {
		for _, main := range analyzers {
			main.hasOthers = main.hasOthers || main.pkg.PkgPath == a.pkg.PkgPath
		}
	}
	if err := loadExtra(cfg, l, all); err != nil {
		return nil, err
	}
	models := analyzeAll(all)
	buildable := buildableIn(cfg)
	for _, o := range planAll(cfg.output(), cfg.activityOutput(), collectParts(all, models), buildable) {
		res.Diagnostics = append(res.Diagnostics, o.diags...)
		res.Files = append(res.Files, o.files...)
	}
	cfg.inMainModules(res.Diagnostics)
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

// outcome is what planFiles returns for one package.
type outcome struct {
	files []File
	diags []Diagnostic
}

// parallel calls do(i) for i in [0, n), on as many goroutines as the
// program may run at once.
func parallel(n int, do func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(goruntime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(i)
			}
		})
	}
	wg.Wait()
}

// analyzeAll checks every scanned package in every configuration: once
// all are scanned, they share only what no one writes any more.
func analyzeAll(analyzers []*analyzer) []*model {
	models := make([]*model, len(analyzers))
	parallel(len(analyzers), func(i int) { models[i] = analyzers[i].analyze() })
	return models
}

// collectParts gathers the analyzers and models of each package, in the
// order of their first analyzer: the run's configuration's comes first.
func collectParts(analyzers []*analyzer, models []*model) []packageParts {
	var parts []packageParts
	index := map[string]int{}
	for i, a := range analyzers {
		j, ok := index[a.pkg.PkgPath]
		if !ok {
			j = len(parts)
			index[a.pkg.PkgPath] = j
			parts = append(parts, packageParts{dir: sourceDir(a.pkg)})
			if a.pkg.Module != nil {
				parts[j].goVersion = a.pkg.Module.GoVersion
			}
		}
		parts[j].analyzers = append(parts[j].analyzers, a)
		parts[j].models = append(parts[j].models, models[i])
	}
	return parts
}

// planAll renders the files of every package, on as many goroutines as the
// program may run at once.
func planAll(output, activityOutput string, parts []packageParts, buildable func(string) bool) []outcome {
	out := make([]outcome, len(parts))
	parallel(len(parts), func(i int) { out[i].files, out[i].diags = planFiles(output, activityOutput, parts[i], buildable) })
	return out
}

// buildableIn returns a function that reports whether some configuration
// satisfies a constraint; it asks the go command for its ports the first
// time a constraint is not empty.
func buildableIn(cfg Config) func(string) bool {
	current := cfg.buildContext()
	base := buildConfig{goos: current.GOOS, goarch: current.GOARCH, cgo: current.CgoEnabled, tags: current.BuildTags}
	ports := sync.OnceValue(func() []string { return knownPorts(cfg) })
	return func(expr string) bool {
		if expr == "" {
			return true
		}
		_, ok := satisfy(parseConstraint(expr), base, ports())
		return ok
	}
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
