// Package doctest keeps the documentation honest: it reads the Markdown
// pages of the repository (README.md and docs/*.md), extracts the Go code
// blocks that are marked as complete files, and the shell commands they
// give, so that a test can compile the one and check that the other exists.
//
// The marks are described for writers in docs/README.md. In short, an HTML
// comment on the line before a fence marks the block that follows it:
//
//	<!-- doctest: file -->       a complete Go file; files of one page that
//	                             declare the same package are one package
//	<!-- doctest: program -->    a complete package main, a package of its own
//	<!-- doctest: generated -->  the exact file that gathergen writes for the
//	                             package of the page's file blocks (gather_gen.go,
//	                             or the name given after the word: generated
//	                             activity_gen.go)
//	<!-- doctest: output -->     what the page's last package main before it
//	                             prints, in a block fenced as text
//
// Every line of a block fenced as sh is a command (a # starts a comment).
package doctest
