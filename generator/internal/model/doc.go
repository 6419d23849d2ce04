// Package model is the plain data that flows between the stages: what the
// resolve stage found and the emit and output stages render, with every
// name already decided.
//
// A Model is one package's generated file: its async Wrappers, its gather
// Groups, its Activities and ActivityGroups, and the build constraint the
// file keeps. Each declaration carries a Unit: the constraint under which
// it builds and the load that checked it. Resolved is what resolving one
// package in one configuration found: its model and its Diagnostics. The
// package also holds the facts about output files that several stages
// share: the default names, the header that marks gathergen's output
// (IsOwnOutput), and the names of constrained outputs (OutputName).
//
// It has no behaviour beyond small accessors; it imports go/types for
// the types that declarations carry, and nothing of the other stages but
// the build-constraint helpers.
package model
