package resolve

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/goname"
	"github.com/gathergen/gathergen/generator/internal/load"
	"github.com/gathergen/gathergen/generator/internal/model"
)

// declared is a name that generated code declares, and the directive that
// asks for it.
type declared struct {
	name string
	pos  token.Pos
	// recv is the receiver's type of a generated method, or nil.
	recv *types.TypeName
	// w is the async wrapper that declares the name, or nil for what
	// another directive declares.
	w *model.Wrapper
	// hint says how to rename what declares the name, when w is nil.
	hint string
	// fixed is set for a name that gathergen always gives
	// (RegisterActivities, ActivityReceivers, RegisterWorkflows): a
	// directive can rename nothing but the other declarer.
	fixed bool
}

// groupRenameHint says how to give the name of a group another.
const groupRenameHint = "rename the group"

// checkNames reports generated names that are declared twice or that
// collide with a declaration of the package, and returns every top-level
// name of the package, declared and generated, and apart from them the
// names that only its test files of the same package declare at top level:
// the generated file must not import a package under one of those either,
// though its code, which never refers to them, may use them for locals.
func checkNames(a *Analyzer, m *model.Model) (reserved, testNames map[string]bool) {
	type key struct {
		recv *types.TypeName
		name string
	}
	seen := map[key]declared{}
	tests := testDecls(a)
	for _, d := range generatedNames(m) {
		k := key{d.recv, d.name}
		if prev, ok := seen[k]; ok {
			if d.fixed { // the fix is the other declarer's: report it there
				d, prev = prev, d
			}
			a.Report(d.pos, "duplicate name %s: the directive at %s generates it too; %s", d.name, a.where(prev.pos), renameHint(a, d))
			continue
		}
		seen[k] = d
		if !checkCollision(a, d) {
			checkTestCollision(a, d, tests)
		}
	}
	reserved = map[string]bool{}
	for _, name := range m.Pkg.Scope().Names() {
		reserved[name] = true
	}
	for k := range seen {
		if k.recv == nil {
			reserved[k.name] = true
		}
	}
	testNames = map[string]bool{}
	for k, t := range tests {
		if k.recv == "" && !t.imported {
			testNames[k.name] = true // a package-level name, as go test sees it
		}
	}
	return reserved, testNames
}

// generatedNames lists what the model declares.
func generatedNames(m *model.Model) []declared {
	var names []declared
	for _, w := range m.Wrappers {
		names = append(names, declared{name: w.Name, pos: w.Pos, recv: w.Recv, w: w})
		if w.StructName != "" {
			names = append(names, declared{name: w.StructName, pos: w.Pos, w: w})
		}
	}
	for _, g := range m.Groups {
		names = append(names, declared{name: g.Name, pos: g.Pos, recv: g.Recv, hint: groupRenameHint})
	}
	return append(append(names, activityNames(m)...), workflowNames(m)...)
}

// renameHint says how to give a duplicate name another: as NAME, with a
// name made of the package's name for a function or method of another
// package (encoding/xml.Marshal as XMLMarshalAsync).
func renameHint(a *Analyzer, d declared) string {
	switch {
	case d.w == nil:
		return d.hint
	case d.w.Target == "":
		return "name the wrapper with //gathergen:async as NAME"
	}
	owner, prefix := d.w.Fn.Pkg(), ""
	if d.w.Self != nil {
		owner, prefix = d.w.Self.Obj.Pkg(), goname.UpperFirst(d.w.Self.Obj.Name())
	}
	if owner != nil && owner != a.Pkg.Types {
		prefix = goname.UpperFirst(owner.Name()) + prefix
	}
	return fmt.Sprintf("name one of them with as NAME: //gathergen:async %s as %s%sAsync", d.w.Target, prefix, d.w.Fn.Name())
}

// checkCollision reports a generated name that the package declares
// already, and reports whether it did.
func checkCollision(a *Analyzer, d declared) bool {
	if d.recv == nil {
		return checkTopLevel(a, d)
	}
	obj, index, _ := types.LookupFieldOrMethod(d.recv.Type(), true, a.Pkg.Types, d.name)
	switch {
	case obj == nil:
		return false
	case len(index) == 1:
		a.Report(d.pos, "%s collides with the %s %s.%s declared at %s", d.name, goname.KindOf(obj), d.recv.Name(), d.name, a.where(obj.Pos()))
	default:
		a.Report(d.pos, "%s would shadow the %s %s that an embedded field promotes to %s (declared at %s)", d.name, goname.KindOf(obj), d.name, d.recv.Name(), a.where(obj.Pos()))
	}
	return true
}

// checkTopLevel reports a generated top-level name that the package
// declares, that a file of the package imports (a package name, or a name
// that a dot import brings in), or that is predeclared: each would stop the
// package from compiling or change what its code means. It reports whether
// it found one.
func checkTopLevel(a *Analyzer, d declared) bool {
	if obj := a.Pkg.Types.Scope().Lookup(d.name); obj != nil {
		a.Report(d.pos, "%s collides with the %s declared at %s", d.name, goname.KindOf(obj), a.where(obj.Pos()))
		return true
	}
	if spec := importOf(a, d.name); spec != nil {
		how := "the import of"
		if spec.Name != nil && spec.Name.Name == "." {
			how = "a name brought in by the dot import of"
		}
		a.Report(d.pos, "%s collides with %s %s at %s", d.name, how, spec.Path.Value, a.where(spec.Pos()))
		return true
	}
	if types.Universe.Lookup(d.name) != nil {
		a.Report(d.pos, "%s would shadow the predeclared identifier %s", d.name, d.name)
		return true
	}
	return false
}

// testKey names what a test file declares: a top-level name (recv is
// empty), or a method of the type named recv.
type testKey struct {
	recv, name string
}

// testDecl is a declaration or import of a test file, for messages.
type testDecl struct {
	what string // "the function declared", "the import of \"strings\"", ...
	pos  token.Pos
	// imported reports whether an import declares the name, in its file
	// only, rather than a declaration, in the package.
	imported bool
}

// testDecls returns what the package folder's _test.go files of the same
// package declare at top level (their methods included), the names their
// imports take and those that their dot imports bring in: go test
// compiles those files with the generated one, which must not declare the
// same names. Files that the build context leaves out, that belong to the
// external test package or that do not parse are skipped: go test reports
// the last. What an import brings in is known for the packages that the
// package's own files import, and the name of an import without one for
// the standard library too (found in GOROOT); other imports are skipped
// rather than guessed.
func testDecls(a *Analyzer) map[testKey]testDecl {
	decls := map[testKey]testDecl{}
	for _, name := range directive.TestFileNames(a.Dir()) {
		if ok, err := a.l.Build.MatchFile(a.Dir(), filepath.Base(name)); err != nil || !ok {
			continue
		}
		f, err := parser.ParseFile(a.Pkg.Fset, name, nil, parser.SkipObjectResolution)
		if err != nil || f.Name.Name != a.Pkg.Name {
			continue
		}
		for _, spec := range f.Imports {
			if spec.Name != nil && spec.Name.Name == "." {
				addDotImport(a, decls, spec)
			} else if imported := importName(a, spec); imported != "" {
				decls[testKey{name: imported}] = testDecl{"the import of " + spec.Path.Value, spec.Pos(), true}
			}
		}
		for _, decl := range f.Decls {
			addTestDecls(decls, decl)
		}
	}
	return decls
}

// importName returns the name that an import of a test file declares in its
// file, or "" when it declares none or the name is not known.
func importName(a *Analyzer, spec *ast.ImportSpec) string {
	if spec.Name != nil {
		if spec.Name.Name == "_" || spec.Name.Name == "." {
			return ""
		}
		return spec.Name.Name
	}
	path, err := strconv.Unquote(spec.Path.Value)
	if err != nil {
		return ""
	}
	if pkg := importedPackage(a, path); pkg != nil {
		return pkg.Name()
	}
	if !a.l.IsStdPackage(path) {
		return ""
	}
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && load.IsMajorVersion(last) { // math/rand/v2 is rand
		return elems[len(elems)-2]
	}
	return last
}

// importedPackage returns the package at path if the package's own files
// import it, or nil.
func importedPackage(a *Analyzer, path string) *types.Package {
	for _, pkg := range a.Pkg.Types.Imports() {
		if pkg.Path() == path {
			return pkg
		}
	}
	return nil
}

// addDotImport adds the names that a dot import of a test file brings into
// its file, when the package's own files import the same package: the
// names of others are not known without loading them.
func addDotImport(a *Analyzer, decls map[testKey]testDecl, spec *ast.ImportSpec) {
	path, err := strconv.Unquote(spec.Path.Value)
	if err != nil {
		return
	}
	pkg := importedPackage(a, path)
	if pkg == nil {
		return
	}
	for _, name := range pkg.Scope().Names() {
		if token.IsExported(name) {
			decls[testKey{name: name}] = testDecl{what: "a name brought in by the dot import of " + spec.Path.Value, pos: spec.Pos(), imported: true}
		}
	}
}

// addTestDecls adds what a top-level declaration of a test file declares.
func addTestDecls(decls map[testKey]testDecl, decl ast.Decl) {
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			decls[testKey{name: d.Name.Name}] = testDecl{what: "the function declared", pos: d.Name.Pos()}
		} else if recv := directive.RecvTypeNameOf(d); recv != "" {
			decls[testKey{recv, d.Name.Name}] = testDecl{what: "the method " + recv + "." + d.Name.Name + " declared", pos: d.Name.Pos()}
		}
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				decls[testKey{name: s.Name.Name}] = testDecl{what: "the type declared", pos: s.Name.Pos()}
			case *ast.ValueSpec:
				what := "the variable declared"
				if d.Tok == token.CONST {
					what = "the constant declared"
				}
				for _, id := range s.Names {
					decls[testKey{name: id.Name}] = testDecl{what: what, pos: id.Pos()}
				}
			}
		}
	}
}

// checkTestCollision reports a generated name that a test file of the
// package declares or imports.
func checkTestCollision(a *Analyzer, d declared, tests map[testKey]testDecl) {
	k := testKey{name: d.name}
	if d.recv != nil {
		k.recv = d.recv.Name()
	}
	if t, ok := tests[k]; ok {
		a.Report(d.pos, "%s collides with %s at %s, which go test compiles with the generated file", d.name, t.what, a.where(t.pos))
	}
}

// importOf returns the import of a file of the package that brings name into
// the file's scope, or nil.
func importOf(a *Analyzer, name string) *ast.ImportSpec {
	for _, f := range a.Pkg.Syntax {
		for _, spec := range f.Imports {
			pn := a.Pkg.TypesInfo.PkgNameOf(spec)
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
