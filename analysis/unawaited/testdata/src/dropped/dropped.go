// Package dropped holds futures that are never awaited: each call with a want
// comment must be reported.
package dropped

import (
	"context"

	"github.com/gathergen/gathergen/runtime"
	rt "github.com/gathergen/gathergen/runtime"
	"shop"
)

func work(ctx context.Context) (int, error) { return 1, nil }

var _ = runtime.Go(context.Background(), work) // want `^future returned by runtime\.Go is never awaited$`

func expressionStatements(ctx context.Context, c *shop.Client, p *runtime.Promise[int], fr shop.Fetcher) {
	runtime.Go(ctx, work)                        // want `^future returned by runtime\.Go is never awaited$`
	runtime.Go[int](ctx, work)                   // want `^future returned by runtime\.Go is never awaited$`
	runtime.GoNamed(ctx, "work", work)           // want `^future returned by runtime\.GoNamed is never awaited$`
	rt.Resolved(1)                               // want `^future returned by rt\.Resolved is never awaited$`
	runtime.Rejected[int](context.Canceled)      // want `^future returned by runtime\.Rejected is never awaited$`
	shop.FetchUserAsync(ctx, 1)                  // want `^future returned by shop\.FetchUserAsync is never awaited$`
	c.FetchOrdersAsync(ctx, 1)                   // want `^future returned by c\.FetchOrdersAsync is never awaited$`
	(c.FetchOrdersAsync(ctx, 2))                 // want `^future returned by c\.FetchOrdersAsync is never awaited$`
	p.Future()                                   // want `^future returned by p\.Future is never awaited$`
	runtime.NewPromise[int]().Future()           // want `^future returned by Future is never awaited$`
	fr.FetchAsync(ctx)                           // want `^future returned by fr\.FetchAsync is never awaited$`
	shop.Pair(ctx)                               // want `^future returned by shop\.Pair is never awaited$`
	shop.Two(ctx)                                // want `^future returned by shop\.Two is never awaited$`
	shop.StartShared(ctx)                        // want `^future returned by shop\.StartShared is never awaited$`
	shop.StartDefined(ctx)                       // want `^future returned by shop\.StartDefined is never awaited$`
	identity(runtime.Resolved("x"))              // want `^future returned by identity is never awaited$`
	func() *runtime.Future[int] { return nil }() // want `^future returned by function literal is never awaited$`
}

func identity[T any](v T) T { return v }

func start2[A, B any](ctx context.Context, b B) *runtime.Future[A] { return nil }

func instantiated(ctx context.Context) {
	start2[int, string](ctx, "") // want `^future returned by start2 is never awaited$`
	start2[int](ctx, "")         // want `^future returned by start2 is never awaited$`
}

func callees(ctx context.Context, c *shop.Client, makers []func(context.Context) *runtime.Future[int], s struct{ c *shop.Client }) {
	makers[0](ctx)                             // want `^future returned by makers\[0\] is never awaited$`
	(*shop.Client).FetchOrdersAsync(c, ctx, 1) // want `^future returned by FetchOrdersAsync is never awaited$`
	s.c.FetchOrdersAsync(ctx, 1)               // want `^future returned by s\.c\.FetchOrdersAsync is never awaited$`
	shop.Fetcher.FetchAsync(nil, ctx)          // want `^future returned by shop\.Fetcher\.FetchAsync is never awaited$`
}

func goAndDefer(ctx context.Context, c *shop.Client) {
	go shop.FetchUserAsync(ctx, 1)   // want `^future returned by shop\.FetchUserAsync is never awaited$`
	defer c.FetchOrdersAsync(ctx, 1) // want `^future returned by c\.FetchOrdersAsync is never awaited$`
}

func blank(ctx context.Context, c *shop.Client) error {
	_ = runtime.Go(ctx, work)                   // want `^future returned by runtime\.Go is never awaited$`
	_ = (shop.FetchUserAsync(ctx, 1))           // want `^future returned by shop\.FetchUserAsync is never awaited$`
	var _ = c.FetchOrdersAsync(ctx, 1)          // want `^future returned by c\.FetchOrdersAsync is never awaited$`
	var _ *runtime.Future[int] = rt.Resolved(1) // want `^future returned by rt\.Resolved is never awaited$`
	_, err := shop.Pair(ctx)                    // want `^future returned by shop\.Pair is never awaited$`
	_, _ = shop.Two(ctx)                        // want `^future returned by shop\.Two is never awaited$`
	f, _ := shop.Two(ctx)                       // want `^future returned by shop\.Two is never awaited$`
	n, _ := 1, runtime.Resolved(2)              // want `^future returned by runtime\.Resolved is never awaited$`
	_, _ = f, n
	return err
}

func unusedLocals(ctx context.Context, c *shop.Client) {
	a := runtime.Go(ctx, work) // want `^future returned by runtime\.Go is never awaited$`
	_ = a

	var b = shop.FetchUserAsync(ctx, 1) // want `^future returned by shop\.FetchUserAsync is never awaited$`
	_ = b

	var d *runtime.Future[[]shop.Order]
	d = c.FetchOrdersAsync(ctx, 1) // want `^future returned by c\.FetchOrdersAsync is never awaited$`
	_ = d

	// Assigned twice and never used: both futures are lost.
	e := runtime.Resolved(1) // want `^future returned by runtime\.Resolved is overwritten at line 84 before it is awaited$`
	e = runtime.Resolved(2)  // want `^future returned by runtime\.Resolved is never awaited$`
	_, _ = e, e

	// Assigned in a closure only.
	var g *runtime.Future[int]
	func() {
		g = runtime.Go(ctx, work) // want `^future returned by runtime\.Go is never awaited$`
	}()
	_ = g

	s := shop.StartShared(ctx) // want `^future returned by shop\.StartShared is never awaited$`
	_ = s
}

func multipleAssignment(ctx context.Context, c *shop.Client) error {
	u, o := shop.FetchUserAsync(ctx, 1), c.FetchOrdersAsync(ctx, 1) // want `^future returned by c\.FetchOrdersAsync is never awaited$`
	_ = o
	if _, err := u.Await(ctx); err != nil {
		return err
	}

	f, err := shop.Pair(ctx) // want `^future returned by shop\.Pair is never awaited$`
	_ = f
	if err != nil {
		return err
	}

	x, y := shop.Two(ctx) // want `^future returned by shop\.Two is never awaited$`
	_, _ = x, y

	var p, q = shop.Two(ctx) // want `^future returned by shop\.Two is never awaited$`
	_ = q
	p.Cancel()
	return nil
}

func ignored(ctx context.Context) {
	runtime.Go(ctx, work) //gathervet:ignore started for its side effect

	//gathervet:ignore
	runtime.Go(ctx, work)

	//gathervet:ignore the directive covers the next line only
	runtime.Go(ctx, work)
	runtime.Go(ctx, work) // want `^future returned by runtime\.Go is never awaited$`

	runtime.Go(ctx, work) //gathervet:ignored is another word // want `^future returned by runtime\.Go is never awaited$`
	runtime.Go(ctx, work) // gathervet:ignore is not a directive // want `^future returned by runtime\.Go is never awaited$`
	runtime.Go(ctx, work) // want `^future returned by runtime\.Go is never awaited$`
}

// cache keeps the futures that it hands out.
type cache struct {
	m map[string]*runtime.Future[int]
}

func (c *cache) get(ctx context.Context, key string) *runtime.Future[int] {
	if f, ok := c.m[key]; ok {
		return f
	}
	f := runtime.Go(ctx, work)
	c.m[key] = f
	return f
}

func warm(ctx context.Context, c *cache) {
	// Reported, although the cache keeps the future: the analyzer cannot tell
	// a shared future from a fresh one, as its documentation says.
	c.get(ctx, "user") // want `^future returned by c\.get is never awaited$`
}
