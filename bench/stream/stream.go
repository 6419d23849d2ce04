// Package stream holds what the benchmarks of runtime.Stream compare: the
// same n trivial elements (fanout.Double of 0..n-1) streamed through
// runtime.Stream from an input that is never held in memory, and mapped by
// runtime.Map over a slice that holds them all, with and without
// runtime.WithLimit. Every implementation checks each result and returns
// their sum, so that none does less work than the others.
package stream

import (
	"context"
	"fmt"

	"github.com/gathergen/gathergen/bench/fanout"
	"github.com/gathergen/gathergen/runtime"
)

// count is the input 0, 1, ..., n-1, made one element at a time.
func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

// Stream streams n elements through runtime.Stream with the given window.
func Stream(ctx context.Context, n, window int) (int, error) {
	sum, i := 0, 0
	for v, err := range runtime.Stream(ctx, count(n), window, fanout.Double) {
		if err != nil {
			return 0, err
		}
		if v != 2*i {
			return 0, fmt.Errorf("element %d: %d, want %d", i, v, 2*i)
		}
		sum += v
		i++
	}
	if i != n {
		return 0, fmt.Errorf("%d results, want %d", i, n)
	}
	return sum, nil
}

// Map maps the n elements, held in a slice, with runtime.Map; under
// runtime.WithLimit(ctx, limit) when limit is above 0.
func Map(ctx context.Context, n, limit int) (int, error) {
	in := make([]int, n)
	for i := range in {
		in[i] = i
	}
	if limit > 0 {
		ctx = runtime.WithLimit(ctx, limit)
	}
	out, err := runtime.Map(ctx, in, fanout.Double)
	if err != nil {
		return 0, err
	}
	sum := 0
	for i, v := range out {
		if v != 2*i {
			return 0, fmt.Errorf("element %d: %d, want %d", i, v, 2*i)
		}
		sum += v
	}
	return sum, nil
}

// An Impl is one of the implementations, by name.
type Impl struct {
	Name string
	Run  func(ctx context.Context, n, window int) (int, error)
}

// Impls lists the implementations: map (no limit) first, the baseline.
var Impls = []Impl{
	{"map", func(ctx context.Context, n, _ int) (int, error) { return Map(ctx, n, 0) }},
	{"maplimited", Map},
	{"stream", Stream},
}
