// Package buildcfg reasons about build constraints and build
// configurations: the constraint of a file (its //go:build line and its
// name's GOOS and GOARCH), whether two constraints hold in the same
// configurations, and a configuration (GOOS, GOARCH, cgo, tags) in which a
// constraint holds, as close to the current one as it can be (Satisfy).
//
// It takes constraint expressions and files and returns constraint
// expressions and configurations; it depends on no other stage.
package buildcfg
