package resolve

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/goname"
	"github.com/gathergen/gathergen/generator/internal/model"
	"github.com/gathergen/gathergen/generator/internal/typecode"
)

// asyncWrapper resolves an async directive to the function it wraps.
func asyncWrapper(a *Analyzer, f directive.Found) *model.Wrapper {
	spec := f.D.Async
	if spec.Target.Text != "" {
		return external(a, f)
	}
	fd, ok := f.Owner.(*ast.FuncDecl)
	if below := funcBelow(a, f); !ok && below != nil {
		a.Report(f.D.Pos, "a blank line separates //gathergen:async from func %s below: remove the blank line, so that the directive is in its doc comment", below.Name.Name)
		return nil
	}
	if !ok {
		a.Report(f.D.Pos, "//gathergen:async without PKG.FUNC belongs in the doc comment of a function or method, not %s", describe(f.Owner))
		return nil
	}
	fn, _ := a.Pkg.TypesInfo.Defs[fd.Name].(*types.Func)
	if fn == nil {
		return nil
	}
	if (fd.Recv == nil && fn.Name() == "init") || fn.Name() == "_" {
		a.Report(f.D.Pos, "cannot wrap %s: it cannot be called", fd.Name.Name)
		return reject(a, fn)
	}
	w := &model.Wrapper{Fn: fn, Sig: fn.Signature(), Pos: f.D.Pos, Label: fn.Name()}
	if recv := w.Sig.Recv(); recv != nil {
		w.Recv = baseTypeName(recv.Type())
		if w.Recv == nil {
			a.Report(f.D.Pos, "cannot wrap %s.%s: %s", directive.RecvTypeNameOf(fd), fn.Name(), typecode.GeneratedType)
			return reject(a, fn)
		}
		w.Label = w.Recv.Name() + "." + fn.Name()
	}
	w.Name = directive.WrapperName(spec, fn.Name())
	return finish(a, w)
}

// funcBelow returns the function declared right below a free-standing
// comment, on lines of its own, that holds a directive, past blank lines
// and nothing else (its own doc comment, if any, included), or nil.
func funcBelow(a *Analyzer, f directive.Found) *ast.FuncDecl {
	if f.Owner != nil {
		return nil
	}
	var group *ast.CommentGroup
	for _, cg := range f.File.Comments {
		if cg.Pos() <= f.D.Pos && f.D.Pos < cg.End() {
			group = cg
		}
	}
	for _, decl := range f.File.Decls {
		if group == nil || decl.Pos() < group.End() {
			continue
		}
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || nextComment(a, f.File, group) != fd.Doc || a.Pkg.Fset.Position(group.Pos()).Column != 1 {
			return nil
		}
		return fd
	}
	return nil
}

// nextComment returns the comment group that follows cg in file, or nil.
func nextComment(a *Analyzer, file *ast.File, cg *ast.CommentGroup) *ast.CommentGroup {
	for i, c := range file.Comments {
		if c == cg && i+1 < len(file.Comments) {
			if next := file.Comments[i+1]; next.Pos() < declAfter(a, file, cg) {
				return next
			}
			return nil
		}
	}
	return nil
}

// declAfter returns the position of the first declaration after cg.
func declAfter(a *Analyzer, file *ast.File, cg *ast.CommentGroup) token.Pos {
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
func reject(a *Analyzer, fn *types.Func) *model.Wrapper {
	a.rejected[fn] = true
	return nil
}

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
func external(a *Analyzer, f directive.Found) *model.Wrapper {
	spec := f.D.Async
	t := spec.T
	if t.Method || localType(a, t.Qual) != nil {
		return externalMethod(a, f)
	}
	pkg, candidates := lookupPackage(a, f.File, t.Qual)
	switch {
	case pkg != nil:
		return externalFunc(a, f, pkg)
	case len(candidates) > 1:
		unknownPackage(a, f.File, spec.Target, t.Qual, candidates)
		return nil
	case cFunction(a, f.File, t.Qual, spec.Target):
		return nil
	}
	return externalMethod(a, f)
}

// externalFunc resolves //gathergen:async PKG.FUNC once PKG is found.
func externalFunc(a *Analyzer, f directive.Found, pkg *types.Package) *model.Wrapper {
	spec := f.D.Async
	name := spec.T.Name
	obj := pkg.Scope().Lookup(name)
	fn, ok := obj.(*types.Func)
	switch {
	case !token.IsExported(name):
		// told by the name: a package read from export data may hold
		// only what it exports, and then knows no such function
		a.Report(spec.Target.Pos, "%s.%s is not exported", pkg.Name(), name)
		if ok {
			return reject(a, fn)
		}
		return nil
	case obj == nil:
		a.Report(spec.Target.Pos, "%s.%s does not exist", pkg.Name(), name)
		return nil
	case !ok:
		a.Report(spec.Target.Pos, "%s.%s is not a function", pkg.Name(), name)
		return nil
	}
	w := &model.Wrapper{Fn: fn, Sig: fn.Signature(), Pos: f.D.Pos, External: true, Label: pkg.Name() + "." + fn.Name(), Target: spec.Target.Text}
	w.Name = directive.WrapperName(spec, fn.Name())
	return finish(a, w)
}

// cFunction reports the C.f that a directive of a file that imports "C"
// names (qual is C), and reports whether it did.
func cFunction(a *Analyzer, file *ast.File, qual string, target directive.Word) bool {
	if qual != "C" || !rewrittenByCgo(a, file) {
		return false
	}
	a.Report(target.Pos, "%s is a C function, which gathergen cannot wrap: wrap a Go function that calls it", target.Text)
	return true
}

// imported finds the package that a directive in file names: by its name
// as imported in that file, or by its import path among the package's
// imports.
func imported(a *Analyzer, file *ast.File, name string) *types.Package {
	pkg, _ := lookupPackage(a, file, name)
	return pkg
}

// finish classifies a wrapper's results and checks that its signature can
// be written in this package.
func finish(a *Analyzer, w *model.Wrapper) *model.Wrapper {
	ctxs := contextParams(w.Sig)
	if len(ctxs) > 1 {
		a.Report(w.Pos, "cannot wrap %s: it takes %d context.Context parameters (%s), and gathergen passes one, the task's: keep one, or wrap %s in a function that takes one and passes it on",
			w.Label, len(ctxs), listParams(ctxs), w.Fn.Name())
		return reject(a, w.Fn)
	}
	if len(ctxs) == 1 {
		w.TakesCtx, w.CtxIndex = true, ctxs[0].Index
	}
	classify(w)
	if w.Kind == model.ResultStruct {
		recv := ""
		if w.Recv != nil {
			recv = w.Recv.Name()
		}
		w.StructName = directive.StructName(recv, w.Name)
		w.Fields = fieldNames(w.Values())
	}
	if problem := cmp.Or(unwritable(a, w), shadowedByPackage(a.Pkg.Types)); problem != "" {
		a.Report(w.Pos, "cannot wrap %s: %s", w.Label, problem)
		return reject(a, w.Fn)
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
		if why := typecode.Shadowed(pkg, name); why != "" {
			return why
		}
	}
	return ""
}

// contextParams returns a signature's context.Context parameters.
func contextParams(sig *types.Signature) []model.Indexed {
	var ctxs []model.Indexed
	for i := range sig.Params().Len() {
		if v := sig.Params().At(i); isContext(v.Type()) {
			ctxs = append(ctxs, model.Indexed{V: v, Index: i})
		}
	}
	return ctxs
}

// listParams names the parameters, two or more: "ctx and parent", "ctx, a
// and b"; a parameter without a name by its position ("#2").
func listParams(params []model.Indexed) string {
	names := make([]string, len(params))
	for i, p := range params {
		names[i] = paramLabel(p)
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// classify sets how the wrapper's results map onto its future.
func classify(w *model.Wrapper) {
	res := w.Sig.Results()
	n := res.Len()
	if n > 0 {
		last := res.At(n - 1).Type()
		w.LastErr = types.Identical(last, errorType)
		w.ConcreteErr = !w.LastErr && isNilableError(last)
		w.LastErr = w.LastErr || w.ConcreteErr
	}
	values := n
	if w.LastErr {
		values--
	}
	switch {
	case values > 1:
		w.Kind = model.ResultStruct
	case values == 1 && w.LastErr:
		w.Kind = model.ResultValue
	case values == 1:
		w.Kind = model.ResultOnly
	case w.LastErr:
		w.Kind = model.ResultError
	default:
		w.Kind = model.ResultNone
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
		names[i] = goname.UpperFirst(v.Name())
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
func unwritable(a *Analyzer, w *model.Wrapper) string {
	tw := typecode.OfWrapper(w, a.Pkg.Types, a.lens)
	sc := goname.NewScope(nil)
	tw.TypeParamList(sc, w.TypeParams())
	if w.Self != nil {
		tw.Typ(w.Self.Typ)
	}
	for i := range w.Sig.Params().Len() {
		tw.Param(w.Sig, i)
	}
	for _, v := range w.Values() {
		tw.Typ(v.Type())
	}
	w.Imports = tw.Used
	return tw.Problem
}
