// Package resolve checks the directives of one package against its types
// and turns them into a model, collecting every problem as a Diagnostic.
//
// It takes a loaded package (*packages.Package with syntax and types) and
// returns a model.Resolved. An Analyzer is the plain state of one package
// in one build configuration, as a go/analysis Pass is: pass.go holds it
// and its few methods (ScanFiles, Resolve, Report), resolve.go the order
// of the work, and every other file holds the functions of one concern,
// each taking the Analyzer first:
//
//   - async.go: //gathergen:async of a function of this package or of
//     another (PKG.FUNC), and the result mapping (classify);
//   - method.go: //gathergen:async of a method of another package's type,
//     of an interface, or promoted ((*PKG.TYPE).METHOD);
//   - gather.go: //gathergen:gather and its elements;
//   - activity.go: //gathergen:activity, and its groups;
//   - names.go: generated names against declared ones, imports and test
//     files;
//   - errors.go: the go command's and the type checker's errors, less
//     those that gathergen's own missing output causes;
//   - extra.go: the packages that directives name but no file imports;
//   - constraint.go and arrays.go: a file's build constraint, and the
//     spelling of array lengths.
//
// A new directive kind gets a file of its own here, called from analyze in
// resolve.go. The package never writes files and never renders code: it
// asks typecode only whether a type can be written.
package resolve
