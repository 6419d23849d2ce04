package generator

import (
	"bytes"
	"fmt"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Files that the run's configuration (GOOS, GOARCH, cgo and tags) leaves
// out of a package may hold directives too: x_windows.go on Linux, a
// //go:build integration file without that tag. Each such file is loaded
// and type-checked in a configuration that includes it (buildConfig), found
// from its constraint (satisfy), with one more packages.Load per distinct
// configuration, for all the packages that need it. A package none of whose
// left-out files holds a directive costs nothing more: the load lists those
// files anyway (IgnoredFiles), and each is read once, for its directives.

// buildConfig is a configuration that the go command can load packages for.
type buildConfig struct {
	goos, goarch string
	cgo          bool
	// tags are the build tags that hold, sorted.
	tags []string
}

// key identifies a configuration, for grouping.
func (c buildConfig) key() string {
	return c.goos + "/" + c.goarch + "/" + strings.Join(c.tags, ",") + "/" + map[bool]string{true: "cgo", false: ""}[c.cgo]
}

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
			if err != nil || isOwnOutput(src) || !bytes.Contains(src, []byte("//"+toolName+":")) {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly|parser.ParseComments)
			if err != nil || pkg.Name != "" && f.Name.Name != pkg.Name {
				continue
			}
			others = append(others, otherFile{pkg: pkg, name: name, constraint: fileConstraint(f, name)})
		}
	}
	return others
}

// loadOthers loads, for each configuration that the left-out files with
// directives need, the packages that hold them, and returns an analyzer for
// each, which owns the directives of those files only. Files that no
// configuration builds are problems.
func loadOthers(cfg Config, l *loader, pkgs []*packages.Package, loaded map[string]map[string]bool) ([]*analyzer, []Diagnostic, error) {
	others := otherFiles(pkgs)
	if len(others) == 0 {
		return nil, nil, nil
	}
	current := cfg.buildContext()
	base := buildConfig{goos: current.GOOS, goarch: current.GOARCH, cgo: current.CgoEnabled, tags: current.BuildTags}
	ports := knownPorts(cfg)
	byConfig := map[string][]otherFile{}
	configs := map[string]buildConfig{}
	var diags []Diagnostic
	for _, o := range others {
		c, ok := satisfy(parseConstraint(o.constraint), base, ports)
		if !ok {
			diags = append(diags, Diagnostic{
				Pos:     token.Position{Filename: o.name, Line: 1, Column: 1},
				Message: "no configuration builds this file (" + describeConstraint(o.constraint) + "), so its directives cannot be generated: fix its build constraint",
			})
			continue
		}
		byConfig[c.key()] = append(byConfig[c.key()], o)
		configs[c.key()] = c
	}
	keys := make([]string, 0, len(configs))
	for k := range configs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var analyzers []*analyzer
	for _, k := range keys {
		as, problems, err := loadConfig(cfg, l, configs[k], byConfig[k], loaded)
		if err != nil {
			return nil, nil, err
		}
		analyzers = append(analyzers, as...)
		diags = append(diags, problems...)
	}
	return analyzers, diags, nil
}

// loadConfig loads the packages of files in configuration c and returns
// their analyzers, each owning the files of its package among files.
func loadConfig(cfg Config, l *loader, c buildConfig, files []otherFile, loaded map[string]map[string]bool) ([]*analyzer, []Diagnostic, error) {
	sub := cfg
	env := cfg.Env
	if env == nil {
		env = os.Environ()
	}
	sub.Env = append(slices.Clone(env), "GOFLAGS="+withoutTags(env),
		"GOOS="+c.goos, "GOARCH="+c.goarch, "CGO_ENABLED="+map[bool]string{true: "1", false: "0"}[c.cgo])
	sub.Tags = c.tags
	sub.Patterns = nil
	owned := map[string]map[string]bool{}
	for _, f := range files {
		if owned[f.pkg.PkgPath] == nil {
			owned[f.pkg.PkgPath] = map[string]bool{}
			sub.Patterns = append(sub.Patterns, f.pkg.PkgPath)
		}
		owned[f.pkg.PkgPath][f.name] = true
	}
	sl := &loader{output: l.output, activityOutput: l.activityOutput, build: sub.buildContext()}
	pkgs, err := sl.load(sub)
	if err != nil {
		return nil, nil, err
	}
	var analyzers []*analyzer
	loadedFiles := map[string]bool{}
	for _, pkg := range pkgs {
		a := newAnalyzer(pkg, sl, loaded)
		a.owned = owned[pkg.PkgPath]
		a.scanFiles()
		analyzers = append(analyzers, a)
		for _, name := range pkg.GoFiles {
			loadedFiles[name] = true
		}
	}
	var diags []Diagnostic
	for _, f := range files {
		if !loadedFiles[f.name] {
			diags = append(diags, Diagnostic{
				Pos:     token.Position{Filename: f.name, Line: 1, Column: 1},
				Message: fmt.Sprintf("the go command left this file out of the configuration that its constraint (%s) asks for (GOOS=%s GOARCH=%s, tags %q): its directives were not read", f.constraint, c.goos, c.goarch, strings.Join(c.tags, ",")),
			})
		}
	}
	return analyzers, diags, nil
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

// knownPorts returns the GOOS/GOARCH pairs that the go command can build
// for, or, when it cannot tell, the common ones.
func knownPorts(cfg Config) []string {
	cmd := exec.Command("go", "tool", "dist", "list")
	cmd.Dir, cmd.Env = cfg.Dir, cfg.Env
	if out, err := cmd.Output(); err == nil {
		return strings.Fields(string(out))
	}
	return strings.Fields("linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64 " +
		"freebsd/amd64 openbsd/amd64 netbsd/amd64 dragonfly/amd64 solaris/amd64 illumos/amd64 aix/ppc64 " +
		"android/arm64 ios/arm64 plan9/amd64 js/wasm wasip1/wasm")
}

// unixOS are the GOOS values that the unix tag matches.
var unixOS = strings.Fields("aix android darwin dragonfly freebsd hurd illumos ios linux netbsd openbsd solaris")

// satisfy finds a configuration in which x holds: the current one where it
// can, then one that changes as little as it can: the platform (the
// current one first, then those that x names, among the ports the go
// command knows), cgo, and the tags that x names. Release tags (go1.N) are
// the toolchain's and cannot change. It reports false when none holds.
func satisfy(x constraint.Expr, current buildConfig, ports []string) (buildConfig, bool) {
	var named []string // tags of x that a configuration may set
	note := func(tag string) bool {
		if !slices.Contains(named, tag) && !isPlatformTag(tag) && !isReleaseTag(tag) && tag != "cgo" {
			named = append(named, tag)
		}
		return false
	}
	evalConstraint(x, note)
	if len(named) > 12 {
		return buildConfig{}, false
	}
	for _, port := range orderedPorts(x, current, ports) {
		goos, goarch, _ := strings.Cut(port, "/")
		for _, cgo := range []bool{current.cgo, !current.cgo} {
			for bits := range 1 << len(named) {
				c := buildConfig{goos: goos, goarch: goarch, cgo: cgo}
				set := map[string]bool{}
				for _, tag := range current.tags {
					set[tag] = true
				}
				for i, tag := range named {
					set[tag] = set[tag] != (bits&(1<<i) != 0)
				}
				for tag, on := range set {
					if on {
						c.tags = append(c.tags, tag)
					}
				}
				slices.Sort(c.tags)
				if evalConstraint(x, c.holds) {
					return c, true
				}
			}
		}
	}
	return buildConfig{}, false
}

// orderedPorts lists the ports to try: the current one; those whose GOOS
// or GOARCH x names, the current GOOS first; this machine's and the most
// common ones (whose standard library is most likely built already); then
// the rest, in the go command's order.
func orderedPorts(x constraint.Expr, current buildConfig, ports []string) []string {
	var mentioned []string
	evalConstraint(x, func(tag string) bool {
		mentioned = append(mentioned, tag)
		return false
	})
	common := []string{goruntime.GOOS + "/" + goruntime.GOARCH, "linux/amd64", "linux/arm64", "darwin/arm64", "windows/amd64"}
	score := func(port string) int {
		goos, goarch, _ := strings.Cut(port, "/")
		named := slices.Contains(mentioned, goos) || slices.Contains(mentioned, goarch)
		switch {
		case goos == current.goos && goarch == current.goarch:
			return 0
		case named && goos == current.goos:
			return 1
		case named:
			return 2
		case slices.Contains(common, port):
			return 3 + slices.Index(common, port)
		}
		return 3 + len(common)
	}
	order := slices.Clone(ports)
	if !slices.Contains(order, current.goos+"/"+current.goarch) {
		order = append([]string{current.goos + "/" + current.goarch}, order...)
	}
	slices.SortStableFunc(order, func(a, b string) int { return score(a) - score(b) })
	return order
}

// holds reports whether a build tag holds in c, as the go command has it.
func (c buildConfig) holds(tag string) bool {
	switch {
	case tag == c.goos || tag == c.goarch:
		return true
	case tag == "unix":
		return slices.Contains(unixOS, c.goos)
	case tag == "linux" && c.goos == "android", tag == "solaris" && c.goos == "illumos", tag == "darwin" && c.goos == "ios":
		return true
	case tag == "cgo":
		return c.cgo
	case tag == "gc":
		return true
	case isPlatformTag(tag):
		return false
	case isReleaseTag(tag):
		return toolchainRelease(tag)
	}
	return slices.Contains(c.tags, tag)
}

// isPlatformTag reports whether a tag names a GOOS or GOARCH, unix, or a
// compiler.
func isPlatformTag(tag string) bool {
	return slices.Contains(knownOS, tag) || slices.Contains(knownArch, tag) || tag == "unix" || tag == "gc" || tag == "gccgo"
}

// isReleaseTag reports whether a tag is a Go release tag: go1.N.
func isReleaseTag(tag string) bool {
	minor, ok := strings.CutPrefix(tag, "go1.")
	return ok && minor != "" && strings.Trim(minor, "0123456789") == ""
}

// toolchainRelease reports whether the toolchain that loads the packages
// satisfies a release tag.
func toolchainRelease(tag string) bool {
	return slices.Contains(buildDefaultReleaseTags(), tag)
}

// sourceDir returns the folder of a package's files, those that the run's
// configuration leaves out included.
func sourceDir(pkg *packages.Package) string {
	for _, names := range [][]string{pkg.GoFiles, pkg.IgnoredFiles} {
		if len(names) > 0 {
			return filepath.Dir(names[0])
		}
	}
	return ""
}
