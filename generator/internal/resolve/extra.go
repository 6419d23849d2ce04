package resolve

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/goname"
)

// MissingPackages returns the import paths of the packages that the
// directives of the package name and that it does not import.
func MissingPackages(a *Analyzer) []string {
	if a.Pkg.Types == nil || a.Pkg.TypesInfo == nil {
		return nil
	}
	var paths []string
	for _, f := range a.Scan.Found {
		var targets []directive.Target
		switch {
		case f.D.Async != nil && f.D.Async.T.Name != "":
			targets = append(targets, f.D.Async.T)
		case f.D.Activity != nil && f.D.Activity.T.Name != "":
			targets = append(targets, f.D.Activity.T)
		case f.D.Gather != nil:
			for _, e := range f.D.Gather.Elems {
				if t, msg := directive.ParseTarget(e.Text); msg == "" {
					targets = append(targets, t)
				}
			}
		}
		for _, t := range targets {
			if path := missingPackage(a, f.File, t); path != "" {
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
func missingPackage(a *Analyzer, file *ast.File, t directive.Target) string {
	if localType(a, t.Qual) != nil {
		return ""
	}
	pkgPart := t.Qual
	if head, tail, ok := directive.SplitQualified(t.Qual); ok && !strings.Contains(tail, "/") && (t.Method || token.IsExported(tail)) {
		pkgPart = head
	} else if t.Method {
		return "" // a type of this package that does not exist
	}
	if pkg, _ := lookupPackage(a, file, pkgPart); pkg != nil {
		return ""
	}
	if token.IsIdentifier(pkgPart) {
		if paths := a.l.StdNamed(pkgPart); len(paths) == 1 {
			return paths[0]
		}
		return ""
	}
	switch {
	case goname.IsStd(pkgPart) && !a.l.IsStdPackage(pkgPart), !strings.Contains(pkgPart, "/"):
		return "" // no package, or no path of a module's package
	case pkgPart == a.Pkg.PkgPath || !goname.CanImport(a.Pkg.PkgPath, pkgPart):
		return "" // reported as what it is
	}
	return pkgPart
}

// localType returns this package's type named name, or nil.
func localType(a *Analyzer, name string) *types.TypeName {
	tn, _ := a.Pkg.Types.Scope().Lookup(name).(*types.TypeName)
	return tn
}

// lookupPackage finds the package that a directive in file names: by its
// name as the file imports it, by the import path of a package that the
// package imports, or among the packages loaded for directives alone, by
// path or, for a bare name, as the standard library's one package of that
// name. For a bare name that several packages of the standard library
// have, it returns their paths instead.
func lookupPackage(a *Analyzer, file *ast.File, name string) (*types.Package, []string) {
	for _, spec := range file.Imports {
		if pn := a.Pkg.TypesInfo.PkgNameOf(spec); pn != nil && pn.Name() == name {
			return pn.Imported(), nil
		}
	}
	if pkg := importedPackage(a, name); pkg != nil {
		return pkg, nil
	}
	if pkg := a.Extra[name]; pkg != nil {
		return pkg, nil
	}
	if !token.IsIdentifier(name) || a.l == nil {
		return nil, nil
	}
	switch paths := a.l.StdNamed(name); len(paths) {
	case 0:
		return nil, nil
	case 1:
		return a.Extra[paths[0]], nil
	default:
		return nil, paths
	}
}
