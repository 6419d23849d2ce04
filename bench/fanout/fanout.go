// Package fanout holds the fan-outs that the benchmarks compare: the same
// trivial task run n times, each in its own goroutine, results collected in
// input order, the first error cancelling the rest. Floor is the hand-written
// version that the others are measured against.
package fanout

import (
	"context"
	"sync"

	"github.com/gathergen/gathergen/runtime"
	"github.com/sourcegraph/conc/pool"
	"golang.org/x/sync/errgroup"
)

// Double is the task: trivial, and called through a variable so that no
// implementation can inline it.
var Double = func(_ context.Context, i int) (int, error) { return i * 2, nil }

// Floor is the hand-written fan-out: a goroutine per task, a sync.WaitGroup,
// context.WithCancelCause for fail-fast and a preallocated slice.
func Floor(ctx context.Context, n int) ([]int, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	out := make([]int, n)
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	wg.Add(n)
	for i := range n {
		go func() {
			defer wg.Done()
			v, err := Double(ctx, i)
			if err != nil {
				once.Do(func() { first = err; cancel(err) })
				return
			}
			out[i] = v
		}()
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	return out, nil
}

// Errgroup is the fan-out with golang.org/x/sync/errgroup.WithContext.
func Errgroup(ctx context.Context, n int) ([]int, error) {
	g, ctx := errgroup.WithContext(ctx)
	out := make([]int, n)
	for i := range n {
		g.Go(func() error {
			v, err := Double(ctx, i)
			if err != nil {
				return err
			}
			out[i] = v
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return out, nil
}

// Conc is the fan-out with a github.com/sourcegraph/conc result pool. Its
// v0.3.0 returns the results in the order the tasks finished, not in input
// order: callers that need the order must sort or index them themselves.
func Conc(ctx context.Context, n int) ([]int, error) {
	p := pool.NewWithResults[int]().WithErrors().WithContext(ctx).WithCancelOnError()
	for i := range n {
		p.Go(func(ctx context.Context) (int, error) { return Double(ctx, i) })
	}
	return p.Wait()
}

// All is the fan-out with this project's runtime: a future per task from
// runtime.Go, gathered by runtime.All.
func All(ctx context.Context, n int) ([]int, error) {
	fs := make([]*runtime.Future[int], n)
	for i := range n {
		fs[i] = runtime.Go(ctx, func(ctx context.Context) (int, error) { return Double(ctx, i) })
	}
	return runtime.All(ctx, fs...)
}

// AllWith is All with tasks started by runtime.GoWith, which passes each
// task its index instead of capturing it: no closure per task, as in
// generated wrappers.
func AllWith(ctx context.Context, n int) ([]int, error) {
	fs := make([]*runtime.Future[int], n)
	for i := range n {
		fs[i] = runtime.GoWith(ctx, "Double", i, callDouble)
	}
	return runtime.All(ctx, fs...)
}

// Map is the fan-out with runtime.Map: one call per element of a slice, with
// the rules of runtime.All and no future per task.
func Map(ctx context.Context, n int) ([]int, error) {
	in := make([]int, n)
	for i := range in {
		in[i] = i
	}
	return runtime.Map(ctx, in, Double)
}

// callDouble calls Double; as a top-level function it captures nothing.
func callDouble(ctx context.Context, i int) (int, error) { return Double(ctx, i) }

// An Impl is one of the fan-outs, by name.
type Impl struct {
	Name string
	Run  func(ctx context.Context, n int) ([]int, error)
}

// Impls lists the fan-outs, the floor first.
var Impls = []Impl{
	{"floor", Floor},
	{"errgroup", Errgroup},
	{"conc", Conc},
	{"all", All},
	{"allwith", AllWith},
	{"map", Map},
}

// ScopeAll is All inside runtime.Scope: the scope returns only once every
// task has returned, as errgroup's Wait does, so that the two compare the
// same guarantee.
func ScopeAll(ctx context.Context, n int) (out []int, err error) {
	err = runtime.Scope(ctx, func(ctx context.Context) error {
		out, err = All(ctx, n)
		return err
	})
	return out, err
}

// ScopeAllWith is AllWith inside runtime.Scope.
func ScopeAllWith(ctx context.Context, n int) (out []int, err error) {
	err = runtime.Scope(ctx, func(ctx context.Context) error {
		out, err = AllWith(ctx, n)
		return err
	})
	return out, err
}

// ScopeMap is Map inside runtime.Scope: the scoped fan-out with no
// future per task.
func ScopeMap(ctx context.Context, n int) (out []int, err error) {
	err = runtime.Scope(ctx, func(ctx context.Context) error {
		out, err = Map(ctx, n)
		return err
	})
	return out, err
}

// CancelAllWith is AllWith under a context.WithCancelCause that is
// cancelled once AllWith returns: the context a scope gives its body,
// without the scope. ScopeAllWith's cost over it is the scope's own.
func CancelAllWith(ctx context.Context, n int) ([]int, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	return AllWith(ctx, n)
}
