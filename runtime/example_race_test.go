package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/gathergen/gathergen/runtime"
)

// The same query goes to two replicas; the first answer wins and the other
// query is cancelled, as with asyncio.wait(return_when=FIRST_COMPLETED)
// followed by cancelling the pending tasks.
func ExampleRace() {
	ctx := context.Background()
	primary := runtime.GoNamed(ctx, "primary", func(ctx context.Context) (string, error) {
		<-ctx.Done() // slow to answer
		return "", ctx.Err()
	})
	replica := runtime.GoNamed(ctx, "replica", func(context.Context) (string, error) {
		return "42 rows from the replica", nil
	})
	rows, err := runtime.Race(ctx, primary, replica)
	fmt.Println(rows, err)
	_, err = primary.Await(ctx)
	fmt.Println("primary:", err)
	// Output:
	// 42 rows from the replica <nil>
	// primary: context canceled
}

// The first input to settle wins even when it fails: its error comes back in
// a *TaskError. Use Any to wait for the first success instead.
func ExampleRace_failure() {
	ctx := context.Background()
	primary := runtime.GoNamed(ctx, "primary", func(context.Context) (string, error) {
		return "", errors.New("connection refused")
	})
	replica := runtime.GoNamed(ctx, "replica", func(ctx context.Context) (string, error) {
		<-ctx.Done() // slow to answer
		return "", ctx.Err()
	})
	_, err := runtime.Race(ctx, primary, replica)
	fmt.Println(err)
	// Output:
	// task 0 (primary): connection refused
}

// Any returns the first success and ignores failures while another input may
// still succeed; the inputs still running are then cancelled.
func ExampleAny() {
	ctx := context.Background()
	eu := runtime.GoNamed(ctx, "eu", func(context.Context) (string, error) {
		return "", errors.New("connection refused")
	})
	us := runtime.GoNamed(ctx, "us", func(context.Context) (string, error) {
		<-eu.Done() // answers after eu has failed
		return "package from us", nil
	})
	asia := runtime.GoNamed(ctx, "asia", func(ctx context.Context) (string, error) {
		<-ctx.Done() // slow to answer
		return "", ctx.Err()
	})
	pkg, err := runtime.Any(ctx, eu, us, asia)
	fmt.Println(pkg, err)
	_, err = asia.Await(ctx)
	fmt.Println("asia:", err)
	// Output:
	// package from us <nil>
	// asia: context canceled
}

// When every input fails, Any returns every error, each a *TaskError, joined
// in the order of the inputs.
func ExampleAny_allFailed() {
	ctx := context.Background()
	errRefused := errors.New("connection refused")
	eu := runtime.GoNamed(ctx, "eu", func(context.Context) (string, error) {
		return "", errRefused
	})
	us := runtime.GoNamed(ctx, "us", func(context.Context) (string, error) {
		return "", errors.New("certificate expired")
	})
	_, err := runtime.Any(ctx, eu, us)
	fmt.Println(err)
	fmt.Println(errors.Is(err, errRefused))
	// Output:
	// task 0 (eu): connection refused
	// task 1 (us): certificate expired
	// true
}

// AsCompleted is asyncio.as_completed: results arrive as they settle, each
// with its index among the inputs. Leaving the loop early cancels the inputs
// not yet seen.
func ExampleAsCompleted() {
	ctx := context.Background()
	release := make(chan struct{})
	slow := runtime.Go(ctx, func(ctx context.Context) (string, error) {
		<-ctx.Done() // does not answer until cancelled
		return "", ctx.Err()
	})
	medium := runtime.Go(ctx, func(context.Context) (string, error) {
		<-release
		return "us-east", nil
	})
	fast := runtime.Go(ctx, func(context.Context) (string, error) {
		return "eu-west", nil
	})

	seen := 0
	for i, r := range runtime.AsCompleted(ctx, slow, medium, fast) {
		fmt.Println(i, r.Value, r.Err)
		seen++
		if seen == 1 {
			close(release) // let medium answer only now, for a stable output
		}
		if seen == 2 {
			break // two answers are enough: slow is cancelled
		}
	}
	_, err := slow.Await(ctx)
	fmt.Println("slow:", err)
	// Output:
	// 2 eu-west <nil>
	// 1 us-east <nil>
	// slow: context canceled
}

// WithLimit is asyncio.Semaphore for tasks: with a limit of 1, the pages are
// fetched one at a time, in the order the tasks were started.
func ExampleWithLimit() {
	ctx := runtime.WithLimit(context.Background(), 1)
	var (
		mu            sync.Mutex
		order         []string
		running, most int
	)
	fetchPage := func(path string) *runtime.Future[string] {
		return runtime.Go(ctx, func(context.Context) (string, error) {
			mu.Lock()
			running++
			most = max(most, running)
			order = append(order, path)
			mu.Unlock()
			defer func() {
				mu.Lock()
				running--
				mu.Unlock()
			}()
			return "<html>" + path, nil
		})
	}
	pages, err := runtime.All(ctx, fetchPage("/a"), fetchPage("/b"), fetchPage("/c"))
	fmt.Println(pages, err)

	mu.Lock()
	defer mu.Unlock()
	fmt.Println("started:", order)
	fmt.Println("most at once:", most)
	// Output:
	// [<html>/a <html>/b <html>/c] <nil>
	// started: [/a /b /c]
	// most at once: 1
}

// The context that a task receives does not carry the limit, so a task that
// holds the only slot can still start sub-tasks and wait for them.
func ExampleWithLimit_subtasks() {
	ctx := runtime.WithLimit(context.Background(), 1)
	report := runtime.Go(ctx, func(ctx context.Context) (int, error) {
		sales, refunds, err := runtime.Gather2(ctx,
			runtime.Go(ctx, func(context.Context) (int, error) { return 120, nil }),
			runtime.Go(ctx, func(context.Context) (int, error) { return 20, nil }),
		)
		return sales - refunds, err
	})
	fmt.Println(report.Await(ctx))
	// Output:
	// 100 <nil>
}
