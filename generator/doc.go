// Package generator is the library behind the gathergen command: it reads
// //gathergen: directives and writes typed async wrappers and gather
// helpers that call package github.com/gathergen/gathergen/runtime.
//
// It works in separate steps, so that checking is the same run without the
// write:
//
//   - load (load.go): one packages.Load for every pattern, asking only for
//     the syntax and types of the named packages (dependencies come from
//     export data), with gathergen's earlier output reduced to its package
//     clause so that a stale file never blocks regeneration, and function
//     bodies replaced by stand-ins so that only declarations are
//     type-checked: errors inside bodies, and unused imports, are left to
//     the compiler;
//   - parse (directive.go, target.go, analyze.go): the directives of each
//     file, with go/ast.ParseDirective, and what they name (PKG.FUNC,
//     (*PKG.TYPE).METHOD, ...);
//   - load what directives name but no file imports (extra.go): one more
//     packages.Load, of export data, only when a directive needs one;
//   - load the files that the run's configuration leaves out and that hold
//     directives (configs.go): one more packages.Load per configuration
//     that includes some (found from their constraints), each package's
//     analyzer there owning those files only; none for a package without
//     such files;
//   - analyse (resolve.go, method.go, group.go, check.go, constraint.go): each
//     directive resolved against go/types into a model (model.go), every
//     problem collected as a Diagnostic; generated names are checked
//     against the package's declarations and imports, and against those
//     of its _test.go files of the same package, parsed for it, since go
//     test compiles them with the generated file (whose imports avoid the
//     names that those files declare);
//   - plan (plan.go): what every configuration's analyzers found, split by
//     build constraint into one model per output file, and the earlier
//     outputs that no directive asks for any more;
//   - emit (emit.go, types.go, names.go, format.go): each model rendered
//     with jennifer and formatted as format.Source would format it, a
//     large file in chunks, each formatted on a goroutine of its own while
//     the next is rendered;
//     each wrapper hands the values it carries (receiver and parameters) to
//     runtime.GoWith..GoWith9 one by one, with the wrapped function itself
//     where its type is the task's and a literal that captures nothing
//     otherwise, so that a task costs no closure; types.go holds the one conversion of go/types types to
//     code, and names.go the scopes that keep generated names from
//     shadowing anything;
//   - commit (write.go, diff.go): Result.Write writes the changed files
//     atomically, File.Diff shows what would change.
//
// Activities (activity.go, carry.go, activity_plan.go, activity_emit.go)
// ride on the same steps: //gathergen:activity is resolved as
// //gathergen:async is, checked for what Temporal can register and its data
// converter can carry, and rendered into a second file per package
// (DefaultActivityOutput), with the one constraint that all its activities
// share, that names the Temporal SDK and gathergen's temporal module by
// import path only: the generator depends on neither.
//
// Generate does the first four and returns a Result; it writes nothing.
//
// A gather directive takes 2 to MaxArity functions: for one, call its
// wrapper and Await it; more than MaxArity is a diagnostic, as the runtime's
// widest helper is Gather9. See the gathergen command for the directives
// and the shape of the generated code.
//
// RuntimeHelpers renders the runtime's own Gather2..Gather9 and
// Settle2..Settle9, which internal/genarity writes.
package generator
