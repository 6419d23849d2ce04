// Package load runs the go command's loads that a run needs, with
// golang.org/x/tools/go/packages:
//
//   - Loader.Load: one packages.Load for every pattern, asking only for
//     the syntax and types of the named packages (dependencies come from
//     export data), with gathergen's earlier output reduced to its package
//     clause so that a stale file never blocks regeneration, and function
//     bodies replaced by stand-ins so that only declarations are
//     type-checked;
//   - Others: one more load per build configuration that the files the
//     run's configuration leaves out (x_windows.go on Linux) need, when
//     some of them hold directives;
//   - Extra: one more load, of export data, of the packages that
//     directives name but no file imports (//gathergen:async errors.Join);
//   - Names: the file lists of packages whose directives are read from
//     syntax alone.
//
// It takes a Config (patterns, folder, tags, environment) and returns
// packages; it knows nothing of resolving or emitting. Loader also
// answers what the later stages ask of a load: which files were earlier
// output, and which import paths the standard library has (StdNamed).
package load
