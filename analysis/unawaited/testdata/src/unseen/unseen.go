// Package unseen holds futures that are lost in ways the analyzer does not
// see, as its documentation says. Nothing here is reported; if the analyzer
// learns to see one of them, move that case to package dropped.
package unseen

import (
	"context"

	"github.com/gathergen/gathergen/runtime"
)

func work(ctx context.Context) (int, error) { return 1, nil }

// Awaited on some paths only.
func somePaths(ctx context.Context, wait bool) {
	f := runtime.Go(ctx, work)
	if wait {
		_, _ = f.Await(ctx)
	}
}

// Escaping into an interface.
func intoInterface(ctx context.Context) {
	var x any = runtime.Go(ctx, work)
	_ = x
}

// Stored where nobody reads it.
func intoSlice(ctx context.Context) {
	fs := []*runtime.Future[int]{runtime.Go(ctx, work)}
	_ = fs
}

// Received from a channel, not straight from a call.
func received(ch <-chan *runtime.Future[int]) {
	f := <-ch
	_ = f
}

// Stored in a map that nobody reads.
func intoMap(ctx context.Context) {
	m := make(map[string]*runtime.Future[int])
	m["a"] = runtime.Go(ctx, work)
}

// Handed to a function that drops it.
func intoFunction(ctx context.Context) {
	drop(runtime.Go(ctx, work))
}

// drop drops its future.
func drop(*runtime.Future[int]) {}

// Read from a map or a field, or obtained by a type assertion, then dropped.
func notFromCall(m map[string]*runtime.Future[int], h struct{ f *runtime.Future[int] }, x any) {
	a := m["a"]
	b := h.f
	c := x.(*runtime.Future[int])
	_, _, _ = a, b, c
}

// Appended to a parameter: the caller's slice may share the backing array.
func appendedToParameter(ctx context.Context, fs []*runtime.Future[int]) {
	fs = append(fs, runtime.Go(ctx, work))
	_ = fs
}

// Overwritten by a later turn of the loop: the last one is awaited.
func overwrittenInLoop(ctx context.Context, n int) (int, error) {
	var f *runtime.Future[int]
	for range n {
		f = runtime.Go(ctx, work)
	}
	return f.Await(ctx)
}

// Overwritten while captured by a closure, which reads only the last.
func overwrittenWhileCaptured(ctx context.Context) (int, error) {
	f := runtime.Go(ctx, work)
	wait := func() (int, error) { return f.Await(ctx) }
	f = runtime.Go(ctx, work)
	return wait()
}

// Stored by index into a slice made with make, which nobody reads.
func indexedIntoMake(ctx context.Context) {
	fs := make([]*runtime.Future[int], 1)
	fs[0] = runtime.Go(ctx, work)
}

// Read only in code that cannot run.
func readWhereNoPathGoes(ctx context.Context) (int, error) {
	f := runtime.Go(ctx, work)
	panic("not yet")
	return f.Await(ctx)
}
