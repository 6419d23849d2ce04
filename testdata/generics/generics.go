// Package generics wraps generic functions and methods of generic types.
package generics

import (
	"context"
	"fmt"
	"slices"
)

// Number is a constraint with a union and ~ terms.
type Number interface {
	~int | ~int64 | float64
}

// Sum adds numbers.
//
//gathergen:async
func Sum[N Number](ctx context.Context, xs ...N) (N, error) {
	var s N
	for _, x := range xs {
		s += x
	}
	return s, ctx.Err()
}

// Zero has a type parameter that only its result uses.
//
//gathergen:async
func Zero[T any]() T {
	var z T
	return z
}

// Keys has an inline constraint and a constraint that refers to another
// type parameter.
//
//gathergen:async
func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

// Format has an interface literal constraint with a method and a union.
//
//gathergen:async
func Format[T interface {
	~int | ~string
	fmt.Stringer
}](v T) string {
	return v.String()
}

// MinMax returns several results of type parameters.
//
//gathergen:async
func MinMax[S ~[]E, E int | float64](s S) (lo, hi E, err error) {
	if len(s) == 0 {
		return lo, hi, fmt.Errorf("empty")
	}
	return slices.Min(s), slices.Max(s), nil
}

// Box holds a value.
type Box[T any] struct{ v T }

// Get has a value receiver.
//
//gathergen:async
func (b Box[T]) Get() T { return b.v }

// Set has a pointer receiver.
//
//gathergen:async
func (b *Box[T]) Set(ctx context.Context, v T) error {
	b.v = v
	return nil
}

// Swap has several results on a generic receiver whose type parameter has
// another name.
//
//gathergen:async
func (b *Box[X]) Swap(v X) (old, new X) {
	old, b.v = b.v, v
	return old, v
}

// Celsius has a String method.
type Celsius int

// String formats degrees.
func (c Celsius) String() string { return fmt.Sprintf("%d°C", int(c)) }

//gathergen:async slices.Index

//gathergen:gather Stats Sum Zero MinMax Box.Get Swap slices.Index Format

// Twice has one type parameter whose constraint starts with a pointer:
// the declaration of TwiceResult must not read as an array type.
//
//gathergen:async
func Twice[P *int | *int64](p P) (first, second P) { return p, p }

// Ref is a generic type whose only type parameter has a pointer
// constraint.
type Ref[P *int,] struct{ p P }

// Both returns its pointer twice.
//
//gathergen:async
func (r Ref[P]) Both() (a, b P) { return r.p, r.p }
