package generator

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/packages"
)

// typeErrors reports the package's own errors, except those in earlier
// output, those that mention a name gathergen is about to generate and
// unused imports (function bodies, which may use them, are not checked). It
// reports whether any remained.
func (a *analyzer) typeErrors() bool {
	n := len(a.diags)
	for _, e := range a.pkg.Errors {
		pos := parsePos(e.Pos)
		if a.l.wasSkipped(pos.Filename) || a.missingCandidate(e.Msg) || isCompilerOutput(e) || isUnusedImport(e) {
			continue
		}
		if pos.Filename == "" {
			pos.Filename = a.pkg.PkgPath
		}
		a.diags = append(a.diags, Diagnostic{Pos: pos, Message: e.Msg})
	}
	return len(a.diags) > n || hasListErrors(a.pkg)
}

// excludedHere reports whether e says that the run's configuration leaves
// every file of the package out, when other configurations check those
// that hold directives.
func (a *analyzer) excludedHere(e packages.Error) bool {
	return a.hasOthers && strings.Contains(e.Msg, "build constraints exclude all Go files")
}

// listErrors reports, for a package in which no directive was found, the
// errors of a package that the go command could not list (a pattern that
// matches no folder, a missing module) and its syntax errors, which may hide
// directives: its earlier output must then not be removed as if none were
// left.
func (a *analyzer) listErrors() {
	for _, e := range a.pkg.Errors {
		pos := parsePos(e.Pos)
		syntax := e.Kind == packages.ParseError && !a.l.wasSkipped(pos.Filename)
		if syntax || e.Kind == packages.ListError && !isCompilerOutput(e) && !a.excludedHere(e) {
			if pos.Filename == "" {
				pos.Filename = a.pkg.PkgPath
			}
			a.diags = append(a.diags, Diagnostic{Pos: pos, Message: listMessage(e.Msg)})
		}
	}
}

// listMessage puts on one line a message of the go command about a package
// it could not list ("no required module provides package example.com/x;
// to add it:\n\tgo get example.com/x"), and says what to do about a folder
// that does not exist.
func listMessage(msg string) string {
	if path, ok := strings.CutSuffix(msg, ": directory not found"); ok {
		path = strings.TrimPrefix(path, "stat ")
		return "no folder " + path + ": name an existing package folder (./dir, ./...) or an import path"
	}
	return strings.Join(strings.Fields(msg), " ")
}

// isCompilerOutput reports whether e is the compiler's output for the
// package, which the go command reports when it builds export data: the
// type checker reports the same problems with their positions, and those in
// earlier output must not count.
func isCompilerOutput(e packages.Error) bool {
	return e.Kind == packages.ListError && e.Pos == "" && strings.HasPrefix(e.Msg, "# ")
}

// isUnusedImport reports whether e is the type checker's error for an
// import that no code uses ("\"strings\" imported and not used", "\"x/y\"
// imported as z and not used"): function bodies are not checked (see
// standInBodies), so an import that only they use looks unused; the
// compiler reports those that are.
func isUnusedImport(e packages.Error) bool {
	rest, ok := strings.CutSuffix(e.Msg, " and not used")
	if e.Kind != packages.TypeError || !ok {
		return false
	}
	path, err := strconv.QuotedPrefix(rest)
	if err != nil {
		return false
	}
	rest = rest[len(path):]
	name, renamed := strings.CutPrefix(rest, " imported as ")
	return rest == " imported" || renamed && token.IsIdentifier(name)
}

// hasListErrors reports whether the go command could not list the package.
func hasListErrors(pkg *packages.Package) bool {
	for _, e := range pkg.Errors {
		if e.Kind == packages.ListError && !isCompilerOutput(e) {
			return true
		}
	}
	return false
}

// missingCandidate reports whether msg says that a declaration gathergen
// will generate is missing: "undefined: FAsync", "undefined: other.FAsync"
// (a loaded package's), or "t.MAsync undefined (type T has no field or
// method MAsync)". Other errors that merely name one (a local variable of a
// group's name declared and not used) count.
func (a *analyzer) missingCandidate(msg string) bool {
	if name, ok := strings.CutPrefix(msg, "undefined: "); ok {
		if qual, name, ok := splitQualified(name); ok {
			return a.importedCandidate(qual, name)
		}
		return a.candidates[name]
	}
	const method = "has no field or method "
	if i := strings.Index(msg, method); i >= 0 {
		words := strings.FieldsFunc(msg[i+len(method):], func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
		})
		return len(words) > 0 && a.anyCandidate(words[0])
	}
	return false
}

// importedCandidate reports whether a loaded package that a file of this
// package imports as qual will generate name.
func (a *analyzer) importedCandidate(qual, name string) bool {
	if a.pkg.TypesInfo == nil {
		return false
	}
	for _, f := range a.pkg.Syntax {
		for _, spec := range f.Imports {
			if pn := a.pkg.TypesInfo.PkgNameOf(spec); pn != nil && pn.Name() == qual && a.loaded[pn.Imported().Path()][name] {
				return true
			}
		}
	}
	return false
}

// anyCandidate reports whether this package or another loaded one will
// generate name (a method's wrapper, whose receiver may be of either).
func (a *analyzer) anyCandidate(name string) bool {
	for _, names := range a.loaded {
		if names[name] {
			return true
		}
	}
	return a.candidates[name]
}

// parsePos parses "file:line:col", "file:line", "file", "" or "-".
func parsePos(s string) token.Position {
	var pos token.Position
	if s == "-" {
		return pos
	}
	rest, last, ok := cutLastNumber(s)
	if !ok {
		pos.Filename = s
		return pos
	}
	if before, line, ok := cutLastNumber(rest); ok {
		pos.Filename, pos.Line, pos.Column = before, line, last
		return pos
	}
	pos.Filename, pos.Line = rest, last
	return pos
}

// cutLastNumber splits "a:12" into "a" and 12.
func cutLastNumber(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return s, 0, false
	}
	return s[:i], n, true
}

// asyncWrapper resolves an async directive to the function it wraps.
func (a *analyzer) asyncWrapper(f found) *wrapper {
	spec := f.d.async
	if spec.target.text != "" {
		return a.external(f)
	}
	fd, ok := f.owner.(*ast.FuncDecl)
	if below := a.funcBelow(f); !ok && below != nil {
		a.report(f.d.pos, "a blank line separates //gathergen:async from func %s below: remove the blank line, so that the directive is in its doc comment", below.Name.Name)
		return nil
	}
	if !ok {
		a.report(f.d.pos, "//gathergen:async without PKG.FUNC belongs in the doc comment of a function or method, not %s", describe(f.owner))
		return nil
	}
	fn, _ := a.pkg.TypesInfo.Defs[fd.Name].(*types.Func)
	if fn == nil {
		return nil
	}
	if (fd.Recv == nil && fn.Name() == "init") || fn.Name() == "_" {
		a.report(f.d.pos, "cannot wrap %s: it cannot be called", fd.Name.Name)
		return a.reject(fn)
	}
	w := &wrapper{fn: fn, sig: fn.Signature(), pos: f.d.pos, label: fn.Name()}
	if recv := w.sig.Recv(); recv != nil {
		w.recv = baseTypeName(recv.Type())
		if w.recv == nil {
			a.report(f.d.pos, "cannot wrap %s.%s: %s", recvTypeNameOf(fd), fn.Name(), generatedType)
			return a.reject(fn)
		}
		w.label = w.recv.Name() + "." + fn.Name()
	}
	w.name = wrapperName(spec, fn.Name())
	return a.finish(w)
}

// funcBelow returns the function declared right below a free-standing
// comment, on lines of its own, that holds a directive, past blank lines
// and nothing else (its own doc comment, if any, included), or nil.
func (a *analyzer) funcBelow(f found) *ast.FuncDecl {
	if f.owner != nil {
		return nil
	}
	var group *ast.CommentGroup
	for _, cg := range f.file.Comments {
		if cg.Pos() <= f.d.pos && f.d.pos < cg.End() {
			group = cg
		}
	}
	for _, decl := range f.file.Decls {
		if group == nil || decl.Pos() < group.End() {
			continue
		}
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || a.nextComment(f.file, group) != fd.Doc || a.pkg.Fset.Position(group.Pos()).Column != 1 {
			return nil
		}
		return fd
	}
	return nil
}

// nextComment returns the comment group that follows cg in file, or nil.
func (a *analyzer) nextComment(file *ast.File, cg *ast.CommentGroup) *ast.CommentGroup {
	for i, c := range file.Comments {
		if c == cg && i+1 < len(file.Comments) {
			if next := file.Comments[i+1]; next.Pos() < a.declAfter(file, cg) {
				return next
			}
			return nil
		}
	}
	return nil
}

// declAfter returns the position of the first declaration after cg.
func (a *analyzer) declAfter(file *ast.File, cg *ast.CommentGroup) token.Pos {
	for _, decl := range file.Decls {
		if decl.Pos() >= cg.End() {
			return decl.Pos()
		}
	}
	return token.NoPos
}

// reject notes a function whose async directive has a problem, so that
// groups that name it do not report it again as a function without one; it
// returns nil.
func (a *analyzer) reject(fn *types.Func) *wrapper {
	a.rejected[fn] = true
	return nil
}

// generatedType explains an invalid type in a wrapped signature: type errors
// are reported, but for uses of names that gathergen generates, which the
// load (leaving earlier output out) never sees.
const generatedType = "its signature uses a type that gathergen generates, which does not exist while gathergen runs"

// describe names the kind of declaration a directive was found on.
func describe(owner ast.Node) string {
	if d, ok := owner.(*ast.GenDecl); ok {
		return "of a " + d.Tok.String() + " declaration"
	}
	return "a free-standing comment"
}

// baseTypeName returns the defined type of a receiver, through a pointer.
func baseTypeName(t types.Type) *types.TypeName {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

// external resolves //gathergen:async TARGET: PKG.FUNC, or a method.
func (a *analyzer) external(f found) *wrapper {
	spec := f.d.async
	t := spec.t
	if t.method || a.localType(t.qual) != nil {
		return a.externalMethod(f)
	}
	pkg, candidates := a.lookupPackage(f.file, t.qual)
	switch {
	case pkg != nil:
		return a.externalFunc(f, pkg)
	case len(candidates) > 1:
		a.unknownPackage(f.file, spec.target, t.qual, candidates)
		return nil
	case a.cFunction(f.file, t.qual, spec.target):
		return nil
	}
	return a.externalMethod(f)
}

// externalFunc resolves //gathergen:async PKG.FUNC once PKG is found.
func (a *analyzer) externalFunc(f found, pkg *types.Package) *wrapper {
	spec := f.d.async
	name := spec.t.name
	obj := pkg.Scope().Lookup(name)
	fn, ok := obj.(*types.Func)
	switch {
	case !token.IsExported(name):
		// told by the name: a package read from export data may hold
		// only what it exports, and then knows no such function
		a.report(spec.target.pos, "%s.%s is not exported", pkg.Name(), name)
		if ok {
			return a.reject(fn)
		}
		return nil
	case obj == nil:
		a.report(spec.target.pos, "%s.%s does not exist", pkg.Name(), name)
		return nil
	case !ok:
		a.report(spec.target.pos, "%s.%s is not a function", pkg.Name(), name)
		return nil
	}
	w := &wrapper{fn: fn, sig: fn.Signature(), pos: f.d.pos, external: true, label: pkg.Name() + "." + fn.Name(), target: spec.target.text}
	w.name = wrapperName(spec, fn.Name())
	return a.finish(w)
}

// cFunction reports the C.f that a directive of a file that imports "C"
// names (qual is C), and reports whether it did.
func (a *analyzer) cFunction(file *ast.File, qual string, target word) bool {
	if qual != "C" || !a.rewrittenByCgo(file) {
		return false
	}
	a.report(target.pos, "%s is a C function, which gathergen cannot wrap: wrap a Go function that calls it", target.text)
	return true
}

// imported finds the package that a directive in file names: by its name
// as imported in that file, or by its import path among the package's
// imports.
func (a *analyzer) imported(file *ast.File, name string) *types.Package {
	pkg, _ := a.lookupPackage(file, name)
	return pkg
}

// finish classifies a wrapper's results and checks that its signature can
// be written in this package.
func (a *analyzer) finish(w *wrapper) *wrapper {
	params := w.sig.Params()
	w.takesCtx = params.Len() > 0 && isContext(params.At(0).Type())
	classify(w)
	if w.kind == resultStruct {
		recv := ""
		if w.recv != nil {
			recv = w.recv.Name()
		}
		w.structName = structName(recv, w.name)
		w.fields = fieldNames(w.values())
	}
	if problem := cmp.Or(a.unwritable(w), shadowedByPackage(a.pkg.Types)); problem != "" {
		a.report(w.pos, "cannot wrap %s: %s", w.label, problem)
		return a.reject(w.fn)
	}
	return w
}

// emitterNames are the predeclared names that every wrapper and group
// helper names, whatever the signature: the error of the task's function
// and of a group's results, and nil.
var emitterNames = []string{"error", "nil"}

// shadowedByPackage says why no generated code can be written in pkg, which
// declares one of emitterNames at package level, or returns "".
func shadowedByPackage(pkg *types.Package) string {
	for _, name := range emitterNames {
		if why := shadowed(pkg, name); why != "" {
			return why
		}
	}
	return ""
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// classify sets how the wrapper's results map onto its future.
func classify(w *wrapper) {
	res := w.sig.Results()
	n := res.Len()
	if n > 0 {
		last := res.At(n - 1).Type()
		w.lastErr = types.Identical(last, errorType)
		w.concreteErr = !w.lastErr && isNilableError(last)
		w.lastErr = w.lastErr || w.concreteErr
	}
	values := n
	if w.lastErr {
		values--
	}
	switch {
	case values > 1:
		w.kind = resultStruct
	case values == 1 && w.lastErr:
		w.kind = resultValue
	case values == 1:
		w.kind = resultOnly
	case w.lastErr:
		w.kind = resultError
	default:
		w.kind = resultNone
	}
}

// errorType is the predeclared error.
var errorType = types.Universe.Lookup("error").Type()

// isNilableError reports whether t is a pointer or interface type that
// implements error, other than error itself (*MyError, net.Error): a
// function that returns one last fails when it is not nil. An error type
// that cannot be nil (a struct, a string, a type parameter) cannot say
// that nothing failed, and stays a value.
func isNilableError(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface:
		return types.Implements(t, errorType.Underlying().(*types.Interface))
	}
	return false
}

// fieldNames names the fields of a result struct: the result names
// capitalised when all are named and distinct, R0, R1, ... otherwise.
func fieldNames(vars []*types.Var) []string {
	names := make([]string, len(vars))
	seen := map[string]bool{}
	for i, v := range vars {
		names[i] = upperFirst(v.Name())
		if v.Name() == "" || v.Name() == "_" || seen[names[i]] {
			return numberedFields(len(vars))
		}
		seen[names[i]] = true
	}
	return names
}

// numberedFields returns R0 ... Rn-1.
func numberedFields(n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = "R" + strconv.Itoa(i)
	}
	return names
}

// unwritable returns why the wrapper's signature cannot be written in this
// package, or "", and notes the packages that the signature's code names:
// its type parameters, parameters and values, not its final error, which
// generated code never names (a *notFound of another package, unexported,
// is compared with nil where the call returns it).
func (a *analyzer) unwritable(w *wrapper) string {
	tw := w.typeWriter(a.pkg.Types, a.lens)
	sc := newScope(nil)
	tw.typeParamList(sc, w.typeParams())
	if w.self != nil {
		tw.typ(w.self.typ)
	}
	for i := range w.sig.Params().Len() {
		tw.param(w.sig, i)
	}
	for _, v := range w.values() {
		tw.typ(v.Type())
	}
	w.imports = tw.used
	return tw.problem
}
