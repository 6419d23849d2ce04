// Command wishes is the first example of the asyncio.gather tutorial run on
// Temporal: a workflow gathers two activities that each print Hello, sleep
// and print World, so that they sleep at the same time, on one worker or on
// two.
//
// The Python original:
//
//	async def wishes():
//	    print("Hello")
//	    await asyncio.sleep(1)
//	    print("World")
//
//	await asyncio.gather(wishes(), wishes())
//
// Run it against a local dev server, from the temporal folder:
//
//	temporal server start-dev --headless        # in one terminal
//	go run ./examples/wishes -worker            # in more terminals: workers
//	go run ./examples/wishes                    # a worker, and the workflow
//
// Each worker prints the Hellos and Worlds of the activities that it ran;
// the last command then prints how long the gather took: about one pause,
// not two. -hostport names another server.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"sync"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	gtemporal "github.com/gathergen/gathergen/temporal"
	"github.com/gathergen/gathergen/temporal/examples/internal/cli"
)

//go:generate go tool gathergen

// taskQueue is the task queue of the example's workers.
const taskQueue = "gathergen-wishes"

// Wisher writes its wishes to W, one Write a line.
type Wisher struct {
	W io.Writer
}

// Wishes writes Hello, sleeps for pause (or until the activity is
// cancelled), then writes World.
//
//gathergen:activity
func (w *Wisher) Wishes(ctx context.Context, pause time.Duration) error {
	fmt.Fprintln(w.W, "Hello")
	select {
	case <-time.After(pause):
	case <-ctx.Done():
		return ctx.Err()
	}
	fmt.Fprintln(w.W, "World")
	return nil
}

// GatherWishes is a workflow: two Wishes at once. It returns how long they
// took, in the workflow's time.
func GatherWishes(ctx workflow.Context, pause time.Duration) (time.Duration, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: pause + time.Minute})
	start := workflow.Now(ctx)
	_, _, err := gtemporal.Gather2(ctx, WisherWishesActivity(ctx, pause), WisherWishesActivity(ctx, pause))
	return workflow.Now(ctx).Sub(start), err
}

// register registers the example's workflow, and its activity with the
// worker's wisher, which writes to w.
func register(r worker.Registry, w io.Writer) {
	r.RegisterWorkflow(GatherWishes)
	RegisterActivities(r, ActivityReceivers{Wisher: &Wisher{W: w}})
}

// lockedWriter serialises the writes of activities that run at once.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func main() {
	flags := cli.Parse()
	out := &lockedWriter{w: os.Stdout}
	reg := func(r worker.Registry) { register(r, out) }
	err := cli.Run(flags, taskQueue, reg, func(ctx context.Context, c client.Client) error {
		pause := time.Second
		run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{TaskQueue: taskQueue}, GatherWishes, pause)
		if err != nil {
			return err
		}
		var took time.Duration
		if err := run.Get(ctx, &took); err != nil {
			return err
		}
		fmt.Printf("two wishes of %v each took %v in all\n", pause, took.Round(100*time.Millisecond))
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
}
