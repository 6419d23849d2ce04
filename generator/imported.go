package generator

import (
	"go/parser"
	"go/token"
	"strings"

	"golang.org/x/tools/go/packages"
)

// scanImported scans, from syntax alone, the directives of the packages
// whose generated names the loaded packages use but that were not loaded
// themselves: go generate runs gathergen in one package at a time, and
// code may call the wrappers of a package that it generates later.
func scanImported(cfg Config, analyzers []*analyzer) error {
	if len(analyzers) == 0 {
		return nil
	}
	loaded := analyzers[0].loaded
	var paths []string
	for _, a := range analyzers {
		for _, path := range a.suspectImports() {
			if _, ok := loaded[path]; !ok {
				loaded[path] = nil
				paths = append(paths, path)
			}
		}
	}
	if len(paths) == 0 {
		return nil
	}
	pc := &packages.Config{Mode: packages.NeedName | packages.NeedFiles, Dir: cfg.Dir, Env: cfg.Env}
	if len(cfg.Tags) > 0 {
		pc.BuildFlags = []string{"-tags=" + strings.Join(cfg.Tags, ",")}
	}
	pkgs, err := packages.Load(pc, paths...)
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
	a := newAnalyzer(&packages.Package{PkgPath: pkg.PkgPath, Fset: token.NewFileSet()}, nil, nil)
	for _, name := range pkg.GoFiles {
		const mode = parser.ParseComments | parser.SkipObjectResolution
		if f, err := parser.ParseFile(a.pkg.Fset, name, nil, mode); err == nil {
			a.scan(f)
		}
	}
	return a.candidates
}

// suspectImports returns the import paths that the package's type errors
// about undefined names may come from: the package named by "undefined:
// q.F", and every imported package outside the standard library of a file
// with "x.M undefined (type T has no field or method M)".
func (a *analyzer) suspectImports() []string {
	var paths []string
	for _, e := range a.pkg.Errors {
		if e.Kind != packages.TypeError {
			continue
		}
		qual := ""
		if name, ok := strings.CutPrefix(e.Msg, "undefined: "); ok {
			qual, _, _ = splitQualified(name)
		}
		method := strings.Contains(e.Msg, "has no field or method ")
		if qual != "" || method {
			paths = append(paths, a.importsOf(parsePos(e.Pos).Filename, qual, method)...)
		}
	}
	return paths
}

// importsOf returns the import paths of a file of the package: the one it
// imports as qual, and, when all is set, every one outside the standard
// library.
func (a *analyzer) importsOf(filename, qual string, all bool) []string {
	var paths []string
	for _, f := range a.pkg.Syntax {
		if a.pkg.TypesInfo == nil || a.pkg.Fset.Position(f.Package).Filename != filename {
			continue
		}
		for _, spec := range f.Imports {
			pn := a.pkg.TypesInfo.PkgNameOf(spec)
			if pn != nil && (pn.Name() == qual || all && !isStd(pn.Imported().Path())) {
				paths = append(paths, pn.Imported().Path())
			}
		}
	}
	return paths
}
