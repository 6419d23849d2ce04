package generator

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// analyzer checks the directives of one package against its types and builds
// its model, collecting every problem on the way.
type analyzer struct {
	pkg   *packages.Package
	l     *loader
	diags []Diagnostic
	found []found
	// candidates holds every name the directives may generate, known from
	// syntax alone: type errors that mention one come from code that uses
	// generated declarations before they exist, and are not reported.
	candidates map[string]bool
	// loaded holds the candidates of every loaded package, by path.
	loaded map[string]map[string]bool
	// rejected holds the functions whose async directives have problems.
	rejected map[*types.Func]bool
	// lens holds the length expressions of the package's array types,
	// once analysis starts.
	lens *lengths
	// extra holds, by path, the packages that directives name and that
	// no package imports, loaded for them (see loadExtra).
	extra map[string]*types.Package
	// owned holds the files whose directives the analyzer writes, by
	// name; nil for all (the load of the run's own configuration).
	owned map[string]bool
	// groupDiags holds the problems of each group, by its key: a group
	// that another configuration resolves has none.
	groupDiags map[string][]Diagnostic
	// partial holds, by key, the elements of each group that the analyzer
	// could not resolve whole (nil for those it could not).
	partial map[string][]*wrapper
	// hasOthers reports whether files that the run's configuration leaves
	// out of the package hold directives, which other analyzers check.
	hasOthers bool
}

// found is a directive and where it was found.
type found struct {
	d    directive
	file *ast.File
	// owner is the declaration whose doc comment holds the directive.
	owner ast.Node
}

// newAnalyzer returns an analyzer for pkg, one of the loaded packages whose
// candidates loaded holds by path.
func newAnalyzer(pkg *packages.Package, l *loader, loaded map[string]map[string]bool) *analyzer {
	return &analyzer{pkg: pkg, l: l, candidates: map[string]bool{}, loaded: loaded, rejected: map[*types.Func]bool{}, groupDiags: map[string][]Diagnostic{}, partial: map[string][]*wrapper{}}
}

// report records a problem at pos.
func (a *analyzer) report(pos token.Pos, format string, args ...any) {
	a.diags = append(a.diags, Diagnostic{Pos: a.pkg.Fset.Position(pos), Message: fmt.Sprintf(format, args...)})
}

// where formats a position for a message: file name, line and column.
func (a *analyzer) where(pos token.Pos) string {
	p := a.pkg.Fset.Position(pos)
	p.Filename = filepath.Base(p.Filename)
	return p.String()
}

// scanFiles finds the directives of the package's files, and reports those
// of its test files.
func (a *analyzer) scanFiles() {
	for _, f := range a.pkg.Syntax {
		a.scan(f)
	}
	a.testFiles()
	a.foreignOutput()
}

// foreignOutput reports earlier output of gathergen under another name than
// the outputs': it would declare what the new output declares.
func (a *analyzer) foreignOutput() {
	for _, name := range a.pkg.GoFiles {
		if a.l.isForeign(name) {
			base := filepath.Base(name)
			a.diags = append(a.diags, Diagnostic{
				Pos:     token.Position{Filename: name, Line: 1, Column: 1},
				Message: fmt.Sprintf("%s holds gathergen's output under another name than %s and %s: remove it, or pass -output %s (-activity-output for an activity file)", base, a.l.output, a.l.activityOutput, base),
			})
		}
	}
}

// analyze returns the scanned package's model, or nil when the package has
// no directive or has problems.
func (a *analyzer) analyze() *model {
	if len(a.found) == 0 {
		a.listErrors()
		return nil
	}
	if a.typeErrors() || a.pkg.Types == nil {
		return nil
	}
	a.lens = arrayLengths(a.pkg.TypesInfo, a.pkg.Syntax)
	m := &model{pkg: a.pkg.Types, lens: a.lens}
	byFunc := map[wrapped]*wrapper{}
	constraints := map[*ast.File]string{}
	for _, f := range a.found {
		if _, ok := constraints[f.file]; !ok {
			constraints[f.file] = a.constraintOf(f.file)
		}
	}
	for _, f := range a.found {
		if f.d.async == nil {
			continue
		}
		if w := a.asyncWrapper(f); w != nil {
			w.unit = a.unitOf(f, constraints[f.file])
			a.addWrapper(m, byFunc, w)
		}
	}
	a.activities(m, constraints)
	for _, f := range a.found {
		if f.d.gather == nil {
			continue
		}
		n := len(a.diags)
		var g *group
		ag, isActivity := a.activityGroup(f, m)
		if !isActivity {
			g = a.group(f, m.wrappers)
		}
		key := a.pkg.Fset.Position(f.d.pos).String()
		if len(a.diags) > n {
			a.groupDiags[key] = slices.Clone(a.diags[n:])
			a.diags = a.diags[:n]
		}
		if g != nil {
			g.key, g.unit = key, a.unitOf(f, groupConstraint(constraints[f.file], g.elems))
			m.groups = append(m.groups, g)
		}
		if ag != nil {
			ag.key, ag.unit = key, a.unitOf(f, groupConstraint(constraints[f.file], ag.wrappers()))
			m.activityGroups = append(m.activityGroups, ag)
		}
	}
	m.reserved, m.testNames = a.checkNames(m)
	return m
}

// groupName returns the name of the group whose directive is at key.
func (a *analyzer) groupName(key string) string {
	for _, f := range a.found {
		if f.d.gather != nil && a.pkg.Fset.Position(f.d.pos).String() == key {
			return f.d.gather.name.text
		}
	}
	return ""
}

// unitOf returns what a declaration asked for by a directive carries to
// its file, given the constraint under which it builds.
func (a *analyzer) unitOf(f found, constraint string) unit {
	name := a.pkg.Fset.Position(f.file.Package).Filename
	return unit{constraint: constraint, owned: a.owned == nil || a.owned[name], pkg: a.pkg.Types, lens: a.lens}
}

// dir returns the package's folder.
func (a *analyzer) dir() string {
	if len(a.pkg.GoFiles) > 0 {
		return filepath.Dir(a.pkg.GoFiles[0])
	}
	return ""
}

// wrapped is what a wrapper wraps: a function, or a method of a type (a
// promoted method is one function of several types).
type wrapped struct {
	fn   *types.Func
	self *types.TypeName
}

// addWrapper adds w to the model unless what it wraps has a wrapper already.
func (a *analyzer) addWrapper(m *model, byFunc map[wrapped]*wrapper, w *wrapper) {
	if w == nil {
		return
	}
	k := wrapped{fn: w.fn}
	if w.self != nil {
		k.self = w.self.obj
	}
	if prev := byFunc[k]; prev != nil {
		a.report(w.pos, "%s already has a //gathergen:async directive at %s", w.label, a.where(prev.pos))
		return
	}
	byFunc[k] = w
	m.wrappers = append(m.wrappers, w)
}

// scan finds the directives of one file.
func (a *analyzer) scan(f *ast.File) {
	owners := docOwners(f)
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			d, ok, p := parseDirective(c.Slash, c.Text)
			owner := owners[cg]
			switch {
			case !ok:
				continue
			case p != nil:
				a.report(p.pos, "%s", p.msg)
			case owner == nil && misplaced(f, c.Slash) != "":
				a.report(c.Slash, "%s", misplaced(f, c.Slash))
			default:
				a.found = append(a.found, found{d: d, file: f, owner: owner})
				a.addCandidates(d, owner)
			}
		}
	}
}

// testFiles reports the directives of the package folder's _test.go files,
// which the load leaves out (generated code cannot call test code): they
// would be ignored without a word.
func (a *analyzer) testFiles() {
	for _, name := range a.testFileNames() {
		src, err := os.ReadFile(name)
		if err != nil || !bytes.Contains(src, []byte("//"+toolName+":")) {
			continue
		}
		f, err := parser.ParseFile(a.pkg.Fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if _, ok, _ := parseDirective(c.Slash, c.Text); ok {
					a.report(c.Slash, "gathergen reads no _test.go file: move this directive to a file of the package")
				}
			}
		}
	}
}

// testFileNames returns the _test.go files of the package's folder; none
// for a package without Go files (a pattern that matched nothing), whose
// folder is not known: not the current folder either.
func (a *analyzer) testFileNames() []string {
	if a.dir() == "" {
		return nil
	}
	names, _ := filepath.Glob(filepath.Join(a.dir(), "*_test.go"))
	return names
}

// docOwners maps each doc comment of a file to its declaration.
func docOwners(f *ast.File) map[*ast.CommentGroup]ast.Node {
	owners := map[*ast.CommentGroup]ast.Node{}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			owners[d.Doc] = d
		case *ast.GenDecl:
			owners[d.Doc] = d
			for _, spec := range d.Specs {
				owners[specDoc(spec)] = d
			}
		}
	}
	delete(owners, nil)
	return owners
}

// specDoc returns the doc comment of a spec in a grouped declaration.
func specDoc(spec ast.Spec) *ast.CommentGroup {
	switch s := spec.(type) {
	case *ast.TypeSpec:
		return s.Doc
	case *ast.ValueSpec:
		return s.Doc
	case *ast.ImportSpec:
		return s.Doc
	}
	return nil
}

// misplaced says why a directive at pos, outside any doc comment of a
// declaration, is not at package level: it lies in a function body, or
// elsewhere inside a declaration (a struct field, an interface method, a
// function literal); "" when it is at package level.
func misplaced(f *ast.File, pos token.Pos) string {
	for _, decl := range f.Decls {
		if pos < decl.Pos() || pos >= decl.End() {
			continue
		}
		if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil && fd.Body.Pos() < pos {
			return "gathergen directives belong at package level, not inside a function body"
		}
		if method := interfaceMethodAt(decl, pos); method != "" {
			return "gathergen directives belong at package level, not inside a declaration: to wrap this interface method, write //gathergen:async " + method + " at package level"
		}
		return "gathergen directives belong at package level, not inside a declaration: fields and function literals cannot be wrapped"
	}
	return ""
}

// interfaceMethodAt returns TYPE.METHOD for the method of an interface type
// declared in decl whose doc comment holds pos, or "".
func interfaceMethodAt(decl ast.Decl, pos token.Pos) string {
	gd, ok := decl.(*ast.GenDecl)
	if !ok {
		return ""
	}
	for _, spec := range gd.Specs {
		ts, ok := spec.(*ast.TypeSpec)
		if !ok {
			continue
		}
		iface, ok := ts.Type.(*ast.InterfaceType)
		if !ok || pos < iface.Pos() || pos >= iface.End() {
			continue
		}
		for _, field := range iface.Methods.List {
			if len(field.Names) == 1 && field.Doc != nil && field.Doc.Pos() <= pos && pos < field.Doc.End() {
				return ts.Name.Name + "." + field.Names[0].Name
			}
		}
	}
	return ""
}

// addCandidates notes the names a directive may generate.
func (a *analyzer) addCandidates(d directive, owner ast.Node) {
	if d.gather != nil {
		a.candidates[d.gather.name.text] = true
		return
	}
	if d.activity != nil {
		a.addActivityCandidates(d.activity, owner)
		return
	}
	if t := d.async.t; t.name != "" {
		// T.M may be a method or a function of package T: either name
		for _, typeName := range []string{"", typeOfQual(t.qual)} {
			name := d.async.as.text
			if name == "" {
				name = defaultName(typeName, t.name)
			}
			a.candidates[name] = true
			a.candidates[structName("", name)] = true
		}
		return
	}
	fn, recv := "", ""
	if fd, ok := owner.(*ast.FuncDecl); ok {
		fn, recv = fd.Name.Name, recvTypeNameOf(fd)
	}
	name := wrapperName(d.async, fn)
	a.candidates[name] = true
	a.candidates[structName(recv, name)] = true
}

// recvTypeNameOf returns the name of a method's receiver type from syntax.
func recvTypeNameOf(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	t := fd.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// wrapperName is the name of the wrapper a directive asks for.
func wrapperName(spec *asyncSpec, fn string) string {
	if spec.as.text != "" {
		return spec.as.text
	}
	return fn + "Async"
}

// structName is the name of the struct that holds several results: the
// receiver's type name, then the wrapper's name with Result for Async
// (SplitAsync: SplitResult; Client.SplitAsync: ClientSplitResult).
func structName(recv, wrapper string) string {
	base := strings.TrimSuffix(wrapper, "Async")
	if recv != "" {
		base = recv + upperFirst(base)
	}
	return base + "Result"
}
