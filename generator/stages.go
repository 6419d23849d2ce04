package generator

import (
	"fmt"
	"go/parser"
	"go/token"
	goruntime "runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/load"
	"github.com/gathergen/gathergen/generator/internal/model"
	"github.com/gathergen/gathergen/generator/internal/output"
	"github.com/gathergen/gathergen/generator/internal/resolve"
	"golang.org/x/tools/go/packages"
)

// run runs the stages in order: load, read the directives, load what they
// need besides (the packages that the loaded ones use the wrappers of, the
// files of other configurations, the packages that directives name),
// resolve, then plan and emit the files.
func run(cfg load.Config) ([]output.File, []model.Diagnostic, error) {
	if err := CheckOutput(cfg.OutputName()); err != nil {
		return nil, nil, fmt.Errorf("output %v", err)
	}
	if err := CheckOutput(cfg.ActivityOutputName()); err != nil {
		return nil, nil, fmt.Errorf("activity output %v", err)
	}
	if cfg.OutputName() == cfg.ActivityOutputName() {
		return nil, nil, fmt.Errorf("output and activity output are both %s: activities go to a file of their own", cfg.OutputName())
	}
	l := &load.Loader{Output: cfg.OutputName(), ActivityOutput: cfg.ActivityOutputName(), Build: cfg.BuildContext()}
	pkgs, err := l.Load(cfg)
	if err != nil || !slices.ContainsFunc(pkgs, func(p *packages.Package) bool { return len(p.Errors) == 0 }) {
		if nm := cfg.NotModule(); nm != nil {
			return nil, nil, nm
		}
	}
	if err != nil {
		return nil, nil, err
	}
	if len(pkgs) == 0 {
		return nil, nil, fmt.Errorf("no packages match %q", cfg.LoadPatterns())
	}
	analyzers := scanAll(pkgs, l)
	if err := scanImported(cfg, analyzers); err != nil {
		return nil, nil, err
	}
	others, diags, err := scanOthers(cfg, l, pkgs, analyzers[0].Loaded)
	if err != nil {
		return nil, nil, err
	}
	for _, a := range others {
		for _, main := range analyzers {
			main.HasOthers = main.HasOthers || main.Pkg.PkgPath == a.Pkg.PkgPath
		}
	}
	all := append(analyzers, others...)
	if err := loadExtra(cfg, all); err != nil {
		return nil, nil, err
	}
	resolved := resolveAll(all)
	buildable := buildableIn(cfg)
	var files []output.File
	for _, o := range planAll(cfg.OutputName(), cfg.ActivityOutputName(), collectParts(all, resolved), buildable) {
		diags = append(diags, o.diags...)
		files = append(files, o.files...)
	}
	cfg.InMainModules(diags)
	return files, sortDiagnostics(diags), nil
}

// scanAll reads the directives of every package before any is analysed, so
// that each knows the names that the others will generate: code may call
// another package's wrapper before its first generation too.
func scanAll(pkgs []*packages.Package, l *load.Loader) []*resolve.Analyzer {
	all := map[string]map[string]bool{}
	analyzers := make([]*resolve.Analyzer, len(pkgs))
	for i, pkg := range pkgs {
		analyzers[i] = resolve.NewAnalyzer(pkg, l, all)
		analyzers[i].ScanFiles()
		all[pkg.PkgPath] = analyzers[i].Scan.Candidates
	}
	return analyzers
}

// scanOthers loads the files that the run's configuration leaves out and
// that hold directives, in configurations that build them (see
// load.Others), and reads their directives: each analyzer owns the
// directives of those files only.
func scanOthers(cfg load.Config, l *load.Loader, pkgs []*packages.Package, loaded map[string]map[string]bool) ([]*resolve.Analyzer, []model.Diagnostic, error) {
	loads, diags, err := load.Others(cfg, l, pkgs)
	if err != nil {
		return nil, nil, err
	}
	var analyzers []*resolve.Analyzer
	for _, ld := range loads {
		for _, pkg := range ld.Packages {
			a := resolve.NewAnalyzer(pkg, ld.Loader, loaded)
			a.Owned = ld.Owned[pkg.PkgPath]
			a.ScanFiles()
			analyzers = append(analyzers, a)
		}
	}
	return analyzers, diags, nil
}

// loadExtra loads, in one packages.Load, the packages that the directives
// of the analyzers name but that their packages do not import, and hands
// them to every analyzer.
func loadExtra(cfg load.Config, analyzers []*resolve.Analyzer) error {
	var paths []string
	for _, a := range analyzers {
		for _, path := range resolve.MissingPackages(a) {
			if !slices.Contains(paths, path) {
				paths = append(paths, path)
			}
		}
	}
	extra, err := load.Extra(cfg, paths)
	if err != nil || extra == nil {
		return err
	}
	for _, a := range analyzers {
		a.Extra = extra
	}
	return nil
}

// outcome is what output.PlanFiles returns for one package.
type outcome struct {
	files []output.File
	diags []model.Diagnostic
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

// resolveAll resolves every scanned package in every configuration: once
// all are scanned, they share only what no one writes any more.
func resolveAll(analyzers []*resolve.Analyzer) []*model.Resolved {
	resolved := make([]*model.Resolved, len(analyzers))
	parallel(len(analyzers), func(i int) { resolved[i] = analyzers[i].Resolve() })
	return resolved
}

// collectParts gathers what resolving found of each package, in the order
// of its first analyzer: the run's configuration's comes first.
func collectParts(analyzers []*resolve.Analyzer, resolved []*model.Resolved) []output.PackageParts {
	var parts []output.PackageParts
	index := map[string]int{}
	for i, a := range analyzers {
		j, ok := index[a.Pkg.PkgPath]
		if !ok {
			j = len(parts)
			index[a.Pkg.PkgPath] = j
			parts = append(parts, output.PackageParts{Dir: load.SourceDir(a.Pkg)})
			if a.Pkg.Module != nil {
				parts[j].GoVersion = a.Pkg.Module.GoVersion
			}
		}
		parts[j].Resolved = append(parts[j].Resolved, resolved[i])
	}
	return parts
}

// planAll renders the files of every package, on as many goroutines as the
// program may run at once.
func planAll(gatherOutput, activityOutput string, parts []output.PackageParts, buildable func(string) bool) []outcome {
	out := make([]outcome, len(parts))
	parallel(len(parts), func(i int) {
		out[i].files, out[i].diags = output.PlanFiles(gatherOutput, activityOutput, parts[i], buildable)
	})
	return out
}

// scanImported scans, from syntax alone, the directives of the packages
// whose generated names the loaded packages use but that were not loaded
// themselves: go generate runs gathergen in one package at a time, and
// code may call the wrappers of a package that it generates later.
func scanImported(cfg load.Config, analyzers []*resolve.Analyzer) error {
	if len(analyzers) == 0 {
		return nil
	}
	loaded := analyzers[0].Loaded
	var paths []string
	for _, a := range analyzers {
		for _, path := range resolve.SuspectImports(a) {
			if _, ok := loaded[path]; !ok {
				loaded[path] = nil
				paths = append(paths, path)
			}
		}
	}
	pkgs, err := load.Names(cfg, paths)
	if err != nil {
		return err
	}
	for _, pkg := range pkgs {
		loaded[pkg.PkgPath] = scanSyntax(pkg)
	}
	return nil
}

// scanSyntax returns the names that a package's directives would generate,
// parsing its files for their comments and declarations only.
func scanSyntax(pkg *packages.Package) map[string]bool {
	s := directive.NewScan()
	fset := token.NewFileSet()
	for _, name := range pkg.GoFiles {
		const mode = parser.ParseComments | parser.SkipObjectResolution
		if f, err := parser.ParseFile(fset, name, nil, mode); err == nil {
			s.File(f)
		}
	}
	return s.Candidates
}
