package dropped

import (
	"context"

	"github.com/gathergen/gathergen/runtime"
	"shop"
)

// The cases below are found by following the flow of each function: the
// future is held somewhere that no path reads.

// Overwritten before use: the first future is lost (moved here from package
// unseen when the analyzer learnt to see it).
func overwritten(ctx context.Context) (int, error) {
	f := runtime.Go(ctx, work) // want `^future returned by runtime\.Go is overwritten at line 17 before it is awaited$`
	f = runtime.Go(ctx, work)
	return f.Await(ctx)
}

func overwrittenDeclaredFirst(ctx context.Context, c *shop.Client) error {
	var o *runtime.Future[[]shop.Order]
	o = c.FetchOrdersAsync(ctx, 1) // want `^future returned by c\.FetchOrdersAsync is overwritten at line 24 before it is awaited$`
	o = c.FetchOrdersAsync(ctx, 2)
	_, err := o.Await(ctx)
	return err
}

func overwrittenTuple(ctx context.Context) error {
	f, err := shop.Pair(ctx) // want `^future returned by shop\.Pair is overwritten at line 34 before it is awaited$`
	if err != nil {
		return err
	}
	f, err = shop.Pair(ctx)
	if err != nil {
		return err
	}
	_, err = f.Await(ctx)
	return err
}

// Overwritten on every path, whichever branch ran.
func overwrittenOnEveryPath(ctx context.Context, cond bool) (int, error) {
	f := runtime.Go(ctx, work) // want `^future returned by runtime\.Go is overwritten at line 46 or 48 before it is awaited$`
	if cond {
		f = runtime.Resolved(1) // want `^future returned by runtime\.Resolved is overwritten at line 48 before it is awaited$`
	}
	f = runtime.Resolved(2)
	return f.Await(ctx)
}

// Awaited, then replaced by a future that nothing reads.
func replacedAfterAwait(ctx context.Context) (int, error) {
	f := runtime.Go(ctx, work)
	n, err := f.Await(ctx)
	f = runtime.Go(ctx, work) // want `^future returned by runtime\.Go is never awaited$`
	return n, err
}

// Both the variable-never-used rule and the flow see these: one report each.
func seenTwice(ctx context.Context) {
	f := runtime.Go(ctx, work) // want `^future returned by runtime\.Go is overwritten at line 63 before it is awaited$`
	f = runtime.Go(ctx, work)  // want `^future returned by runtime\.Go is never awaited$`
	_ = f
}

// Appended in a loop to a slice that nothing reads.
func appendedOnly(ctx context.Context, n int) {
	var fs []*runtime.Future[int]
	for range n {
		fs = append(fs, runtime.Go(ctx, work)) // want `^future returned by runtime\.Go is never awaited: the slice it is appended to is never read$`
	}
}

func appendedFromVariable(ctx context.Context, c *shop.Client, ids []int) {
	fs := make([]*runtime.Future[[]shop.Order], 0, len(ids))
	for _, id := range ids {
		f := c.FetchOrdersAsync(ctx, id)
		fs = append(fs, f) // want `^future returned by c\.FetchOrdersAsync is never awaited: the slice it is appended to is never read$`
	}
	_ = fs
}

func appendedToLiteral(ctx context.Context, cond bool) {
	fs := []*runtime.Future[int]{}
	if cond {
		fs = append(fs, runtime.Go(ctx, work), runtime.Resolved(1)) // want `^future returned by runtime\.Go is never awaited: the slice it is appended to is never read$` `^future returned by runtime\.Resolved is never awaited: the slice it is appended to is never read$`
	}
	fs = append(fs, runtime.Resolved(2)) // want `^future returned by runtime\.Resolved is never awaited: the slice it is appended to is never read$`
}

func appendedOnce(ctx context.Context) {
	fs := append([]*runtime.Future[int](nil), runtime.Go(ctx, work)) // want `^future returned by runtime\.Go is never awaited: the slice it is appended to is never read$`
	_ = fs
}

// An array whose elements are only ever assigned.
func arrayNeverRead(ctx context.Context) {
	var fs [2]*runtime.Future[int]
	fs[0] = runtime.Go(ctx, work) // want `^future returned by runtime\.Go is never awaited$`
	fs[1] = runtime.Resolved(1)   // want `^future returned by runtime\.Resolved is never awaited$`
}

// In a function literal, as anywhere else.
func inClosure(ctx context.Context) func() (int, error) {
	return func() (int, error) {
		f := runtime.Go(ctx, work) // want `^future returned by runtime\.Go is overwritten at line 108 before it is awaited$`
		f = runtime.Resolved(1)
		return f.Await(ctx)
	}
}

// A generic function, built in its generic form.
func generic[T any](ctx context.Context, fn func(context.Context) (T, error)) (T, error) {
	f := runtime.Go(ctx, fn) // want `^future returned by runtime\.Go is overwritten at line 116 before it is awaited$`
	f = runtime.Go(ctx, fn)
	return f.Await(ctx)
}

func flowIgnored(ctx context.Context) (int, error) {
	var fs []*runtime.Future[int]
	fs = append(fs, runtime.Go(ctx, work)) //gathervet:ignore started for its side effect
	f := runtime.Go(ctx, work)             //gathervet:ignore replaced below on purpose
	f = runtime.Resolved(1)
	return f.Await(ctx)
}

// Either future, whichever path made it, goes to a slice that nothing reads.
func appendedFromEitherPath(ctx context.Context, cond bool) {
	var fs []*runtime.Future[int]
	f := runtime.Go(ctx, work)
	if cond {
		f = runtime.Resolved(1)
	}
	fs = append(fs, f) // want `^future returned by runtime\.Go is never awaited: the slice it is appended to is never read$` `^future returned by runtime\.Resolved is never awaited: the slice it is appended to is never read$`
	g, err := shop.Pair(ctx)
	if err != nil {
		g = runtime.Resolved(0)
	}
	fs = append(fs, g) // want `^future returned by shop\.Pair is never awaited: the slice it is appended to is never read$` `^future returned by runtime\.Resolved is never awaited: the slice it is appended to is never read$`
}

// Overwritten in each case of a switch: the report names every line that
// overwrites the future, one of which runs.
func overwrittenInEachCase(ctx context.Context, n int) (int, error) {
	f := runtime.Go(ctx, work) // want `^future returned by runtime\.Go is overwritten at line 149, 151 or 153 before it is awaited$`
	switch n {
	case 0:
		f = runtime.Resolved(0)
	case 1:
		f = runtime.Resolved(1)
	default:
		f = runtime.Resolved(2)
	}
	return f.Await(ctx)
}

// Declared in a loop and overwritten in the same turn.
func overwrittenInLoop(ctx context.Context, n int) error {
	for range n {
		var f = runtime.Go(ctx, work) // want `^future returned by runtime\.Go is overwritten at line 162 before it is awaited$`
		f = runtime.Resolved(1)
		if _, err := f.Await(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Overwritten on one path; the other returns before reading it. The report
// names the overwrite.
func overwrittenOrReturned(ctx context.Context, cond bool) (int, error) {
	f := runtime.Go(ctx, work) // want `^future returned by runtime\.Go is overwritten at line 177 before it is awaited$`
	if cond {
		return 0, nil
	}
	f = runtime.Resolved(1)
	return f.Await(ctx)
}
