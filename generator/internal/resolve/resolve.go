package resolve

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/model"
)

// ScanFiles finds the directives of the package's files, and reports those
// of its test files.
func (a *Analyzer) ScanFiles() {
	for _, f := range a.Pkg.Syntax {
		a.Scan.File(f)
	}
	a.Scan.TestFiles(a.Pkg.Fset, directive.TestFileNames(a.Dir()))
	for _, p := range a.Scan.Problems {
		a.Report(p.Pos, "%s", p.Msg)
	}
	foreignOutput(a)
}

// analyze returns the scanned package's model, or nil when the package has
// no directive or has problems.
func (a *Analyzer) analyze() *model.Model {
	if len(a.Scan.Found) == 0 {
		listErrors(a)
		return nil
	}
	if typeErrors(a) || a.Pkg.Types == nil {
		return nil
	}
	a.lens = arrayLengths(a.Pkg.TypesInfo, a.Pkg.Syntax)
	m := &model.Model{Pkg: a.Pkg.Types, Lens: a.lens}
	byFunc := map[wrapped]*model.Wrapper{}
	constraints := map[*ast.File]string{}
	for _, f := range a.Scan.Found {
		if _, ok := constraints[f.File]; !ok {
			constraints[f.File] = constraintOf(a, f.File)
		}
	}
	for _, f := range a.Scan.Found {
		if f.D.Async == nil {
			continue
		}
		if w := asyncWrapper(a, f); w != nil {
			w.Unit = a.unitOf(f, constraints[f.File])
			a.addWrapper(m, byFunc, w)
		}
	}
	activities(a, m, constraints)
	workflows(a, m, constraints)
	mapWorkflows(a, m)
	for _, f := range a.Scan.Found {
		if f.D.Gather == nil {
			continue
		}
		n := len(a.Diags)
		var g *model.Group
		ag, isActivity := activityGroup(a, f, m)
		if !isActivity {
			g = group(a, f, m.Wrappers)
		}
		key := a.Pkg.Fset.Position(f.D.Pos).String()
		if len(a.Diags) > n {
			a.GroupDiags[key] = slices.Clone(a.Diags[n:])
			a.Diags = a.Diags[:n]
		}
		if g != nil {
			g.Key, g.Unit = key, a.unitOf(f, model.GroupConstraint(constraints[f.File], g.Elems))
			m.Groups = append(m.Groups, g)
		}
		if ag != nil {
			ag.Key, ag.Unit = key, a.unitOf(f, model.GroupConstraint(constraints[f.File], ag.Wrappers()))
			m.ActivityGroups = append(m.ActivityGroups, ag)
		}
	}
	m.Reserved, m.TestNames = checkNames(a, m)
	return m
}

// groupNames returns the name of each group, by the key of its directive.
func (a *Analyzer) groupNames() map[string]string {
	names := map[string]string{}
	for _, f := range a.Scan.Found {
		if f.D.Gather != nil {
			key := a.Pkg.Fset.Position(f.D.Pos).String()
			if _, ok := names[key]; !ok {
				names[key] = f.D.Gather.Name.Text
			}
		}
	}
	return names
}

// Resolve resolves the scanned package's directives: its model, and every
// problem found.
func (a *Analyzer) Resolve() *model.Resolved {
	m := a.analyze()
	return &model.Resolved{Model: m, Diags: a.Diags, GroupDiags: a.GroupDiags, Partial: a.Partial, GroupNames: a.groupNames()}
}

// wrapped is what a wrapper wraps: a function, or a method of a type (a
// promoted method is one function of several types).
type wrapped struct {
	fn   *types.Func
	self *types.TypeName
}

// addWrapper adds w to the model unless what it wraps has a wrapper already.
func (a *Analyzer) addWrapper(m *model.Model, byFunc map[wrapped]*model.Wrapper, w *model.Wrapper) {
	if w == nil {
		return
	}
	k := wrapped{fn: w.Fn}
	if w.Self != nil {
		k.self = w.Self.Obj
	}
	if prev := byFunc[k]; prev != nil {
		a.Report(w.Pos, "%s already has a //gathergen:async directive at %s", w.Label, a.where(prev.Pos))
		return
	}
	byFunc[k] = w
	m.Wrappers = append(m.Wrappers, w)
}
