// Package generator is the library behind the gathergen command: it reads
// //gathergen: directives and writes typed async wrappers and gather
// helpers that call package github.com/gathergen/gathergen/runtime, and
// typed stubs of Temporal activities, local activities and workflows
// (child stubs, typed client starts, registration), and the Maps of
// activities over slices, that call gathergen's Temporal module.
//
// Generate takes a Config (the packages, the output names, the build tags
// and environment) and returns a Result: the Files to write, or every
// problem found as a Diagnostic with its file:line:col. It writes nothing;
// Result.Write writes the changed files atomically, and File.Diff shows
// what would change, so that checking is the same run without the write.
//
// A gather directive takes 2 to MaxArity functions: for one, call its
// wrapper and Await it; more than MaxArity is a diagnostic, as the runtime's
// widest helper is Gather9. See the gathergen command for the directives
// and the shape of the generated code. RuntimeHelpers and TemporalHelpers
// render the fixed-arity helpers of the runtime and of the Temporal
// module, which internal/genarity writes.
//
// # How the generator is built
//
// Generate runs stages, each a package under internal/ that says in its
// doc what it owns, what it takes and what it returns. Data flows one way,
// and so do the imports: a stage knows the model and the stages before
// it, never those after it.
//
//	load       packages.Load of the named packages, of the files that other
//	           build configurations build, of the packages that directives
//	           name but no file imports          -> *packages.Package
//	directive  //gathergen: lines of the files, syntax only
//	                                             -> directive.Scan
//	resolve    directives + go/types             -> model.Resolved
//	           (model + diagnostics), one file per directive kind
//	output     a plan per build constraint, stale outputs, write, diff
//	                                             -> output.File
//	emit       model -> Go source, called by output for each file
//
// Beside them: model (the plain data between resolve, output and emit),
// typecode (go/types types as jennifer code, which resolve asks whether a
// type can be written and emit writes), converter (the check that
// Temporal's data converter can carry an activity's types), buildcfg
// (build constraints and configurations) and goname (Go's names: scopes,
// predeclared identifiers, the standard library). stages.go in this
// package is the whole run in order.
//
// To add a directive kind, open three packages: directive (its verb, its
// arguments and the names it generates: directive.go, names.go, scan.go),
// resolve (a file of its own, called from analyze in resolve.go, that
// turns it into model data, and a line in names.go if it declares new
// names), and emit (a file of its own that renders that data; model gets
// the field that carries it). A new kind of output file also touches
// output/plan.go.
package generator
