package directive

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
)

// addActivityCandidates notes the names an activity directive may
// generate.
func (s *Scan) addActivityCandidates(d Directive, owner ast.Node) {
	spec := d.Activity
	fn, recv := spec.T.Name, ""
	if fd, ok := owner.(*ast.FuncDecl); ok && spec.T.Name == "" {
		fn, recv = fd.Name.Name, RecvTypeNameOf(fd)
	}
	base := ActivityBase(spec, fn, recv)
	s.Candidates[StubName(base, d.Local)] = true
	s.Candidates[ConstName(base)] = true
	s.Candidates[RegisterName] = true
	s.Candidates[ReceiversName] = true
	if d.Map {
		s.Candidates[MapName(base)] = true
		s.Candidates[WorkflowConstName(MapName(base))] = true
		s.Candidates[MapperName(base)] = true
		s.Candidates[RegisterWorkflowsName] = true
	}
}

// Found is a directive and where it was found.
type Found struct {
	D    Directive
	File *ast.File
	// Owner is the declaration whose doc comment holds the directive.
	Owner ast.Node
}

// Scan is what reading the directives of one package's files found,
// from syntax alone.
type Scan struct {
	// Found holds the directives, in the order of the files and their
	// comments.
	Found []Found
	// Problems holds the directives that do not parse or that stand where
	// none belongs.
	Problems []*Problem
	// Candidates holds every name the directives may generate, known from
	// syntax alone: type errors that mention one come from code that uses
	// generated declarations before they exist.
	Candidates map[string]bool
}

// NewScan returns an empty scan.
func NewScan() *Scan {
	return &Scan{Candidates: map[string]bool{}}
}

// File finds the directives of one file.
func (s *Scan) File(f *ast.File) {
	owners := docOwners(f)
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			d, ok, p := parseDirective(c.Slash, c.Text)
			owner := owners[cg]
			switch {
			case !ok:
				continue
			case p != nil:
				s.Problems = append(s.Problems, p)
			case owner == nil && misplaced(f, c.Slash) != "":
				s.Problems = append(s.Problems, errorf(c.Slash, "%s", misplaced(f, c.Slash)))
			default:
				s.Found = append(s.Found, Found{D: d, File: f, Owner: owner})
				s.addCandidates(d, owner)
			}
		}
	}
}

// TestFiles reports the directives of a package folder's _test.go files,
// names, which the load leaves out (generated code cannot call test code):
// they would be ignored without a word.
func (s *Scan) TestFiles(fset *token.FileSet, names []string) {
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil || !bytes.Contains(src, []byte("//"+ToolName+":")) {
			continue
		}
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if _, ok, _ := parseDirective(c.Slash, c.Text); ok {
					s.Problems = append(s.Problems, errorf(c.Slash, "gathergen reads no _test.go file: move this directive to a file of the package"))
				}
			}
		}
	}
}

// TestFileNames returns the _test.go files of a package's folder, dir;
// none for a package without Go files (a pattern that matched nothing),
// whose folder is not known (dir is ""): not the current folder either.
func TestFileNames(dir string) []string {
	if dir == "" {
		return nil
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
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
func (s *Scan) addCandidates(d Directive, owner ast.Node) {
	if d.Gather != nil {
		s.Candidates[d.Gather.Name.Text] = true
		return
	}
	if d.Activity != nil {
		s.addActivityCandidates(d, owner)
		return
	}
	if d.Workflow != nil {
		s.addWorkflowCandidates(d.Workflow, owner)
		return
	}
	if t := d.Async.T; t.Name != "" {
		// T.M may be a method or a function of package T: either name
		for _, typeName := range []string{"", typeOfQual(t.Qual)} {
			name := d.Async.As.Text
			if name == "" {
				name = DefaultName(typeName, t.Name)
			}
			s.Candidates[name] = true
			s.Candidates[StructName("", name)] = true
		}
		return
	}
	fn, recv := "", ""
	if fd, ok := owner.(*ast.FuncDecl); ok {
		fn, recv = fd.Name.Name, RecvTypeNameOf(fd)
	}
	name := WrapperName(d.Async, fn)
	s.Candidates[name] = true
	s.Candidates[StructName(recv, name)] = true
}

// RecvTypeNameOf returns the name of a method's receiver type from syntax.
func RecvTypeNameOf(fd *ast.FuncDecl) string {
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
