// Package gtemporal is a stub of github.com/gathergen/gathergen/temporal, the
// Temporal target's workflow-side runtime, for the analyzer's tests: the same
// names and signatures, bodies that only compile.
package gtemporal

import "go.temporal.io/sdk/workflow"

// Future is the eventual result of an activity.
type Future[T any] struct {
	name  string
	value T
	err   error
}

// Execute starts the activity registered under name.
func Execute[T any](ctx workflow.Context, name string, args ...any) *Future[T] {
	return &Future[T]{name: name}
}

// Get waits for f.
func (f *Future[T]) Get(ctx workflow.Context) (T, error) { return f.value, f.err }

// IsReady reports whether f is settled.
func (f *Future[T]) IsReady() bool { return true }

// Cancel asks f's activity to stop.
func (f *Future[T]) Cancel() {}

// Name is the activity's name.
func (f *Future[T]) Name() string { return f.name }

// Gather2 gathers two futures.
func Gather2[A, B any](ctx workflow.Context, fa *Future[A], fb *Future[B]) (A, B, error) {
	a, err := fa.Get(ctx)
	if err != nil {
		var b B
		return a, b, err
	}
	b, err := fb.Get(ctx)
	return a, b, err
}

// All gathers futures of one type.
func All[T any](ctx workflow.Context, fs ...*Future[T]) ([]T, error) {
	out := make([]T, 0, len(fs))
	for _, f := range fs {
		v, err := f.Get(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
