// Package kept holds futures that are used: nothing here may be reported.
package kept

import (
	"context"
	"errors"
	"fmt"

	"github.com/gathergen/gathergen/runtime"
	"shop"
)

func work(ctx context.Context) (int, error) { return 1, nil }

// Package-level variables may be used anywhere, even by other packages.
var Started = runtime.Go(context.Background(), work)

var (
	_ = (*runtime.Future[int])(nil) // a conversion, not a call
	_ = runtime.Go[int]             // a function value, not a call
	_ = new(runtime.Future[int])    // a built-in, not a call that starts work
)

func awaited(ctx context.Context, c *shop.Client) error {
	f := shop.FetchUserAsync(ctx, 1)
	if _, err := f.Await(ctx); err != nil {
		return err
	}
	_, err := c.FetchOrdersAsync(ctx, 1).Await(ctx)
	return err
}

func gathered(ctx context.Context, c *shop.Client) error {
	u := shop.FetchUserAsync(ctx, 1)
	o := c.FetchOrdersAsync(ctx, 1)
	_, _, err := runtime.Gather2(ctx, u, o)
	if err != nil {
		return err
	}
	a, b := runtime.Go(ctx, work), runtime.Go(ctx, work)
	if _, err := runtime.All(ctx, a, b); err != nil {
		return err
	}
	_, err = runtime.All(ctx, runtime.Go(ctx, work), runtime.Resolved(2))
	return err
}

func consume(f *runtime.Future[int]) { f.Cancel() }

func passedOn(ctx context.Context) {
	f := runtime.Go(ctx, work)
	consume(f)
	consume(runtime.Go(ctx, work))
	fmt.Println(runtime.Resolved(3))
}

type holder struct {
	f  *runtime.Future[int]
	fs []*runtime.Future[int]
}

func stored(ctx context.Context, h *holder, m map[string]*runtime.Future[int], ch chan<- *runtime.Future[int]) []*runtime.Future[int] {
	h.f = runtime.Go(ctx, work)
	a := runtime.Go(ctx, work)
	h.fs = append(h.fs, a)
	b := runtime.Go(ctx, work)
	m["b"] = b
	m["c"] = runtime.Go(ctx, work)
	c := runtime.Go(ctx, work)
	ch <- c
	d := runtime.Go(ctx, work)
	lit := holder{f: d}
	_ = lit
	e := runtime.Go(ctx, work)
	fs := []*runtime.Future[int]{e, runtime.Go(ctx, work)}
	g := runtime.Go(ctx, work)
	ptr := &g
	_ = ptr
	return fs
}

func captured(ctx context.Context) func() (int, error) {
	f := runtime.Go(ctx, work)
	return func() (int, error) { return f.Await(ctx) }
}

func returned(ctx context.Context) *runtime.Future[int] {
	f := runtime.Go(ctx, work)
	return f
}

func returnedDirectly(ctx context.Context) *runtime.Future[int] {
	return runtime.Go(ctx, work)
}

func returnedTuple(ctx context.Context) (*runtime.Future[int], error) {
	return shop.Pair(ctx)
}

func namedResult(ctx context.Context) (f *runtime.Future[int]) {
	f = runtime.Go(ctx, work)
	return
}

func cancelled(ctx context.Context) {
	f := runtime.Go(ctx, work)
	f.Cancel()
	runtime.Go(ctx, work).Cancel()
}

func selected(ctx context.Context) error {
	f := runtime.Go(ctx, work)
	select {
	case <-f.Done():
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func reassignedThenUsed(ctx context.Context) (int, error) {
	f := runtime.Go(ctx, work)
	if f.Name() == "" {
		f = runtime.Resolved(2)
	}
	var g *runtime.Future[int]
	g = runtime.Go(ctx, work)
	if _, err := g.Await(ctx); err != nil {
		return 0, err
	}
	return f.Await(ctx)
}

func blankAndUsed(ctx context.Context) (int, error) {
	f := runtime.Go(ctx, work)
	_ = f
	return f.Await(ctx)
}

func deferAndGo(ctx context.Context) {
	f := runtime.Go(ctx, work)
	defer f.Cancel()
	g := runtime.Go(ctx, work)
	go consume(g)
	h := runtime.Go(ctx, work)
	go func() { _, _ = h.Await(ctx) }()
	i := runtime.Go(ctx, work)
	defer func() { i.Cancel() }()
}

func promise(ctx context.Context) (int, error) {
	p := runtime.NewPromise[int]()
	go p.Resolve(1)
	return p.Future().Await(ctx)
}

func settled(ctx context.Context, c *shop.Client) error {
	u, o := runtime.Settle2(ctx, shop.FetchUserAsync(ctx, 1), c.FetchOrdersAsync(ctx, 1))
	return errors.Join(u.Err, o.Err)
}

func completed(ctx context.Context) int {
	n := 0
	for _, r := range runtime.AsCompleted(ctx, runtime.Go(ctx, work), runtime.Go(ctx, work)) {
		n += r.Value
	}
	return n
}

func shadowed(ctx context.Context) {
	// A variable of another type named like a future is not a future.
	f, err := work(ctx)
	_, _ = f, err
	// A function returning something else than a future.
	work(ctx)
}

func rangeOver(ctx context.Context, fs []*runtime.Future[int]) {
	for _, f := range fs {
		_ = f
	}
}

func pair(ctx context.Context) error {
	f, err := shop.Pair(ctx)
	if err != nil {
		return err
	}
	_, err = f.Await(ctx)
	return err
}

func assignedFromOtherVariable(ctx context.Context) *runtime.Future[int] {
	f := runtime.Go(ctx, work)
	g := f
	return g
}

func throughParam(ctx context.Context, f *runtime.Future[int]) {
	f = runtime.Go(ctx, work) // a parameter is not checked
	_ = f
}
