package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"runtime/pprof"
	"slices"
	"sync"
	"time"

	"github.com/gathergen/gathergen/runtime"
)

// A gather that its deadline ends says which task it was still waiting for,
// and is still a deadline for errors.Is.
func ExamplePendingError() {
	ctx := context.Background()
	user := runtime.GoNamed(ctx, "FetchUser", func(context.Context) (string, error) { return "ada", nil })
	orders := runtime.GoNamed(ctx, "Client.Orders", func(ctx context.Context) ([]string, error) {
		<-ctx.Done() // a backend that does not answer
		return nil, ctx.Err()
	})
	<-user.Done() // the quick one answers first, so that the output is stable

	ctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	_, _, err := runtime.Gather2(ctx, user, orders)
	fmt.Println(err)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))

	var pending *runtime.PendingError
	if errors.As(err, &pending) {
		for _, t := range pending.Tasks {
			fmt.Println("slow:", t.Index, t.Name)
		}
	}
	// Output:
	// context deadline exceeded (still pending: task 1 (Client.Orders))
	// true
	// slow: 1 Client.Orders
}

// taskLog is an Observer that writes down how each task ended.
type taskLog struct {
	mu    sync.Mutex
	lines []string
}

func (l *taskLog) TaskStart(ctx context.Context, _ runtime.Task) context.Context { return ctx }

func (l *taskLog) TaskEnd(_ context.Context, t runtime.Task, o runtime.Outcome) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case !o.Started:
		l.lines = append(l.lines, fmt.Sprintf("%s: not started (%v)", t.Name, o.Err))
	case o.Err != nil:
		l.lines = append(l.lines, fmt.Sprintf("%s: failed: %v", t.Name, o.Err))
	default:
		l.lines = append(l.lines, fmt.Sprintf("%s: %v", t.Name, o.Value))
	}
}

// An observer sees every task started under its context: here two that run,
// and two that wait for the slot of a limit until a gather that gives up
// cancels them, so they never start.
func ExampleWithObserver() {
	log := &taskLog{}
	ctx := runtime.WithObserver(context.Background(), log)
	ctx = runtime.WithLimit(ctx, 1)

	user := runtime.GoNamed(ctx, "FetchUser", func(context.Context) (string, error) { return "ada", nil })
	<-user.Done()
	hold := make(chan struct{})
	busy := runtime.GoNamed(ctx, "Busy", func(context.Context) (int, error) { <-hold; return 1, nil })
	orders := runtime.GoNamed(ctx, "FetchOrders", func(context.Context) ([]string, error) { return nil, nil })
	recommend := runtime.GoNamed(ctx, "Recommend", func(context.Context) (int, error) { return 3, nil })

	waitCtx, cancel := context.WithCancel(ctx)
	cancel() // the caller gives up
	_, _, _, err := runtime.Gather3(waitCtx, user, orders, recommend)
	fmt.Println(err)
	close(hold)
	busy.Await(ctx)                                                                               //nolint:errcheck // the queued tasks' turn comes once Busy is done
	runtime.GoNamed(ctx, "Last", func(context.Context) (int, error) { return 4, nil }).Await(ctx) //nolint:errcheck

	slices.Sort(log.lines)
	for _, l := range log.lines {
		fmt.Println(l)
	}
	// Output:
	// context canceled (still pending: task 1 (FetchOrders), task 2 (Recommend))
	// Busy: 1
	// FetchOrders: not started (context canceled)
	// FetchUser: ada
	// Last: 4
	// Recommend: not started (context canceled)
}

// ProfileLabels names each task in profiles and goroutine dumps; the task's
// context carries the label too.
func ExampleProfileLabels() {
	ctx := runtime.WithObserver(context.Background(), runtime.ProfileLabels{})
	label, _ := runtime.GoNamed(ctx, "FetchUser", func(ctx context.Context) (string, error) {
		name, _ := pprof.Label(ctx, runtime.TaskLabel)
		return name, nil
	}).Await(ctx)
	fmt.Println(runtime.TaskLabel + "=" + label)
	// Output:
	// gathergen.task=FetchUser
}
