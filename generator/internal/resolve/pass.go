package resolve

import (
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"

	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/load"
	"github.com/gathergen/gathergen/generator/internal/model"
	"golang.org/x/tools/go/packages"
)

// Analyzer checks the directives of one package against its types and builds
// its model, collecting every problem on the way.
type Analyzer struct {
	Pkg   *packages.Package
	l     *load.Loader
	Diags []model.Diagnostic
	// Scan holds the directives of the package's files, read by
	// ScanFiles.
	Scan *directive.Scan
	// Loaded holds the candidates of every loaded package, by path.
	Loaded map[string]map[string]bool
	// rejected holds the functions whose async directives have problems.
	rejected map[*types.Func]bool
	// lens holds the length expressions of the package's array types,
	// once analysis starts.
	lens *model.Lengths
	// Extra holds, by path, the packages that directives name and that
	// no package imports, loaded for them (see loadExtra).
	Extra map[string]*types.Package
	// Owned holds the files whose directives the analyzer writes, by
	// name; nil for all (the load of the run's own configuration).
	Owned map[string]bool
	// GroupDiags holds the problems of each group, by its key: a group
	// that another configuration resolves has none.
	GroupDiags map[string][]model.Diagnostic
	// Partial holds, by key, the elements of each group that the analyzer
	// could not resolve whole (nil for those it could not).
	Partial map[string][]*model.Wrapper
	// HasOthers reports whether files that the run's configuration leaves
	// out of the package hold directives, which other analyzers check.
	HasOthers bool
}

// NewAnalyzer returns an analyzer for pkg, one of the loaded packages whose
// candidates loaded holds by path.
func NewAnalyzer(pkg *packages.Package, l *load.Loader, loaded map[string]map[string]bool) *Analyzer {
	return &Analyzer{Pkg: pkg, l: l, Scan: directive.NewScan(), Loaded: loaded, rejected: map[*types.Func]bool{}, GroupDiags: map[string][]model.Diagnostic{}, Partial: map[string][]*model.Wrapper{}}
}

// Report records a problem at pos.
func (a *Analyzer) Report(pos token.Pos, format string, args ...any) {
	a.Diags = append(a.Diags, model.Diagnostic{Pos: a.Pkg.Fset.Position(pos), Message: fmt.Sprintf(format, args...)})
}

// where formats a position for a message: file name, line and column.
func (a *Analyzer) where(pos token.Pos) string {
	p := a.Pkg.Fset.Position(pos)
	p.Filename = filepath.Base(p.Filename)
	return p.String()
}

// unitOf returns what a declaration asked for by a directive carries to
// its file, given the constraint under which it builds.
func (a *Analyzer) unitOf(f directive.Found, constraint string) model.Unit {
	name := a.Pkg.Fset.Position(f.File.Package).Filename
	return model.Unit{Constraint: constraint, Owned: a.Owned == nil || a.Owned[name], Pkg: a.Pkg.Types, Lens: a.lens}
}

// Dir returns the package's folder.
func (a *Analyzer) Dir() string {
	if len(a.Pkg.GoFiles) > 0 {
		return filepath.Dir(a.Pkg.GoFiles[0])
	}
	return ""
}
