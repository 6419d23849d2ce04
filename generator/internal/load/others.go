package load

import (
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gathergen/gathergen/generator/internal/buildcfg"
	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/model"
	"golang.org/x/tools/go/packages"
)

// otherFile is a file of a loaded package that the run's configuration
// leaves out and that holds directives, with its constraint.
type otherFile struct {
	pkg        *packages.Package
	name       string
	constraint string
}

// otherFiles returns the files of each loaded package that the run's
// configuration leaves out and that hold directives: not test files, not
// gathergen's output, and of the package's own name (a //go:build ignore
// program is no part of it).
func otherFiles(pkgs []*packages.Package) []otherFile {
	var others []otherFile
	for _, pkg := range pkgs {
		for _, name := range pkg.IgnoredFiles {
			if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			src, err := os.ReadFile(name)
			if err != nil || model.IsOwnOutput(src) || !bytes.Contains(src, []byte("//"+directive.ToolName+":")) {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly|parser.ParseComments)
			if err != nil || pkg.Name != "" && f.Name.Name != pkg.Name {
				continue
			}
			others = append(others, otherFile{pkg: pkg, name: name, constraint: buildcfg.FileConstraint(f, name)})
		}
	}
	return others
}

// Loaded is what one load in another configuration found: its packages,
// the loader that loaded them, and the files of each whose directives it
// answers for.
type Loaded struct {
	Loader   *Loader
	Packages []*packages.Package
	// Owned holds, by package path, the names of the files that the run's
	// configuration leaves out and that this one builds.
	Owned map[string]map[string]bool
}

// Others loads, for each configuration that the left-out files with
// directives need, the packages that hold them, one load per
// configuration, in the order of the configurations' keys. Each package
// answers for the directives of those files only. Files that no
// configuration builds are problems.
func Others(cfg Config, l *Loader, pkgs []*packages.Package) ([]Loaded, []model.Diagnostic, error) {
	others := otherFiles(pkgs)
	if len(others) == 0 {
		return nil, nil, nil
	}
	current := cfg.BuildContext()
	base := buildcfg.BuildConfig{Goos: current.GOOS, Goarch: current.GOARCH, Cgo: current.CgoEnabled, Tags: current.BuildTags}
	ports := buildcfg.KnownPorts(cfg.Dir, cfg.Env)
	byConfig := map[string][]otherFile{}
	configs := map[string]buildcfg.BuildConfig{}
	var diags []model.Diagnostic
	for _, o := range others {
		c, ok := buildcfg.Satisfy(buildcfg.ParseConstraint(o.constraint), base, ports)
		if !ok {
			diags = append(diags, model.Diagnostic{
				Pos:     token.Position{Filename: o.name, Line: 1, Column: 1},
				Message: "no configuration builds this file (" + buildcfg.DescribeConstraint(o.constraint) + "), so its directives cannot be generated: fix its build constraint",
			})
			continue
		}
		byConfig[c.Key()] = append(byConfig[c.Key()], o)
		configs[c.Key()] = c
	}
	keys := make([]string, 0, len(configs))
	for k := range configs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var loads []Loaded
	for _, k := range keys {
		ld, problems, err := loadConfig(cfg, l, configs[k], byConfig[k])
		if err != nil {
			return nil, nil, err
		}
		loads = append(loads, ld)
		diags = append(diags, problems...)
	}
	return loads, diags, nil
}

// loadConfig loads the packages of files in configuration c, each owning
// the files of its package among files.
func loadConfig(cfg Config, l *Loader, c buildcfg.BuildConfig, files []otherFile) (Loaded, []model.Diagnostic, error) {
	sub := cfg
	env := cfg.Env
	if env == nil {
		env = os.Environ()
	}
	sub.Env = append(slices.Clone(env), "GOFLAGS="+withoutTags(env),
		"GOOS="+c.Goos, "GOARCH="+c.Goarch, "CGO_ENABLED="+map[bool]string{true: "1", false: "0"}[c.Cgo])
	sub.Tags = c.Tags
	sub.Patterns = nil
	owned := map[string]map[string]bool{}
	for _, f := range files {
		if owned[f.pkg.PkgPath] == nil {
			owned[f.pkg.PkgPath] = map[string]bool{}
			sub.Patterns = append(sub.Patterns, f.pkg.PkgPath)
		}
		owned[f.pkg.PkgPath][f.name] = true
	}
	sl := &Loader{Output: l.Output, ActivityOutput: l.ActivityOutput, Build: sub.BuildContext()}
	pkgs, err := sl.Load(sub)
	if err != nil {
		return Loaded{}, nil, err
	}
	loadedFiles := map[string]bool{}
	for _, pkg := range pkgs {
		for _, name := range pkg.GoFiles {
			loadedFiles[name] = true
		}
	}
	var diags []model.Diagnostic
	for _, f := range files {
		if !loadedFiles[f.name] {
			diags = append(diags, model.Diagnostic{
				Pos:     token.Position{Filename: f.name, Line: 1, Column: 1},
				Message: fmt.Sprintf("the go command left this file out of the configuration that its constraint (%s) asks for (GOOS=%s GOARCH=%s, tags %q): its directives were not read", f.constraint, c.Goos, c.Goarch, strings.Join(c.Tags, ",")),
			})
		}
	}
	return Loaded{Loader: sl, Packages: pkgs, Owned: owned}, diags, nil
}

// withoutTags returns the GOFLAGS of an environment without its -tags
// flag: a configuration's tags are its own.
func withoutTags(env []string) string {
	var goflags string
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "GOFLAGS="); ok {
			goflags = v
		}
	}
	kept := slices.DeleteFunc(strings.Fields(goflags), func(flag string) bool {
		name, _, _ := strings.Cut(strings.TrimLeft(flag, "-"), "=")
		return name == "tags"
	})
	return strings.Join(kept, " ")
}

// SourceDir returns the folder of a package's files, those that the run's
// configuration leaves out included.
func SourceDir(pkg *packages.Package) string {
	for _, names := range [][]string{pkg.GoFiles, pkg.IgnoredFiles} {
		if len(names) > 0 {
			return filepath.Dir(names[0])
		}
	}
	return ""
}
