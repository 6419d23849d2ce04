package resolve

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"

	"github.com/gathergen/gathergen/generator/internal/buildcfg"
)

// constraintOf returns the build constraint of the source file that f was
// parsed from. A file that imports "C" reaches the type checker as cgo
// rewrote it, without its import of "C", so the original's header is read
// again.
func constraintOf(a *Analyzer, f *ast.File) string {
	name := a.Pkg.Fset.Position(f.Package).Filename
	if rewrittenByCgo(a, f) {
		const mode = parser.ImportsOnly | parser.ParseComments
		if orig, err := parser.ParseFile(token.NewFileSet(), name, nil, mode); err == nil {
			f = orig
		}
	}
	return buildcfg.FileConstraint(f, name)
}

// rewrittenByCgo reports whether f is what cgo made of a file that imports
// "C": the file parsed is not one of the package's source files (whose
// positions lead back to one through line directives, as those of a file
// with a //line comment of its own may lead elsewhere).
func rewrittenByCgo(a *Analyzer, f *ast.File) bool {
	return !slices.Contains(a.Pkg.GoFiles, a.Pkg.Fset.File(f.Pos()).Name())
}
