package unawaited

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// A result is one result of a call, the call named by the position of its
// opening parenthesis (the position that the SSA form keeps for a call).
type result struct {
	lparen token.Pos
	index  int
}

// A flowDrop is a future that no path of its function reads: the result of
// a call, and the appends (possibly none) that put it into a slice that is
// never read.
type flowDrop struct {
	made    result
	appends []token.Pos // opening parentheses of the appends
}

// flowDrops builds the SSA form of the functions that hold one of sites,
// and returns the futures that no path of them reads.
//
// The SSA form is built here rather than by requiring buildssa, for speed:
// that pass needs ctrlflow, whose facts would make every run analyse every
// dependency, the standard library included, and it builds every function
// of every package. Here only the functions that hold a site get a body;
// the others are declared without one, as functions written in assembly
// are; package-level variables get no initializer, and only the imported
// packages that those bodies name are created.
func flowDrops(pass *analysis.Pass, sites []token.Pos) []flowDrop {
	if len(sites) == 0 {
		return nil
	}
	g := newReadGraph()
	var sources []ssa.Value
	for _, fn := range buildFuncs(pass, sites, ssa.BareInits) {
		sources = appendSources(sources, fn)
	}
	for _, s := range sources {
		g.explore(s)
	}
	g.propagate()

	var drops []flowDrop
	for _, s := range sources {
		if g.read[s] {
			continue
		}
		drops = append(drops, flowDrop{made: resultOf(s), appends: appendsReached(s)})
	}
	return drops
}

// buildFuncs builds, in the given mode, the SSA form of the functions that
// hold one of sites, and returns them.
func buildFuncs(pass *analysis.Pass, sites []token.Pos, mode ssa.BuilderMode) []*ssa.Function {
	slices.Sort(sites)
	files, info, funcs, imports := withBodies(pass, sites)
	prog := ssa.NewProgram(pass.Fset, mode)
	for _, imp := range imports {
		prog.CreatePackage(imp, nil, nil, true)
	}
	prog.CreatePackage(pass.Pkg, files, info, false).Build()
	var fns []*ssa.Function
	for _, obj := range funcs {
		if fn := prog.FuncValue(obj); fn != nil {
			fns = append(fns, fn)
		}
	}
	return fns
}

// overwrites returns, for each of the local variables in dests that receive
// a future that no path reads, the positions of the assignments that
// overwrite that future: on each path from the assignment of dest, the first
// later assignment to the same variable, the declaration of a variable of
// the same name in a later turn of a loop included. stores tells the
// identifiers that are assigned to, not read. A dest that every path leaves
// unchanged until the function returns has no entry.
//
// It builds the SSA form of the functions that hold the dests a second
// time, with the debugging information that ties each assignment to its
// identifier: this happens only for the futures that are reported, so the
// flow analysis of code that drops nothing never pays for it.
func overwrites(pass *analysis.Pass, dests map[*ast.Ident]bool, stores map[*ast.Ident]bool) map[*ast.Ident][]token.Pos {
	if len(dests) == 0 {
		return nil
	}
	var sites []token.Pos
	for id := range dests {
		sites = append(sites, id.Pos())
	}
	found := make(map[*ast.Ident][]token.Pos)
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		for _, block := range fn.Blocks {
			for i, instr := range block.Instrs {
				ref, ok := instr.(*ssa.DebugRef)
				if !ok {
					continue
				}
				if id, ok := ref.Expr.(*ast.Ident); ok && dests[id] && !ref.IsAddr && ref.Object() != nil {
					if at := assignmentsAfter(block, i, ref.Object(), stores); len(at) > 0 {
						found[id] = at
					}
				}
			}
		}
		for _, anon := range fn.AnonFuncs {
			visit(anon)
		}
	}
	for _, fn := range buildFuncs(pass, sites, ssa.BareInits|ssa.GlobalDebug) {
		visit(fn)
	}
	return found
}

// assignmentsAfter returns, sorted, the positions of the assignments to obj
// that come first on the paths that leave the instruction at index i of
// block: the identifiers of obj that stores holds, as the debugging
// information of the SSA form shows them.
func assignmentsAfter(block *ssa.BasicBlock, i int, obj types.Object, stores map[*ast.Ident]bool) []token.Pos {
	var at []token.Pos
	seen := make(map[*ssa.BasicBlock]bool)
	var walk func(b *ssa.BasicBlock, from int)
	walk = func(b *ssa.BasicBlock, from int) {
		for _, instr := range b.Instrs[from:] {
			ref, ok := instr.(*ssa.DebugRef)
			if !ok || ref.IsAddr || ref.Object() != obj {
				continue
			}
			if id, ok := ref.Expr.(*ast.Ident); ok && stores[id] {
				at = append(at, id.Pos())
				return
			}
		}
		for _, succ := range b.Succs {
			if !seen[succ] {
				seen[succ] = true
				walk(succ, 0)
			}
		}
	}
	walk(block, i+1)
	slices.Sort(at)
	return slices.Compact(at)
}

// withBodies returns copies of the package's files in which only the
// function declarations that hold one of the sorted sites keep their body,
// type information that knows the copies and initializes no package-level
// variable, the functions kept, and the imported packages whose functions
// and variables they use.
func withBodies(pass *analysis.Pass, sites []token.Pos) ([]*ast.File, *types.Info, []*types.Func, []*types.Package) {
	info := *pass.TypesInfo
	info.InitOrder = nil
	info.FileVersions = maps.Clone(pass.TypesInfo.FileVersions)
	if info.FileVersions == nil {
		info.FileVersions = make(map[*ast.File]string)
	}
	var files []*ast.File
	var funcs []*types.Func
	imports := make(map[*types.Package]bool)
	for _, file := range pass.Files {
		copied := *file
		copied.Decls = slices.Clone(file.Decls)
		for i, decl := range copied.Decls {
			decl, ok := decl.(*ast.FuncDecl)
			if !ok || decl.Body == nil {
				continue
			}
			at, _ := slices.BinarySearch(sites, decl.Pos())
			if at < len(sites) && sites[at] < decl.End() {
				if obj, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
					funcs = append(funcs, obj)
				}
				importsUsed(pass, decl, imports)
				continue
			}
			bare := *decl
			bare.Body = nil
			copied.Decls[i] = &bare
		}
		info.FileVersions[&copied] = pass.TypesInfo.FileVersions[file]
		files = append(files, &copied)
	}
	return files, &info, funcs, slices.Collect(maps.Keys(imports))
}

// importsUsed adds to imports the other packages whose package-level
// functions and variables decl uses: the only members of other packages
// that building its SSA form looks up (methods are made on demand).
func importsUsed(pass *analysis.Pass, decl *ast.FuncDecl, imports map[*types.Package]bool) {
	ast.Inspect(decl, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		obj := pass.TypesInfo.Uses[id]
		switch obj.(type) {
		case *types.Func, *types.Var:
		default:
			return true
		}
		if pkg := obj.Pkg(); pkg != nil && pkg != pass.Pkg && obj.Parent() == pkg.Scope() {
			imports[pkg] = true
		}
		return true
	})
}

// appendSources appends to sources the futures that fn and the function
// literals inside it make: each result of future type of each call.
func appendSources(sources []ssa.Value, fn *ssa.Function) []ssa.Value {
	for _, block := range fn.Blocks {
		for _, instr := range block.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || call.Pos() == token.NoPos {
				continue
			}
			if isFuture(call.Type()) {
				sources = append(sources, call)
				continue
			}
			if _, ok := call.Type().(*types.Tuple); !ok {
				continue
			}
			for _, ref := range *call.Referrers() {
				if x, ok := ref.(*ssa.Extract); ok && isFuture(x.Type()) {
					sources = append(sources, x)
				}
			}
		}
	}
	for _, anon := range fn.AnonFuncs {
		sources = appendSources(sources, anon)
	}
	return sources
}

// resultOf returns the call result that the source s is.
func resultOf(s ssa.Value) result {
	if x, ok := s.(*ssa.Extract); ok {
		return result{x.Tuple.Pos(), x.Index}
	}
	return result{s.Pos(), 0}
}

// A readGraph finds the values whose content some path may observe.
//
// A value is read when one of its referrers uses it in any way but these:
// flowing into a φ-node, being the slice that append extends or an element
// that it appends, and being stored into an element of a local array (the
// backing array that append's variadic arguments use, or an array variable).
// Those uses make the value read only when what they flow into is read,
// which deps records; a φ-node and the operands of it, and an append and
// the slice it extends, share their backing array, so each is read when the
// other is. A slice that did not start as nil, make or a fresh literal may
// share its backing array with code elsewhere: it counts as read.
type readGraph struct {
	// deps[v] lists the values that are read when v is read.
	deps map[ssa.Value][]ssa.Value
	// read holds the values known to be read.
	read map[ssa.Value]bool
	// seen holds the values explored, and arrays the allocations explored
	// for their content.
	seen, arrays map[ssa.Value]bool
}

func newReadGraph() *readGraph {
	return &readGraph{
		deps:   make(map[ssa.Value][]ssa.Value),
		read:   make(map[ssa.Value]bool),
		seen:   make(map[ssa.Value]bool),
		arrays: make(map[ssa.Value]bool),
	}
}

// explore records what reading v depends on, following its referrers.
func (g *readGraph) explore(v ssa.Value) {
	if g.seen[v] {
		return
	}
	g.seen[v] = true
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, ref := range *refs {
		switch ref := ref.(type) {
		case *ssa.Phi:
			g.share(v, ref)
		case *ssa.Call:
			if !callsAppend(ref) {
				g.read[v] = true
				continue
			}
			if ref.Call.Args[0] == v {
				g.share(v, ref)
			}
			if ref.Call.Args[1] == v {
				g.dependsOn(ref, v)
				g.share(ref.Call.Args[0], ref)
			}
		case *ssa.Store:
			if alloc := arrayOf(ref.Addr); alloc != nil && ref.Val == v {
				g.dependsOn(alloc, v)
				g.exploreArray(alloc)
				continue
			}
			g.read[v] = true
		default:
			g.read[v] = true
		}
	}
}

// exploreArray records what reading the content of the local array alloc
// depends on: a load of an element reads it, a store into one does not, and
// a slice of it is read like any slice.
func (g *readGraph) exploreArray(alloc *ssa.Alloc) {
	if g.arrays[alloc] {
		return
	}
	g.arrays[alloc] = true
	for _, ref := range *alloc.Referrers() {
		switch ref := ref.(type) {
		case *ssa.IndexAddr:
			if !onlyStoredInto(ref) {
				g.read[alloc] = true
			}
		case *ssa.Slice:
			g.dependsOn(alloc, ref)
			g.dependsOn(ref, alloc)
			g.explore(ref)
		default:
			g.read[alloc] = true
		}
	}
}

// share records that a and b are read together, explores both, and counts
// as read one that does not start a fresh backing array.
func (g *readGraph) share(a, b ssa.Value) {
	g.dependsOn(a, b)
	g.dependsOn(b, a)
	for _, v := range []ssa.Value{a, b} {
		if !g.seen[v] && !fresh(v) {
			g.read[v] = true
		}
		if s, ok := v.(*ssa.Slice); ok {
			if alloc, ok := s.X.(*ssa.Alloc); ok {
				g.exploreArray(alloc)
			}
		}
		g.explore(v)
	}
}

// dependsOn records that v is read when on is read.
func (g *readGraph) dependsOn(on, v ssa.Value) {
	g.deps[on] = append(g.deps[on], v)
}

// propagate marks as read every value that a read value depends on.
func (g *readGraph) propagate() {
	queue := make([]ssa.Value, 0, len(g.read))
	for v := range g.read {
		queue = append(queue, v)
	}
	for len(queue) > 0 {
		v := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, w := range g.deps[v] {
			if !g.read[w] {
				g.read[w] = true
				queue = append(queue, w)
			}
		}
	}
}

// fresh reports whether v, a value that shares its content with a φ-node or
// an append, is known to share it with nothing else: a constant (nil), a
// new slice, a slice of a local array, a φ-node or an append (whose own
// operands are checked), or a future made by a call.
func fresh(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Const, *ssa.MakeSlice, *ssa.Phi:
		return true
	case *ssa.Slice:
		_, ok := v.X.(*ssa.Alloc)
		return ok
	case *ssa.Call:
		return callsAppend(v) || isFuture(v.Type())
	case *ssa.Extract:
		return isFuture(v.Type())
	}
	return false
}

// appendsReached returns the appends that put the future s into a slice,
// directly or through φ-nodes, in the order met.
func appendsReached(s ssa.Value) []token.Pos {
	var appends []token.Pos
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value)
	walk = func(v ssa.Value) {
		if seen[v] || v.Referrers() == nil {
			return
		}
		seen[v] = true
		for _, ref := range *v.Referrers() {
			switch ref := ref.(type) {
			case *ssa.Phi:
				walk(ref)
			case *ssa.Call:
				if callsAppend(ref) && ref.Call.Args[1] == v {
					appends = append(appends, ref.Pos())
				}
			case *ssa.Store:
				if alloc := arrayOf(ref.Addr); alloc != nil && ref.Val == v {
					walk(alloc)
				}
			case *ssa.Slice:
				if _, ok := v.(*ssa.Alloc); ok {
					walk(ref)
				}
			}
		}
	}
	walk(s)
	return appends
}

// callsAppend reports whether call calls the built-in append.
func callsAppend(call *ssa.Call) bool {
	b, ok := call.Call.Value.(*ssa.Builtin)
	return ok && b.Name() == "append" && len(call.Call.Args) == 2
}

// arrayOf returns the local array that addr is the address of an element
// of, or nil.
func arrayOf(addr ssa.Value) *ssa.Alloc {
	ia, ok := addr.(*ssa.IndexAddr)
	if !ok {
		return nil
	}
	alloc, _ := ia.X.(*ssa.Alloc)
	return alloc
}

// onlyStoredInto reports whether the element address addr is only ever
// stored into.
func onlyStoredInto(addr *ssa.IndexAddr) bool {
	for _, ref := range *addr.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Store:
			if ref.Addr != addr || ref.Val == addr {
				return false
			}
		default:
			return false
		}
	}
	return true
}
