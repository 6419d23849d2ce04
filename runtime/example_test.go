package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gathergen/gathergen/runtime"
)

// FetchUser and FetchOrders stand for calls to other services.
func FetchUser(ctx context.Context, id int) (string, error) {
	return fmt.Sprintf("user %d", id), nil
}

func FetchOrders(ctx context.Context, id int) ([]string, error) {
	return []string{"tea", "scones"}, nil
}

// FetchUserAsync and FetchOrdersAsync are the wrappers that gathergen
// generates for functions marked //gathergen:async.
func FetchUserAsync(ctx context.Context, id int) *runtime.Future[string] {
	return runtime.GoNamed(ctx, "FetchUser", func(ctx context.Context) (string, error) {
		return FetchUser(ctx, id)
	})
}

func FetchOrdersAsync(ctx context.Context, id int) *runtime.Future[[]string] {
	return runtime.GoNamed(ctx, "FetchOrders", func(ctx context.Context) ([]string, error) {
		return FetchOrders(ctx, id)
	})
}

// The Go twin of
//
//	user, orders = await asyncio.gather(fetch_user(42), fetch_orders(42))
//
// with typed results and an error instead of an exception.
func Example() {
	ctx := context.Background()
	user, orders, err := runtime.Gather2(ctx, FetchUserAsync(ctx, 42), FetchOrdersAsync(ctx, 42))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(user, orders)
	// Output:
	// user 42 [tea scones]
}

func ExampleGo() {
	ctx := context.Background()
	// task = asyncio.create_task(checksum(data))
	data := []byte("gathergen")
	task := runtime.Go(ctx, func(ctx context.Context) (int, error) {
		sum := 0
		for _, b := range data {
			sum += int(b)
		}
		return sum, nil
	})
	// The caller is free to do other work while the task runs.
	sum, err := task.Await(ctx) // sum = await task
	fmt.Println(sum, err)
	// Output:
	// 949 <nil>
}

// A task due to start under a context that is already done is not started:
// its future settles with the context's cause.
func ExampleGo_contextDone() {
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errors.New("server shutting down"))

	var called atomic.Bool
	job := runtime.Go(ctx, func(context.Context) (string, error) {
		called.Store(true)
		return "done", nil
	})
	_, err := job.Await(context.Background())
	fmt.Println("error:", err)
	fmt.Println("called:", called.Load())
	// Output:
	// error: server shutting down
	// called: false
}

// A name makes a failure easy to trace: a gather reports it in its
// *TaskError. The wrappers that gathergen generates name each task after the
// function it wraps.
func ExampleGoNamed() {
	ctx := context.Background()
	errUnavailable := errors.New("service unavailable")
	user := runtime.GoNamed(ctx, "FetchUser", func(context.Context) (string, error) {
		return "ada", nil
	})
	orders := runtime.GoNamed(ctx, "FetchOrders", func(context.Context) ([]string, error) {
		return nil, errUnavailable
	})
	_, _, err := runtime.Gather2(ctx, user, orders)
	fmt.Println(err)
	fmt.Println(errors.Is(err, errUnavailable))
	// Output:
	// task 1 (FetchOrders): service unavailable
	// true
}

// GoWith passes the task its input as an argument; this is how generated
// wrappers start the function they wrap, with one allocation fewer than a
// closure. Several inputs travel in a struct.
func ExampleGoWith() {
	ctx := context.Background()
	type span struct{ from, to int }
	sum := func(_ context.Context, s span) (int, error) {
		total := 0
		for i := s.from; i <= s.to; i++ {
			total += i
		}
		return total, nil
	}
	low := runtime.GoWith(ctx, "sum", span{1, 50}, sum)
	high := runtime.GoWith(ctx, "sum", span{51, 100}, sum)
	a, b, err := runtime.Gather2(ctx, low, high)
	fmt.Println(a, b, a+b, err)
	// Output: 1275 3775 5050 <nil>
}

// GoWith2 to GoWith9 take the task's arguments one by one, so that a
// function of that shape is started as it is, with no closure: this is what
// gathergen's wrappers do.
func ExampleGoWith2() {
	ctx := context.Background()
	sum := func(_ context.Context, from, to int) (int, error) {
		total := 0
		for i := from; i <= to; i++ {
			total += i
		}
		return total, nil
	}
	low := runtime.GoWith2(ctx, "sum", 1, 50, sum)
	high := runtime.GoWith2(ctx, "sum", 51, 100, sum)
	a, b, err := runtime.Gather2(ctx, low, high)
	fmt.Println(a, b, a+b, err)
	// Output: 1275 3775 5050 <nil>
}

// A future may be awaited by any number of callers, and each gets the same
// result: here two tasks share one load of the configuration.
func ExampleFuture() {
	ctx := context.Background()
	config := runtime.Go(ctx, func(context.Context) (map[string]string, error) {
		return map[string]string{"region": "eu-west", "tier": "gold"}, nil
	})
	region := runtime.Go(ctx, func(ctx context.Context) (string, error) {
		c, err := config.Await(ctx)
		return c["region"], err
	})
	tier := runtime.Go(ctx, func(ctx context.Context) (string, error) {
		c, err := config.Await(ctx)
		return c["tier"], err
	})
	r, t, err := runtime.Gather2(ctx, region, tier)
	fmt.Println(r, t, err)
	// Output:
	// eu-west gold <nil>
}

// Giving up on a wait does not cancel the future, unlike asyncio.wait_for:
// the task runs on, and a later Await gets its result.
func ExampleFuture_Await() {
	ctx := context.Background()
	release := make(chan struct{})
	report := runtime.Go(ctx, func(context.Context) (string, error) {
		<-release // the report takes longer than the first caller will wait
		return "report ready", nil
	})

	waitCtx, cancel := context.WithTimeout(ctx, time.Millisecond)
	defer cancel()
	_, err := report.Await(waitCtx)
	fmt.Println("first wait:", err)

	close(release)
	msg, err := report.Await(ctx)
	fmt.Println("second wait:", msg, err)
	// Output:
	// first wait: context deadline exceeded
	// second wait: report ready <nil>
}

// Done is asyncio's Future.done() as a channel: poll it with a select and a
// default case, or wait for it next to other channels.
func ExampleFuture_Done() {
	ctx := context.Background()
	release := make(chan struct{})
	build := runtime.Go(ctx, func(context.Context) (string, error) {
		<-release
		return "build ok", nil
	})
	poll := func() {
		select {
		case <-build.Done():
			fmt.Println("finished")
		default:
			fmt.Println("still building")
		}
	}

	poll()
	close(release)
	<-build.Done()
	poll()
	fmt.Println(build.Await(ctx))
	// Output:
	// still building
	// finished
	// build ok <nil>
}

// Cancel settles a pending future at once with context.Canceled and cancels
// the task's context, so that a task that watches its context stops.
func ExampleFuture_Cancel() {
	ctx := context.Background()
	started, stopped := make(chan struct{}), make(chan error)
	download := runtime.Go(ctx, func(ctx context.Context) ([]byte, error) {
		close(started)
		<-ctx.Done() // a long download that watches its context
		stopped <- ctx.Err()
		return nil, ctx.Err()
	})
	<-started

	download.Cancel()
	_, err := download.Await(ctx)
	fmt.Println("await:", err)
	fmt.Println("task saw:", <-stopped)

	// Once a future has settled, Cancel does nothing.
	cached := runtime.Resolved("cached page")
	cached.Cancel()
	fmt.Println(cached.Await(ctx))
	// Output:
	// await: context canceled
	// task saw: context canceled
	// cached page <nil>
}

func ExampleFuture_Name() {
	ctx := context.Background()
	named := runtime.GoNamed(ctx, "FetchUser", func(context.Context) (string, error) {
		return "ada", nil
	})
	anonymous := runtime.Go(ctx, func(context.Context) (string, error) {
		return "grace", nil
	})
	fmt.Printf("%q %q\n", named.Name(), anonymous.Name())

	users, err := runtime.All(ctx, named, anonymous)
	fmt.Println(users, err)
	// Output:
	// "FetchUser" ""
	// [ada grace] <nil>
}

// A promise turns a callback into a future, as loop.create_future and
// set_result do in asyncio.
func ExamplePromise() {
	ctx := context.Background()

	// watch stands for a callback-style API: it calls onChange from a
	// goroutine of its own.
	var wg sync.WaitGroup
	watch := func(onChange func(version string)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			onChange("v2")
		}()
	}

	p := runtime.NewPromise[string]()
	watch(func(version string) { p.Resolve(version) })
	version, err := p.Future().Await(ctx)
	fmt.Println(version, err)
	wg.Wait()
	// Output:
	// v2 <nil>
}

// A pending promise holds back the tasks that await its future until someone
// settles it: here a worker waits for the end of a warm-up.
func ExampleNewPromise() {
	ctx := context.Background()
	warm := runtime.NewPromise[struct{}]()
	worker := runtime.Go(ctx, func(ctx context.Context) (string, error) {
		if _, err := warm.Future().Await(ctx); err != nil {
			return "", err
		}
		return "serving with warm caches", nil
	})

	// ... fill the caches ...
	warm.Resolve(struct{}{})
	fmt.Println(worker.Await(ctx))
	// Output:
	// serving with warm caches <nil>
}

// A future settles once: the first Resolve wins, and a promise whose future
// was cancelled refuses a late value.
func ExamplePromise_Resolve() {
	ctx := context.Background()
	p := runtime.NewPromise[int]()
	fmt.Println(p.Resolve(1))
	fmt.Println(p.Resolve(2))
	fmt.Println(p.Reject(errors.New("too late")))
	fmt.Println(p.Future().Await(ctx))

	late := runtime.NewPromise[int]()
	late.Future().Cancel()
	fmt.Println(late.Resolve(3))
	fmt.Println(late.Future().Await(ctx))
	// Output:
	// true
	// false
	// false
	// 1 <nil>
	// false
	// 0 context canceled
}

func ExamplePromise_Reject() {
	ctx := context.Background()
	errNoReply := errors.New("no reply from peer")
	reply := runtime.NewPromise[string]()
	fmt.Println(reply.Reject(errNoReply))
	fmt.Println(reply.Reject(errors.New("again")))

	_, err := reply.Future().Await(ctx)
	fmt.Println(err, errors.Is(err, errNoReply))
	// Output:
	// true
	// false
	// no reply from peer true
}

// Hand the future to every awaiter and keep the promise to settle it.
func ExamplePromise_Future() {
	ctx := context.Background()
	p := runtime.NewPromise[int]()
	fmt.Println(p.Future() == p.Future())

	plusOne := runtime.Go(ctx, func(ctx context.Context) (int, error) {
		v, err := p.Future().Await(ctx)
		return v + 1, err
	})
	double := runtime.Go(ctx, func(ctx context.Context) (int, error) {
		v, err := p.Future().Await(ctx)
		return 2 * v, err
	})
	p.Resolve(20)
	fmt.Println(runtime.Gather2(ctx, plusOne, double))
	// Output:
	// true
	// 21 40 <nil>
}

// Resolved wraps a value already at hand, such as a cache hit, as a future,
// without starting a goroutine: callers gather it like any other.
func ExampleResolved() {
	ctx := context.Background()
	cache := map[int]string{1: "Ada Lovelace"}
	lookup := func(ctx context.Context, id int) *runtime.Future[string] {
		if name, ok := cache[id]; ok {
			return runtime.Resolved(name)
		}
		return runtime.Go(ctx, func(context.Context) (string, error) {
			return "Grace Hopper", nil // a call to the user service
		})
	}
	names, err := runtime.All(ctx, lookup(ctx, 1), lookup(ctx, 2))
	fmt.Println(names, err)
	// Output:
	// [Ada Lovelace Grace Hopper] <nil>
}

// Rejected reports a failure that is known before any work starts, such as
// an invalid argument, through the same future as a task's failure.
func ExampleRejected() {
	ctx := context.Background()
	errBadID := errors.New("id must be positive")
	fetchUser := func(ctx context.Context, id int) *runtime.Future[string] {
		if id <= 0 {
			return runtime.Rejected[string](fmt.Errorf("user %d: %w", id, errBadID))
		}
		return runtime.Go(ctx, func(context.Context) (string, error) {
			return fmt.Sprintf("user %d", id), nil
		})
	}
	users, err := runtime.All(ctx, fetchUser(ctx, 7), fetchUser(ctx, -1))
	fmt.Println(users, err)
	fmt.Println(errors.Is(err, errBadID))
	// Output:
	// [] task 1: user -1: id must be positive
	// true
}
