// Package directive reads gathergen's directives from syntax alone, with
// no go/types: it owns the grammar of a //gathergen: line
// (//gathergen:async, //gathergen:activity, //gathergen:gather), the
// targets that they name (PKG.FUNC, (*PKG.TYPE).METHOD, TYPE.METHOD),
// and the names that a directive asks for (FAsync, FResult, FActivity,
// FMap).
//
// It takes parsed Go files (*ast.File) and returns a Scan: each directive
// with its file and the declaration whose doc comment holds it (Found),
// the lines that do not parse or stand where no directive belongs
// (Problem), and the names that the directives may generate
// (Candidates), which the type checker's errors about undefined names are
// matched against. A new directive kind starts here: its verb in
// parseDirective, its spec in Directive, and its names in addCandidates.
package directive
