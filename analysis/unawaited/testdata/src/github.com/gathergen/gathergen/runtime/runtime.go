// Package runtime is a stub of github.com/gathergen/gathergen/runtime for the
// analyzer's tests: the same names and signatures, bodies that only compile.
package runtime

import (
	"context"
	"iter"
)

// Future is the eventual result of a task.
type Future[T any] struct {
	value T
	err   error
	done  chan struct{}
}

// Go runs fn in its own goroutine.
func Go[T any](ctx context.Context, fn func(context.Context) (T, error)) *Future[T] {
	return GoNamed(ctx, "", fn)
}

// GoNamed is Go with a name.
func GoNamed[T any](ctx context.Context, name string, fn func(context.Context) (T, error)) *Future[T] {
	f := &Future[T]{done: make(chan struct{})}
	go func() {
		f.value, f.err = fn(ctx)
		close(f.done)
	}()
	return f
}

// Await waits for f.
func (f *Future[T]) Await(ctx context.Context) (T, error) {
	select {
	case <-f.done:
		return f.value, f.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// Done is closed when f settles.
func (f *Future[T]) Done() <-chan struct{} { return f.done }

// Cancel asks f to stop.
func (f *Future[T]) Cancel() {}

// Name is f's name.
func (f *Future[T]) Name() string { return "" }

// Promise is a future settled by hand.
type Promise[T any] struct{ f *Future[T] }

// NewPromise makes a promise.
func NewPromise[T any]() *Promise[T] {
	return &Promise[T]{f: &Future[T]{done: make(chan struct{})}}
}

// Resolve settles p with v.
func (p *Promise[T]) Resolve(v T) bool { p.f.value = v; close(p.f.done); return true }

// Reject settles p with err.
func (p *Promise[T]) Reject(err error) bool { p.f.err = err; close(p.f.done); return true }

// Future is p's future.
func (p *Promise[T]) Future() *Future[T] { return p.f }

// Resolved is a settled future.
func Resolved[T any](v T) *Future[T] {
	p := NewPromise[T]()
	p.Resolve(v)
	return p.Future()
}

// Rejected is a failed future.
func Rejected[T any](err error) *Future[T] {
	p := NewPromise[T]()
	p.Reject(err)
	return p.Future()
}

// Result is one outcome.
type Result[T any] struct {
	Value T
	Err   error
}

// All gathers fs.
func All[T any](ctx context.Context, fs ...*Future[T]) ([]T, error) {
	out := make([]T, 0, len(fs))
	for _, f := range fs {
		v, err := f.Await(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// AllSettled waits for every one of fs.
func AllSettled[T any](ctx context.Context, fs ...*Future[T]) []Result[T] {
	out := make([]Result[T], len(fs))
	for i, f := range fs {
		out[i].Value, out[i].Err = f.Await(ctx)
	}
	return out
}

// Race returns the first settled.
func Race[T any](ctx context.Context, fs ...*Future[T]) (T, error) { return fs[0].Await(ctx) }

// Any returns the first success.
func Any[T any](ctx context.Context, fs ...*Future[T]) (T, error) { return fs[0].Await(ctx) }

// AsCompleted yields outcomes in completion order.
func AsCompleted[T any](ctx context.Context, fs ...*Future[T]) iter.Seq2[int, Result[T]] {
	return func(yield func(int, Result[T]) bool) {
		for i, f := range fs {
			v, err := f.Await(ctx)
			if !yield(i, Result[T]{v, err}) {
				return
			}
		}
	}
}

// Gather2 gathers two futures.
func Gather2[A, B any](ctx context.Context, fa *Future[A], fb *Future[B]) (A, B, error) {
	a, err := fa.Await(ctx)
	if err != nil {
		var b B
		return a, b, err
	}
	b, err := fb.Await(ctx)
	return a, b, err
}

// Gather3 gathers three futures.
func Gather3[A, B, C any](ctx context.Context, fa *Future[A], fb *Future[B], fc *Future[C]) (A, B, C, error) {
	a, b, err := Gather2(ctx, fa, fb)
	c, err2 := fc.Await(ctx)
	if err == nil {
		err = err2
	}
	return a, b, c, err
}

// Settle2 waits for two futures.
func Settle2[A, B any](ctx context.Context, fa *Future[A], fb *Future[B]) (Result[A], Result[B]) {
	a, aerr := fa.Await(ctx)
	b, berr := fb.Await(ctx)
	return Result[A]{a, aerr}, Result[B]{b, berr}
}

// WithLimit bounds concurrency.
func WithLimit(ctx context.Context, n int) context.Context { return ctx }
