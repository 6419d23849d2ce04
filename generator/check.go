package generator

import (
	"go/ast"
	"go/token"
	"go/types"
)

// declared is a name that generated code declares, and the directive that
// asks for it.
type declared struct {
	name string
	pos  token.Pos
	// recv is the receiver's type of a generated method, or nil.
	recv *types.TypeName
}

// checkNames reports generated names that are declared twice or that
// collide with a declaration of the package, and returns every top-level
// name of the package, declared and generated.
func (a *analyzer) checkNames(m *model) map[string]bool {
	type key struct {
		recv *types.TypeName
		name string
	}
	seen := map[key]token.Pos{}
	for _, d := range generatedNames(m) {
		k := key{d.recv, d.name}
		if prev, ok := seen[k]; ok {
			a.report(d.pos, "duplicate name %s: the directive at %s generates it too", d.name, a.where(prev))
			continue
		}
		seen[k] = d.pos
		a.checkCollision(d)
	}
	reserved := map[string]bool{}
	for _, name := range m.pkg.Scope().Names() {
		reserved[name] = true
	}
	for k := range seen {
		if k.recv == nil {
			reserved[k.name] = true
		}
	}
	return reserved
}

// generatedNames lists what the model declares.
func generatedNames(m *model) []declared {
	var names []declared
	for _, w := range m.wrappers {
		names = append(names, declared{name: w.name, pos: w.pos, recv: w.recv})
		if w.structName != "" {
			names = append(names, declared{name: w.structName, pos: w.pos})
		}
	}
	for _, g := range m.groups {
		names = append(names, declared{name: g.name, pos: g.pos})
	}
	return names
}

// checkCollision reports a generated name that the package declares already.
func (a *analyzer) checkCollision(d declared) {
	if d.recv == nil {
		a.checkTopLevel(d)
		return
	}
	obj, index, _ := types.LookupFieldOrMethod(d.recv.Type(), true, a.pkg.Types, d.name)
	switch {
	case obj == nil:
	case len(index) == 1:
		a.report(d.pos, "%s collides with the %s %s.%s declared at %s", d.name, kindOf(obj), d.recv.Name(), d.name, a.where(obj.Pos()))
	default:
		a.report(d.pos, "%s would shadow the %s %s that an embedded field promotes to %s (declared at %s)", d.name, kindOf(obj), d.name, d.recv.Name(), a.where(obj.Pos()))
	}
}

// checkTopLevel reports a generated top-level name that the package
// declares, that a file of the package imports (a package name, or a name
// that a dot import brings in), or that is predeclared: each would stop the
// package from compiling or change what its code means.
func (a *analyzer) checkTopLevel(d declared) {
	if obj := a.pkg.Types.Scope().Lookup(d.name); obj != nil {
		a.report(d.pos, "%s collides with the %s declared at %s", d.name, kindOf(obj), a.where(obj.Pos()))
		return
	}
	if spec := a.importOf(d.name); spec != nil {
		how := "the import of"
		if spec.Name != nil && spec.Name.Name == "." {
			how = "a name brought in by the dot import of"
		}
		a.report(d.pos, "%s collides with %s %s at %s", d.name, how, spec.Path.Value, a.where(spec.Pos()))
		return
	}
	if types.Universe.Lookup(d.name) != nil {
		a.report(d.pos, "%s would shadow the predeclared identifier %s", d.name, d.name)
	}
}

// importOf returns the import of a file of the package that brings name into
// the file's scope, or nil.
func (a *analyzer) importOf(name string) *ast.ImportSpec {
	for _, f := range a.pkg.Syntax {
		for _, spec := range f.Imports {
			pn := a.pkg.TypesInfo.PkgNameOf(spec)
			switch {
			case pn == nil:
			case pn.Name() == name:
				return spec
			case spec.Name != nil && spec.Name.Name == "." && isExported(pn.Imported(), name):
				return spec
			}
		}
	}
	return nil
}

// isExported reports whether pkg declares name and exports it.
func isExported(pkg *types.Package, name string) bool {
	obj := pkg.Scope().Lookup(name)
	return obj != nil && obj.Exported()
}

// kindOf names the kind of a declared object.
func kindOf(obj types.Object) string {
	switch o := obj.(type) {
	case *types.Func:
		if o.Signature().Recv() != nil {
			return "method"
		}
		return "function"
	case *types.TypeName:
		return "type"
	case *types.Const:
		return "constant"
	case *types.Var:
		if o.IsField() {
			return "field"
		}
		return "variable"
	}
	return "declaration"
}
