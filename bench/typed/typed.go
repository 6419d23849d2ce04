// Package typed is the workload of the typed-gather benchmarks: nine trivial
// functions with gathergen directives, whose generated wrappers
// (gather_gen.go) the benchmarks gather with runtime.Gather2 and Gather9 and
// compare with the same calls made by hand.
package typed

import "context"

//go:generate go run github.com/gathergen/gathergen/cmd/gathergen

// Double is the work of every step: trivial, and called through a variable
// so that nothing inlines it.
var Double = func(_ context.Context, i int) (int, error) { return i * 2, nil }

// Step0 is a trivial task.
//
//gathergen:async
func Step0(ctx context.Context, i int) (int, error) { return Double(ctx, i) }

// Step1 is a trivial task. Its parameter is j, not i, so that the group
// helper Pair keeps two parameters: parameters of one name and type are
// shared.
//
//gathergen:async
func Step1(ctx context.Context, j int) (int, error) { return Double(ctx, j) }

// Step2 is a trivial task.
//
//gathergen:async
func Step2(ctx context.Context, i int) (int, error) { return Double(ctx, i) }

// Step3 is a trivial task.
//
//gathergen:async
func Step3(ctx context.Context, i int) (int, error) { return Double(ctx, i) }

// Step4 is a trivial task.
//
//gathergen:async
func Step4(ctx context.Context, i int) (int, error) { return Double(ctx, i) }

// Step5 is a trivial task.
//
//gathergen:async
func Step5(ctx context.Context, i int) (int, error) { return Double(ctx, i) }

// Step6 is a trivial task.
//
//gathergen:async
func Step6(ctx context.Context, i int) (int, error) { return Double(ctx, i) }

// Step7 is a trivial task.
//
//gathergen:async
func Step7(ctx context.Context, i int) (int, error) { return Double(ctx, i) }

// Step8 is a trivial task.
//
//gathergen:async
func Step8(ctx context.Context, i int) (int, error) { return Double(ctx, i) }

//gathergen:gather Pair Step0 Step1
