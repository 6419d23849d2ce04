package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gathergen/gathergen/runtime"
)

// fetch starts a task that answers v, standing for a call to another
// service.
func fetch[T any](ctx context.Context, v T) *runtime.Future[T] {
	return runtime.Go(ctx, func(context.Context) (T, error) { return v, nil })
}

// fail starts a task that fails with err.
func fail[T any](ctx context.Context, err error) *runtime.Future[T] {
	return runtime.Go(ctx, func(context.Context) (T, error) { return *new(T), err })
}

// The values come back in argument order, whatever the order in which the
// tasks finish: here the first argument finishes last.
func ExampleGather2() {
	ctx := context.Background()
	// user, orders = await asyncio.gather(fetch_user(42), fetch_orders(42))
	orders := runtime.GoNamed(ctx, "FetchOrders", func(context.Context) ([]string, error) {
		return []string{"tea", "scones"}, nil
	})
	user := runtime.GoNamed(ctx, "FetchUser", func(context.Context) (string, error) {
		<-orders.Done() // finish after FetchOrders
		return "ada", nil
	})
	u, o, err := runtime.Gather2(ctx, user, orders)
	fmt.Println(u, o, err)
	// Output:
	// ada [tea scones] <nil>
}

// The first failure ends the gather at once with a *TaskError that names the
// task, and cancels the inputs still running, as asyncio's TaskGroup and
// errgroup do.
func ExampleGather2_failFast() {
	ctx := context.Background()
	errDown := errors.New("orders service unavailable")
	user := runtime.GoNamed(ctx, "FetchUser", func(ctx context.Context) (string, error) {
		<-ctx.Done() // slow: still running when FetchOrders fails
		return "", ctx.Err()
	})
	orders := runtime.GoNamed(ctx, "FetchOrders", func(context.Context) ([]string, error) {
		return nil, errDown
	})

	_, _, err := runtime.Gather2(ctx, user, orders)
	fmt.Println(err)
	var te *runtime.TaskError
	if errors.As(err, &te) {
		fmt.Println("failed:", te.Index, te.Name)
	}
	_, err = user.Await(ctx)
	fmt.Println("FetchUser:", err)
	// Output:
	// task 1 (FetchOrders): orders service unavailable
	// failed: 1 FetchOrders
	// FetchUser: context canceled
}

// A gather also ends when its ctx is done: it cancels the inputs still
// pending and returns context.Cause(ctx). This is
//
//	await asyncio.wait_for(asyncio.gather(fetch_user(42), fetch_orders(42)), timeout)
func ExampleGather2_timeout() {
	ctx := context.Background()
	noAnswer := func(ctx context.Context) (string, error) {
		<-ctx.Done() // a service that does not answer until cancelled
		return "", ctx.Err()
	}
	user := runtime.GoNamed(ctx, "FetchUser", noAnswer)
	orders := runtime.GoNamed(ctx, "FetchOrders", noAnswer)

	waitCtx, cancel := context.WithTimeoutCause(ctx, time.Millisecond, errors.New("page took too long"))
	defer cancel()
	_, _, err := runtime.Gather2(waitCtx, user, orders)
	fmt.Println(err)
	_, err = user.Await(ctx)
	fmt.Println("FetchUser:", err)
	// Output:
	// page took too long (still pending: task 0 (FetchUser), task 1 (FetchOrders))
	// FetchUser: context canceled
}

// Each result has its own type: no interface{} and no type assertions.
func ExampleGather3() {
	ctx := context.Background()
	points := runtime.GoNamed(ctx, "FetchPoints", func(context.Context) (int, error) {
		return 120, nil
	})
	user, orders, pts, err := runtime.Gather3(ctx, FetchUserAsync(ctx, 7), FetchOrdersAsync(ctx, 7), points)
	fmt.Println(user, orders, pts, err)
	// Output:
	// user 7 [tea scones] 120 <nil>
}

func ExampleGather4() {
	ctx := context.Background()
	// The parts of a product page, each from its own service.
	name, price, stock, tags, err := runtime.Gather4(ctx,
		fetch(ctx, "teapot"),
		fetch(ctx, 24.5),
		fetch(ctx, 3),
		fetch(ctx, []string{"kitchen", "gift"}),
	)
	fmt.Println(name, price, stock, tags, err)
	// Output:
	// teapot 24.5 3 [kitchen gift] <nil>
}

func ExampleGather5() {
	ctx := context.Background()
	// A weather report for one city.
	city, temp, wind, rain, alerts, err := runtime.Gather5(ctx,
		fetch(ctx, "Lyon"),
		fetch(ctx, 18.5),
		fetch(ctx, 12),
		fetch(ctx, false),
		fetch(ctx, []string{"pollen"}),
	)
	fmt.Println(city, temp, wind, rain, alerts, err)
	// Output:
	// Lyon 18.5 12 false [pollen] <nil>
}

func ExampleGather6() {
	ctx := context.Background()
	// The facts of a release, from the build system.
	version, commit, files, sizeMB, signed, notes, err := runtime.Gather6(ctx,
		fetch(ctx, "v1.2.0"),
		fetch(ctx, "f358504"),
		fetch(ctx, 42),
		fetch(ctx, 3.5),
		fetch(ctx, true),
		fetch(ctx, []string{"faster gathers"}),
	)
	fmt.Println(version, commit, files, sizeMB, signed, notes, err)
	// Output:
	// v1.2.0 f358504 42 3.5 true [faster gathers] <nil>
}

func ExampleGather7() {
	ctx := context.Background()
	// A user's profile page.
	name, age, email, verified, score, friends, badges, err := runtime.Gather7(ctx,
		fetch(ctx, "ada"),
		fetch(ctx, 36),
		fetch(ctx, "ada@example.com"),
		fetch(ctx, true),
		fetch(ctx, 4.8),
		fetch(ctx, []string{"grace", "alan"}),
		fetch(ctx, map[string]int{"gold": 2}),
	)
	fmt.Println(name, age, email, verified, score, friends, badges, err)
	// Output:
	// ada 36 ada@example.com true 4.8 [grace alan] map[gold:2] <nil>
}

func ExampleGather8() {
	ctx := context.Background()
	// The health of eight subsystems, as short status words.
	db, cache, queue, search, mail, auth, billing, cdn, err := runtime.Gather8(ctx,
		fetch(ctx, "ok"), fetch(ctx, "ok"), fetch(ctx, "degraded"), fetch(ctx, "ok"),
		fetch(ctx, "ok"), fetch(ctx, "ok"), fetch(ctx, "ok"), fetch(ctx, "slow"),
	)
	fmt.Println(db, cache, queue, search, mail, auth, billing, cdn, err)
	// Output:
	// ok ok degraded ok ok ok ok slow <nil>
}

func ExampleGather9() {
	ctx := context.Background()
	// An order summary, assembled from nine lookups.
	id, customer, items, total, paid, currency, shipped, carrier, notes, err := runtime.Gather9(ctx,
		fetch(ctx, 1001),
		fetch(ctx, "ada"),
		fetch(ctx, []string{"teapot", "cups"}),
		fetch(ctx, 31.5),
		fetch(ctx, true),
		fetch(ctx, "EUR"),
		fetch(ctx, false),
		fetch(ctx, "post"),
		fetch(ctx, "leave at the door"),
	)
	fmt.Println(id, customer, items, total, paid, currency, shipped, carrier, notes, err)
	// Output:
	// 1001 ada [teapot cups] 31.5 true EUR false post leave at the door <nil>
}

// Settle is asyncio.gather with return_exceptions=True: every input is
// waited for, and a failure cancels nothing.
func ExampleSettle2() {
	ctx := context.Background()
	errDown := errors.New("recommendations unavailable")
	recs := runtime.GoNamed(ctx, "FetchRecommendations", func(context.Context) ([]string, error) {
		return nil, errDown
	})
	cart := runtime.GoNamed(ctx, "FetchCart", func(context.Context) ([]string, error) {
		<-recs.Done() // still running when the other input fails
		return []string{"tea"}, nil
	})
	// cart, recs = await asyncio.gather(fetch_cart(), fetch_recs(), return_exceptions=True)
	c, r := runtime.Settle2(ctx, cart, recs)
	fmt.Println("cart:", c.Value, c.Err)
	fmt.Println("recommendations:", r.Value, r.Err)
	// Output:
	// cart: [tea] <nil>
	// recommendations: [] recommendations unavailable
}

// When ctx is done first, the inputs still pending are cancelled and their
// results carry context.Cause(ctx); those that have settled keep their own.
func ExampleSettle3() {
	ctx := context.Background()
	db := fetch(ctx, "db ok")
	cache := fail[string](ctx, errors.New("cache: connection refused"))
	queue := runtime.Go(ctx, func(ctx context.Context) (string, error) {
		<-ctx.Done() // hangs until cancelled
		return "", ctx.Err()
	})
	// Let the quick checks answer first, so that the output does not depend
	// on timing.
	<-db.Done()
	<-cache.Done()

	waitCtx, cancel := context.WithTimeoutCause(ctx, time.Millisecond, errors.New("health check timed out"))
	defer cancel()
	d, c, q := runtime.Settle3(waitCtx, db, cache, queue)
	fmt.Printf("db: %q %v\n", d.Value, d.Err)
	fmt.Printf("cache: %q %v\n", c.Value, c.Err)
	fmt.Printf("queue: %q %v\n", q.Value, q.Err)
	// Output:
	// db: "db ok" <nil>
	// cache: "" cache: connection refused
	// queue: "" health check timed out (still pending: task 2)
}

func ExampleSettle4() {
	ctx := context.Background()
	name, price, stock, reviews := runtime.Settle4(ctx,
		fetch(ctx, "teapot"),
		fetch(ctx, 24.5),
		fail[int](ctx, errors.New("stock service unavailable")),
		fetch(ctx, []string{"lovely"}),
	)
	fmt.Println(name.Value, price.Value, reviews.Value)
	fmt.Println("stock:", stock.Err)
	// Output:
	// teapot 24.5 [lovely]
	// stock: stock service unavailable
}

func ExampleSettle5() {
	ctx := context.Background()
	city, temp, wind, rain, alerts := runtime.Settle5(ctx,
		fetch(ctx, "Lyon"),
		fetch(ctx, 18.5),
		fail[int](ctx, errors.New("anemometer offline")),
		fetch(ctx, false),
		fetch(ctx, []string{"pollen"}),
	)
	fmt.Println(city.Value, temp.Value, rain.Value, alerts.Value)
	fmt.Println("wind:", wind.Err)
	// Output:
	// Lyon 18.5 false [pollen]
	// wind: anemometer offline
}

func ExampleSettle6() {
	ctx := context.Background()
	version, commit, files, size, signed, notes := runtime.Settle6(ctx,
		fetch(ctx, "v1.2.0"),
		fetch(ctx, "f358504"),
		fetch(ctx, 42),
		fetch(ctx, 3.5),
		fail[bool](ctx, errors.New("signing key not found")),
		fetch(ctx, []string{"faster gathers"}),
	)
	fmt.Println(version.Value, commit.Value, files.Value, size.Value, notes.Value)
	fmt.Println("signed:", signed.Err)
	// Output:
	// v1.2.0 f358504 42 3.5 [faster gathers]
	// signed: signing key not found
}

func ExampleSettle7() {
	ctx := context.Background()
	errPrivate := errors.New("private")
	name, age, email, verified, score, friends, badges := runtime.Settle7(ctx,
		fetch(ctx, "ada"),
		fail[int](ctx, errPrivate),
		fail[string](ctx, errPrivate),
		fetch(ctx, true),
		fetch(ctx, 4.8),
		fetch(ctx, []string{"grace", "alan"}),
		fetch(ctx, map[string]int{"gold": 2}),
	)
	fmt.Println(name.Value, verified.Value, score.Value, friends.Value, badges.Value)
	fmt.Println("age:", age.Err, "email:", email.Err)
	// Output:
	// ada true 4.8 [grace alan] map[gold:2]
	// age: private email: private
}

func ExampleSettle8() {
	ctx := context.Background()
	db, cache, queue, search, mail, auth, billing, cdn := runtime.Settle8(ctx,
		fetch(ctx, "ok"), fetch(ctx, "ok"), fetch(ctx, "ok"), fetch(ctx, "ok"),
		fail[string](ctx, errors.New("smtp: connection refused")),
		fetch(ctx, "ok"), fetch(ctx, "ok"), fetch(ctx, "ok"),
	)
	for _, r := range []runtime.Result[string]{db, cache, queue, search, mail, auth, billing, cdn} {
		if r.Err != nil {
			fmt.Println("down:", r.Err)
		}
	}
	// Output:
	// down: smtp: connection refused
}

func ExampleSettle9() {
	ctx := context.Background()
	id, customer, items, total, paid, currency, shipped, carrier, notes := runtime.Settle9(ctx,
		fetch(ctx, 1001),
		fetch(ctx, "ada"),
		fetch(ctx, []string{"teapot", "cups"}),
		fetch(ctx, 31.5),
		fetch(ctx, true),
		fetch(ctx, "EUR"),
		fetch(ctx, false),
		fail[string](ctx, errors.New("carrier not chosen yet")),
		fetch(ctx, "leave at the door"),
	)
	fmt.Println(id.Value, customer.Value, items.Value, total.Value, paid.Value, currency.Value, shipped.Value, notes.Value)
	fmt.Println("carrier:", carrier.Err)
	// Output:
	// 1001 ada [teapot cups] 31.5 true EUR false leave at the door
	// carrier: carrier not chosen yet
}

// All gathers any number of futures of one type, as
//
//	sizes = await asyncio.gather(*(fetch(url) for url in urls))
func ExampleAll() {
	ctx := context.Background()
	urls := []string{"/", "/about", "/contact"}
	pages := make([]*runtime.Future[int], len(urls))
	for i, url := range urls {
		pages[i] = runtime.GoNamed(ctx, url, func(context.Context) (int, error) {
			return 100 * len(url), nil // the size of the page
		})
	}
	sizes, err := runtime.All(ctx, pages...)
	fmt.Println(sizes, err)
	// Output:
	// [100 600 800] <nil>
}

// AllSettled is asyncio.gather(*aws, return_exceptions=True): one outcome per
// input, in the order of the inputs, and a failure cancels nothing.
func ExampleAllSettled() {
	ctx := context.Background()
	mirrors := []string{"eu", "us", "asia"}
	pings := make([]*runtime.Future[string], len(mirrors))
	for i, m := range mirrors {
		pings[i] = runtime.GoNamed(ctx, m, func(context.Context) (string, error) {
			if m == "us" {
				return "", errors.New("connection refused")
			}
			return m + " is up", nil
		})
	}
	for i, r := range runtime.AllSettled(ctx, pings...) {
		if r.Err != nil {
			fmt.Printf("%s: %v\n", mirrors[i], r.Err)
			continue
		}
		fmt.Println(r.Value)
	}
	// Output:
	// eu is up
	// us: connection refused
	// asia is up
}

// A Result holds what Await would return for one input. Results of many
// inputs split easily into values and errors.
func ExampleResult() {
	ctx := context.Background()
	parse := func(s string) *runtime.Future[int] {
		return runtime.Go(ctx, func(context.Context) (int, error) {
			var n int
			_, err := fmt.Sscan(s, &n)
			return n, err
		})
	}
	var (
		values []int
		errs   []error
	)
	for _, r := range runtime.AllSettled(ctx, parse("1"), parse("two"), parse("3")) {
		if r.Err != nil {
			errs = append(errs, r.Err)
			continue
		}
		values = append(values, r.Value)
	}
	fmt.Println(values)
	fmt.Println(len(errs), "failed")
	// Output:
	// [1 3]
	// 1 failed
}

// Map is the gather of a slice, asyncio.gather(*(fetch(u) for u in urls)):
// one call per element, each in its own goroutine, results in the order of
// the slice, and no future to make or to keep per element.
func ExampleMap() {
	ctx := context.Background()
	urls := []string{"/", "/about", "/contact"}
	sizes, err := runtime.Map(ctx, urls, func(_ context.Context, url string) (int, error) {
		return 100 * len(url), nil // the size of the page
	})
	fmt.Println(sizes, err)
	// Output:
	// [100 600 800] <nil>
}

// Under WithLimit, Map makes at most that many calls at once; the elements
// waiting for a slot hold no goroutine. A failure stops the rest.
func ExampleMap_limit() {
	ctx := runtime.WithLimit(context.Background(), 2)
	ids := []int{1, 2, 3, 4}
	_, err := runtime.Map(ctx, ids, func(_ context.Context, id int) (string, error) {
		if id == 3 {
			return "", errors.New("user 3 not found")
		}
		return fmt.Sprint("user ", id), nil
	})
	fmt.Println(err)
	// Output:
	// task 2: user 3 not found
}
