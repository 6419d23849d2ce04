package unawaited

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
)

// futurePackages are the import paths of the packages whose Future types the
// analyzer tracks: the runtime's, and the Temporal target's (package
// gtemporal), whose futures live in workflow code.
var futurePackages = map[string]bool{
	"github.com/gathergen/gathergen/runtime":  true,
	"github.com/gathergen/gathergen/temporal": true,
}

const doc = `report futures that are never awaited

A future is a *Future[T] of github.com/gathergen/gathergen/runtime (runtime.Go,
a generated XAsync wrapper, Promise.Future, ...) or of the Temporal target,
github.com/gathergen/gathergen/temporal (gtemporal.Execute, a generated
XActivity stub). A call that returns one is reported when its future is
dropped: the call is an expression statement or the call of a go or defer
statement, its future is assigned to the blank identifier, or it is held in a
local variable that is never used (only assigned to, or only assigned to _).

Following the flow of each function, a future that no path reads is reported
too: one held in a local variable that every path overwrites before reading
it (the report names the lines that overwrite it), one stored in a local array
that is only assigned to, and one appended to a slice that nothing but append
touches (reported at the append).

Awaiting, gathering, cancelling, returning, storing, passing on, capturing or
selecting on the future, on any path, counts as a use: a future awaited on
some paths only is not reported. The check prefers a missed report to a false
one: it does not see futures overwritten by a later turn of a loop, or
escaping into interfaces, fields, maps, channels or slices from elsewhere.

A comment //gathervet:ignore [reason] on the line of the report (the call, or
the append), or on the line just above it, silences the report.`

// Analyzer reports futures of github.com/gathergen/gathergen/runtime, and of
// the Temporal target github.com/gathergen/gathergen/temporal, that are
// dropped without being awaited. See the package documentation for what it
// reports and what it cannot see.
var Analyzer = &analysis.Analyzer{
	Name:     "unawaited",
	Doc:      doc,
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// site is a call that yields at least one future, with where one of its
// futures goes: dest is nil when the result is discarded, and otherwise the
// left-hand side (of an assignment or var declaration) that receives it.
type site struct {
	call *ast.CallExpr
	dest ast.Expr
}

// checker holds what one pass learns about a package before it reports.
type checker struct {
	pass *analysis.Pass
	// sites lists calls whose futures reach a statement that may drop them.
	sites []site
	// candidates are the local variables of future type, declared by := or
	// var inside a function, that may turn out to be never used.
	candidates map[*types.Var]bool
	// stores are identifiers that are the whole left-hand side of an
	// assignment: their variable is written, not read.
	stores map[*ast.Ident]bool
	// blankReads are identifiers that are the whole right-hand side paired
	// with _ in an assignment or var declaration: read only to be dropped.
	blankReads map[*ast.Ident]bool
	// dests holds the left-hand side that receives each result of a call
	// in an assignment or var declaration.
	dests map[result]ast.Expr
	// flowSites are the positions of the appends of futures and of the
	// stores of futures into array elements: the functions that hold them
	// get a flow analysis.
	flowSites []token.Pos
	// assignments lists where each local variable of future type is
	// assigned a value: a variable assigned more than once gets a flow
	// analysis too.
	assignments map[*types.Var][]token.Pos
}

// run records every statement that may drop a future, then reports the calls
// whose futures are dropped.
func run(pass *analysis.Pass) (any, error) {
	c := &checker{
		pass:        pass,
		candidates:  make(map[*types.Var]bool),
		stores:      make(map[*ast.Ident]bool),
		blankReads:  make(map[*ast.Ident]bool),
		dests:       make(map[result]ast.Expr),
		assignments: make(map[*types.Var][]token.Pos),
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	filter := []ast.Node{
		(*ast.ExprStmt)(nil),
		(*ast.GoStmt)(nil),
		(*ast.DeferStmt)(nil),
		(*ast.AssignStmt)(nil),
		(*ast.ValueSpec)(nil),
	}
	ins.Preorder(filter, c.visit)
	flowSites := c.flowSitesAll()
	if len(c.sites) == 0 && len(flowSites) == 0 {
		return nil, nil // most packages make no future: skip scanning their uses and comments
	}
	c.report(c.unused(), flowDrops(pass, flowSites), ignoredLines(pass))
	return nil, nil
}

// visit records the sites, variables and identifiers that one statement
// contributes.
func (c *checker) visit(n ast.Node) {
	switch n := n.(type) {
	case *ast.ExprStmt:
		c.discarded(n.X)
	case *ast.GoStmt:
		c.discarded(n.Call)
	case *ast.DeferStmt:
		c.discarded(n.Call)
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
			c.assign(n.Lhs, n.Rhs)
		}
	case *ast.ValueSpec:
		lhs := make([]ast.Expr, len(n.Names))
		for i, name := range n.Names {
			lhs[i] = name
		}
		c.assign(lhs, n.Values)
	}
}

// appended records x as a site of the flow analysis when it appends one or
// more futures to a slice. Only an append whose result is assigned can
// lose its futures: any other use of its result reads them.
func (c *checker) appended(x ast.Expr) {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if ok && c.isAppend(call) && !call.Ellipsis.IsValid() && slices.ContainsFunc(call.Args[1:], c.isFutureExpr) {
		c.flowSites = append(c.flowSites, call.Pos())
	}
}

// isFutureExpr reports whether x is of future type.
func (c *checker) isFutureExpr(x ast.Expr) bool {
	return isFuture(c.pass.TypesInfo.TypeOf(x))
}

// flowSitesAll returns the sites that need a flow analysis: appends and
// stores into arrays, and every assignment to a local variable of future
// type assigned more than once.
func (c *checker) flowSitesAll() []token.Pos {
	sites := c.flowSites
	for v, at := range c.assignments {
		if len(at) > 1 && c.candidates[v] {
			sites = append(sites, at...)
		}
	}
	return sites
}

// reassigned reports whether v is assigned a value more than once.
func (c *checker) reassigned(v *types.Var) bool {
	return len(c.assignments[v]) > 1
}

// isAppend reports whether call calls the built-in append.
func (c *checker) isAppend(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || id.Name != "append" {
		return false
	}
	b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin)
	return ok && b.Name() == "append"
}

// discarded records a call whose results are all thrown away.
func (c *checker) discarded(x ast.Expr) {
	if call := c.callOf(x); call != nil && hasFuture(c.pass.TypesInfo.TypeOf(call)) {
		c.sites = append(c.sites, site{call: call})
	}
}

// assign records what an assignment or var declaration of lhs from rhs
// tells: stores, blank reads, candidate variables and sites.
func (c *checker) assign(lhs, rhs []ast.Expr) {
	for _, r := range rhs {
		c.appended(r)
	}
	for i, l := range lhs {
		id, ok := l.(*ast.Ident)
		switch {
		case !ok:
			if len(rhs) > 0 {
				c.assignedElement(l)
			}
		case id.Name != "_":
			c.stores[id] = true
			v := c.declare(id)
			if len(rhs) > 0 {
				c.assigned(id, v)
			}
		case len(rhs) == len(lhs):
			if r, ok := rhs[i].(*ast.Ident); ok {
				c.blankReads[r] = true
			}
		}
	}
	if len(rhs) == len(lhs) {
		for i, r := range rhs {
			if call := c.callOf(r); call != nil && isFuture(c.pass.TypesInfo.TypeOf(call)) {
				c.sites = append(c.sites, site{call: call, dest: lhs[i]})
				c.dests[result{call.Lparen, 0}] = lhs[i]
			}
		}
		return
	}
	if len(rhs) != 1 {
		return
	}
	call := c.callOf(rhs[0])
	if call == nil {
		return
	}
	tuple, ok := c.pass.TypesInfo.TypeOf(call).(*types.Tuple)
	if !ok || tuple.Len() != len(lhs) {
		return
	}
	for i, l := range lhs {
		if isFuture(tuple.At(i).Type()) {
			c.sites = append(c.sites, site{call: call, dest: l})
			c.dests[result{call.Lparen, i}] = l
		}
	}
}

// assigned records that id, which declares def (nil when it declares
// nothing), is assigned a value, when it is a variable of future type.
func (c *checker) assigned(id *ast.Ident, def *types.Var) {
	v := def
	if v == nil {
		v, _ = c.pass.TypesInfo.Uses[id].(*types.Var)
	}
	if v != nil && isFuture(v.Type()) {
		c.assignments[v] = append(c.assignments[v], id.Pos())
	}
}

// assignedElement records l as a site of the flow analysis when it is an
// element of an array of futures held in a variable.
func (c *checker) assignedElement(l ast.Expr) {
	index, ok := ast.Unparen(l).(*ast.IndexExpr)
	if !ok {
		return
	}
	id, ok := ast.Unparen(index.X).(*ast.Ident)
	if !ok {
		return
	}
	if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
		if array, ok := v.Type().Underlying().(*types.Array); ok && isFuture(array.Elem()) {
			c.flowSites = append(c.flowSites, l.Pos())
		}
	}
}

// declare makes the variable that id declares a candidate when it is a local
// variable of future type, and returns the variable that id declares, or
// nil.
func (c *checker) declare(id *ast.Ident) *types.Var {
	v, ok := c.pass.TypesInfo.Defs[id].(*types.Var)
	if !ok {
		return nil
	}
	if v.Parent() != nil && v.Parent() != c.pass.Pkg.Scope() && isFuture(v.Type()) {
		c.candidates[v] = true
	}
	return v
}

// unused returns the candidate variables that are never read, except to be
// assigned to _.
func (c *checker) unused() map[*types.Var]bool {
	used := make(map[*types.Var]bool)
	for id, obj := range c.pass.TypesInfo.Uses {
		v, ok := obj.(*types.Var)
		if ok && c.candidates[v] && !c.stores[id] && !c.blankReads[id] {
			used[v] = true
		}
	}
	unused := make(map[*types.Var]bool)
	for v := range c.candidates {
		if !used[v] {
			unused[v] = true
		}
	}
	return unused
}

// report emits, in the order of their positions, one diagnostic for each
// call that has a dropped future, and one for each future appended to a
// slice that is never read, unless an ignore directive covers the line of
// the report. A future that the flow analysis finds overwritten before any
// read is reported with the lines of the assignments that overwrite it.
func (c *checker) report(unused map[*types.Var]bool, drops []flowDrop, ignored map[fileLine]bool) {
	calls, held, appends := c.droppedCalls(unused, drops)
	silenced := func(pos token.Pos) bool {
		posn := c.pass.Fset.Position(pos)
		return ignored[fileLine{posn.Filename, posn.Line}] || ignored[fileLine{posn.Filename, posn.Line - 1}]
	}
	explained := make(map[*ast.Ident]bool)
	for _, call := range calls {
		if id := held[call]; id != nil && !silenced(call.Pos()) {
			explained[id] = true
		}
	}
	overwrittenAt := overwrites(c.pass, explained, c.stores)
	var diags []analysis.Diagnostic
	for _, call := range calls {
		if silenced(call.Pos()) {
			continue
		}
		msg := "is never awaited"
		if at := overwrittenAt[held[call]]; len(at) > 0 {
			msg = "is overwritten at line " + c.lines(at) + " before it is awaited"
		}
		diags = append(diags, analysis.Diagnostic{
			Pos:     call.Pos(),
			Message: fmt.Sprintf("future returned by %s %s", calleeName(c.pass.TypesInfo, call.Fun), msg),
		})
	}
	for _, a := range appends {
		if !silenced(a.append.Pos()) {
			diags = append(diags, analysis.Diagnostic{
				Pos: a.append.Pos(),
				Message: fmt.Sprintf("future returned by %s is never awaited: the slice it is appended to is never read",
					calleeName(c.pass.TypesInfo, a.call.Fun)),
			})
		}
	}
	slices.SortStableFunc(diags, func(a, b analysis.Diagnostic) int {
		pa, pb := c.pass.Fset.Position(a.Pos), c.pass.Fset.Position(b.Pos)
		return cmp.Or(strings.Compare(pa.Filename, pb.Filename), cmp.Compare(pa.Offset, pb.Offset))
	})
	for _, d := range diags {
		c.pass.Report(d)
	}
}

// An appended is a call that makes a future and the append that puts it into
// a slice that is never read.
type appended struct{ call, append *ast.CallExpr }

// droppedCalls returns, each call once, the calls whose futures are dropped,
// with the variable that holds the future for those that the flow analysis
// finds overwritten, and the appends of futures to slices that are never
// read.
func (c *checker) droppedCalls(unused map[*types.Var]bool, drops []flowDrop) ([]*ast.CallExpr, map[*ast.CallExpr]*ast.Ident, []appended) {
	reported := make(map[*ast.CallExpr]bool)
	var calls []*ast.CallExpr
	for _, s := range c.sites {
		if !reported[s.call] && c.dropped(s.dest, unused) {
			reported[s.call] = true
			calls = append(calls, s.call)
		}
	}
	held := make(map[*ast.CallExpr]*ast.Ident)
	var appends []appended
	for _, d := range drops {
		call := c.callAt(d.made.lparen)
		if call == nil {
			continue // a call that the source does not spell
		}
		for _, pos := range d.appends {
			if a := c.callAt(pos); a != nil {
				appends = append(appends, appended{call, a})
			}
		}
		dest := c.dests[d.made]
		if len(d.appends) > 0 || !c.overwritten(dest) {
			continue
		}
		if id, ok := ast.Unparen(dest).(*ast.Ident); ok {
			held[call] = id
		}
		if !reported[call] {
			reported[call] = true
			calls = append(calls, call)
		}
	}
	return calls, held, appends
}

// lines returns the lines of the sorted positions at, in one file, the way
// a report names them: "26", "26 or 31", "26, 31 or 40".
func (c *checker) lines(at []token.Pos) string {
	var lines []string
	for _, pos := range at {
		line := strconv.Itoa(c.pass.Fset.Position(pos).Line)
		if !slices.Contains(lines, line) {
			lines = append(lines, line)
		}
	}
	if len(lines) == 1 {
		return lines[0]
	}
	return strings.Join(lines[:len(lines)-1], ", ") + " or " + lines[len(lines)-1]
}

// callAt returns the call whose opening parenthesis is at lparen, or nil.
func (c *checker) callAt(lparen token.Pos) *ast.CallExpr {
	for _, f := range c.pass.Files {
		if lparen < f.FileStart || lparen >= f.FileEnd {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, lparen, lparen+1)
		for _, n := range path {
			if call, ok := n.(*ast.CallExpr); ok && call.Lparen == lparen {
				return call
			}
		}
	}
	return nil
}

// overwritten reports whether dest, which receives a future that the flow
// analysis found no path reading, is a place where such a future is
// reported: a local variable declared in the function and assigned more
// than once (so overwritten before any path reads this future), or an
// element of an array held in a variable.
func (c *checker) overwritten(dest ast.Expr) bool {
	switch dest := ast.Unparen(dest).(type) {
	case *ast.Ident:
		v, ok := c.pass.TypesInfo.ObjectOf(dest).(*types.Var)
		return ok && c.candidates[v] && c.reassigned(v)
	case *ast.IndexExpr:
		id, ok := ast.Unparen(dest.X).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
		if !ok {
			return false
		}
		array, ok := v.Type().Underlying().(*types.Array)
		return ok && isFuture(array.Elem())
	}
	return false
}

// ignoreDirective is the comment that silences a report on its own line and
// on the line below it.
const ignoreDirective = "//gathervet:ignore"

// A fileLine is a line of a source file.
type fileLine struct {
	file string
	line int
}

// ignoredLines returns the lines of the package's files that hold an ignore
// directive: the directive alone, or followed by a space and a reason.
func ignoredLines(pass *analysis.Pass) map[fileLine]bool {
	lines := make(map[fileLine]bool)
	for _, f := range pass.Files {
		for _, group := range f.Comments {
			for _, comment := range group.List {
				rest, ok := strings.CutPrefix(comment.Text, ignoreDirective)
				if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
					continue
				}
				posn := pass.Fset.Position(comment.Slash)
				lines[fileLine{posn.Filename, posn.Line}] = true
			}
		}
	}
	return lines
}

// dropped reports whether a future that goes to dest is lost.
func (c *checker) dropped(dest ast.Expr, unused map[*types.Var]bool) bool {
	if dest == nil {
		return true
	}
	id, ok := dest.(*ast.Ident)
	if !ok {
		return false
	}
	if id.Name == "_" {
		return true
	}
	v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	return ok && unused[v]
}

// callOf returns x, without parentheses, when it calls a function or method,
// and nil when it is anything else, a conversion or a call of a built-in
// function included.
func (c *checker) callOf(x ast.Expr) *ast.CallExpr {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok {
		return nil
	}
	if tv, ok := c.pass.TypesInfo.Types[call.Fun]; !ok || tv.IsType() || tv.IsBuiltin() {
		return nil
	}
	return call
}

// hasFuture reports whether t, or one of the types of the tuple t, is a
// future.
func hasFuture(t types.Type) bool {
	tuple, ok := t.(*types.Tuple)
	if !ok {
		return isFuture(t)
	}
	for v := range tuple.Variables() {
		if isFuture(v.Type()) {
			return true
		}
	}
	return false
}

// isFuture reports whether t is a pointer to an instantiation of
// runtime.Future, possibly through an alias or a defined pointer type.
func isFuture(t types.Type) bool {
	if t == nil {
		return false
	}
	ptr, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok {
		return false
	}
	obj := named.Obj()
	return obj.Name() == "Future" && obj.Pkg() != nil && futurePackages[obj.Pkg().Path()]
}

// calleeName names the function that fun denotes the way the source spells
// it: FetchUserAsync, runtime.Go, c.FetchOrdersAsync, p.Future. Type
// arguments are left out; a method called on a complex expression is named
// by the method alone.
func calleeName(info *types.Info, fun ast.Expr) string {
	fun = ast.Unparen(fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		if info.Types[f.Index].IsType() {
			return calleeName(info, f.X)
		}
	case *ast.IndexListExpr:
		return calleeName(info, f.X)
	case *ast.SelectorExpr:
		if isPath(f.X) {
			return types.ExprString(f)
		}
		return f.Sel.Name
	case *ast.FuncLit:
		return "function literal"
	}
	return types.ExprString(fun)
}

// isPath reports whether x is an identifier or a chain of field selections
// such as s.client.
func isPath(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return isPath(x.X)
	}
	return false
}
