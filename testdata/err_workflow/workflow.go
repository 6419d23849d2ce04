// Package errworkflow has workflow directives that Temporal could not run.
package errworkflow

import (
	"context"

	"go.temporal.io/sdk/workflow"
)

// Map is generic.
//
//gathergen:workflow
func Map[T any](ctx workflow.Context, v T) (T, error) { return v, nil }

// Plain takes a context.Context.
//
//gathergen:workflow
func Plain(ctx context.Context, n int) (int, error) { return n, nil }

// Bare takes nothing.
//
//gathergen:workflow
func Bare() error { return nil }

// Wait takes a channel.
//
//gathergen:workflow
func Wait(ctx workflow.Context, done chan int) error { return nil }

// Make returns a function.
//
//gathergen:workflow
func Make(ctx workflow.Context) (func(), error) { return nil, nil }

// Count returns no error.
//
//gathergen:workflow
func Count(ctx workflow.Context) int { return 0 }

// Sum is variadic.
//
//gathergen:workflow
func Sum(ctx workflow.Context, ns ...int) (int, error) { return 0, nil }

// Fetch and Load claim the same workflow name.
//
//gathergen:workflow as Fetch
func Fetch(ctx workflow.Context) error { return nil }

// Load claims Fetch too.
//
//gathergen:workflow as Fetch
func Load(ctx workflow.Context) error { return nil }

// Twice has two workflow directives.
//
//gathergen:workflow
//gathergen:workflow as Again
func Twice(ctx workflow.Context) error { return nil }

// Shop has a method.
type Shop struct{}

// Run is a method.
//
//gathergen:workflow
func (Shop) Run(ctx workflow.Context) error { return nil }

// Config is not a function.
//
//gathergen:workflow
type Config struct{}

//gathergen:workflow as

//gathergen:workflow strconv.Atoi

//gathergen:workflow as Name extra

// Ship is a workflow whose typed start's name an async wrapper takes.
//
//gathergen:workflow
func Ship(ctx workflow.Context) error { return nil }

// Send has an async wrapper named as Ship's typed start.
//
//gathergen:async as ExecuteShip
func Send(ctx context.Context) error { return nil }

// Enrol has an async wrapper named as the registration of the workflows.
//
//gathergen:async as RegisterWorkflows
func Enrol(ctx context.Context) error { return nil }
