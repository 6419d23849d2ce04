// Package errmap has map directives that gathergen refuses: activities
// that do not take exactly one element, elements and results that the data
// converter cannot carry, a Map that is local too, and names that collide.
package errmap

import "context"

// Ping takes nothing besides its context.
//
//gathergen:activity map
func Ping(ctx context.Context) error { return nil }

// Pair takes two parameters.
//
//gathergen:activity map
func Pair(ctx context.Context, a int, b string) (int, error) { return a, nil }

// Watch takes a channel.
//
//gathergen:activity map
func Watch(ctx context.Context, ch chan int) error { return nil }

// Make returns a function.
//
//gathergen:activity map
func Make(ctx context.Context, n int) (func() int, error) { return nil, nil }

// Local is a local activity.
//
//gathergen:activity local map
func Local(n int) int { return n }

// Twice says map twice.
//
//gathergen:activity map map
func Twice(ctx context.Context, n int) (int, error) { return n, nil }

//gathergen:activity map local strconv.Itoa

// The Map of a function of another package without a context or parameter.
//gathergen:activity map os.Getpid

// Cube's Map collides with a function of the package.
//
//gathergen:activity map
func Cube(ctx context.Context, n int) (int, error) { return n * n * n, nil }

// CubeMap is declared by hand.
func CubeMap() {}

// Root's mapper variable collides with a variable of the package.
//
//gathergen:activity map
func Root(ctx context.Context, n int) (int, error) { return n, nil }

var rootMapper = 1

// Halve's Map collides with the wrapper of an async directive.
//
//gathergen:activity map
func Halve(ctx context.Context, n int) (int, error) { return n / 2, nil }

// Double has an async wrapper named as Halve's Map.
//
//gathergen:async as HalveMap
func Double(ctx context.Context, n int) (int, error) { return 2 * n, nil }

// Neg's Map constant collides with a constant of the package.
//
//gathergen:activity map
func Neg(ctx context.Context, n int) (int, error) { return -n, nil }

// NegMapWorkflowName is declared by hand.
const NegMapWorkflowName = "Neg"

// RegisterWorkflows is declared by hand, while the package has Maps and no
// workflow.
func RegisterWorkflows() {}
