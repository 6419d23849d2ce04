// Package output decides which files a run writes and writes them.
//
// PlanFiles takes what resolving found of one package in every build
// configuration (PackageParts) and returns its Files: one model per build
// constraint, each rendered by package emit into its own file
// (gather_gen.go, gather_gen.linux.go, ...), the activity file, and the
// removal of earlier output that no directive asks for any more; or the
// package's problems. A File knows its path, what is on disk and what
// should be; it writes itself atomically (Write, or Stage then Commit for
// several files at once) and shows what would change as a unified diff
// (Diff), which the command's -check prints.
package output
