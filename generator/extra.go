package generator

import (
	"go/ast"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Directives may name packages that no file of the package imports
// (//gathergen:async errors.Join, net/http.Get): an import that only a
// directive used would be unused, which the compiler refuses and editors
// delete. After the load of the named packages, loadExtra loads those
// packages alone, from export data, in one more packages.Load, and only
// when some directive needs one: a package whose directives name imported
// packages only costs nothing more.

// extraMode asks for the types of the extra packages only, which come from
// export data.
const extraMode = packages.NeedName | packages.NeedTypes

// loadExtra loads, in one packages.Load, the packages that the directives
// of the analyzers name but that their packages do not import, and hands
// them to every analyzer.
func loadExtra(cfg Config, l *loader, analyzers []*analyzer) error {
	var paths []string
	for _, a := range analyzers {
		for _, path := range a.missingPackages() {
			if !slices.Contains(paths, path) {
				paths = append(paths, path)
			}
		}
	}
	if len(paths) == 0 {
		return nil
	}
	pc := &packages.Config{Mode: extraMode, Dir: cfg.Dir, Env: cfg.Env}
	if len(cfg.Tags) > 0 {
		pc.BuildFlags = []string{"-tags=" + strings.Join(cfg.Tags, ",")}
	}
	pkgs, err := packages.Load(pc, paths...)
	if err != nil {
		return err
	}
	extra := map[string]*types.Package{}
	for _, pkg := range pkgs {
		if pkg.Types != nil && len(pkg.Errors) == 0 {
			extra[pkg.PkgPath] = pkg.Types
		}
	}
	for _, a := range analyzers {
		a.extra = extra
	}
	return nil
}

// missingPackages returns the import paths of the packages that the
// directives of the package name and that it does not import.
func (a *analyzer) missingPackages() []string {
	if a.pkg.Types == nil || a.pkg.TypesInfo == nil {
		return nil
	}
	var paths []string
	for _, f := range a.found {
		var targets []target
		switch {
		case f.d.async != nil && f.d.async.t.name != "":
			targets = append(targets, f.d.async.t)
		case f.d.activity != nil && f.d.activity.t.name != "":
			targets = append(targets, f.d.activity.t)
		case f.d.gather != nil:
			for _, e := range f.d.gather.elems {
				if t, msg := parseTarget(e.text); msg == "" {
					targets = append(targets, t)
				}
			}
		}
		for _, t := range targets {
			if path := a.missingPackage(f.file, t); path != "" {
				paths = append(paths, path)
			}
		}
	}
	return paths
}

// missingPackage returns the import path of the package that a target in
// file names if the package does not import it, or "". The qualifier of
// T.M names a package, or a type of this package; that of P.T.M (or of
// P.T.M with a dot in P's last element, such as example.com/x.T.M) a
// package and a type: a qualifier whose part after its last dot is an
// exported name is taken as PKG.TYPE (http.Client, not the path
// "http.Client"), so that no path that cannot be a package's is looked up.
func (a *analyzer) missingPackage(file *ast.File, t target) string {
	if a.localType(t.qual) != nil {
		return ""
	}
	pkgPart := t.qual
	if head, tail, ok := splitQualified(t.qual); ok && !strings.Contains(tail, "/") && (t.method || token.IsExported(tail)) {
		pkgPart = head
	} else if t.method {
		return "" // a type of this package that does not exist
	}
	if pkg, _ := a.lookupPackage(file, pkgPart); pkg != nil {
		return ""
	}
	if token.IsIdentifier(pkgPart) {
		if paths := a.l.stdNamed(pkgPart); len(paths) == 1 {
			return paths[0]
		}
		return ""
	}
	switch {
	case isStd(pkgPart) && !a.l.isStdPackage(pkgPart), !strings.Contains(pkgPart, "/"):
		return "" // no package, or no path of a module's package
	case pkgPart == a.pkg.PkgPath || !canImport(a.pkg.PkgPath, pkgPart):
		return "" // reported as what it is
	}
	return pkgPart
}

// localType returns this package's type named name, or nil.
func (a *analyzer) localType(name string) *types.TypeName {
	tn, _ := a.pkg.Types.Scope().Lookup(name).(*types.TypeName)
	return tn
}

// lookupPackage finds the package that a directive in file names: by its
// name as the file imports it, by the import path of a package that the
// package imports, or among the packages loaded for directives alone, by
// path or, for a bare name, as the standard library's one package of that
// name. For a bare name that several packages of the standard library
// have, it returns their paths instead.
func (a *analyzer) lookupPackage(file *ast.File, name string) (*types.Package, []string) {
	for _, spec := range file.Imports {
		if pn := a.pkg.TypesInfo.PkgNameOf(spec); pn != nil && pn.Name() == name {
			return pn.Imported(), nil
		}
	}
	if pkg := a.importedPackage(name); pkg != nil {
		return pkg, nil
	}
	if pkg := a.extra[name]; pkg != nil {
		return pkg, nil
	}
	if !token.IsIdentifier(name) || a.l == nil {
		return nil, nil
	}
	switch paths := a.l.stdNamed(name); len(paths) {
	case 0:
		return nil, nil
	case 1:
		return a.extra[paths[0]], nil
	default:
		return nil, paths
	}
}

// stdNamed returns the import paths of the standard library's packages
// whose name is name (math/rand/v2 is rand), sorted; none without a
// GOROOT. The standard library is read once, when first needed.
func (l *loader) stdNamed(name string) []string {
	l.stdOnce.Do(func() { l.std = stdPackages(l.build.GOROOT) })
	return l.std[name]
}

// stdPackages maps each package name of the standard library under goroot
// to the import paths of its packages that code outside it may import (not
// internal, vendor or cmd), by the last element of their path.
func stdPackages(goroot string) map[string][]string {
	byName := map[string][]string{}
	if goroot == "" {
		return byName
	}
	src := filepath.Join(goroot, "src")
	filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(src, path)
		rel = filepath.ToSlash(rel)
		switch base := d.Name(); {
		case rel == ".":
			return nil
		case base == "internal" || base == "vendor" || base == "testdata" || rel == "cmd" || rel == "builtin" ||
			strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_"):
			return filepath.SkipDir
		}
		if hasGoFiles(path) {
			name := filepath.Base(rel)
			if dir := filepath.Dir(rel); dir != "." && isMajorVersion(name) {
				name = filepath.Base(dir)
			}
			byName[name] = append(byName[name], rel)
		}
		return nil
	})
	for _, paths := range byName {
		slices.Sort(paths)
	}
	return byName
}

// hasGoFiles reports whether a folder holds a Go file other than a test.
func hasGoFiles(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if name := e.Name(); !e.IsDir() && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			return true
		}
	}
	return false
}
