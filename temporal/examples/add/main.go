// Command add is the second example of the asyncio.gather tutorial run on
// Temporal: a workflow starts one activity Add per pair of numbers, built
// at run time, and gathers the sums with gtemporal.All, in the order of the
// pairs whatever the order in which workers finish them.
//
// The Python original:
//
//	async def add(a, b):
//	    return a + b
//
//	tasks = [asyncio.ensure_future(add(a, b)) for a, b in inputs]
//	result = await asyncio.gather(*tasks)
//
// Run it against a local dev server, from the temporal folder:
//
//	temporal server start-dev --headless        # in one terminal
//	go run ./examples/add -worker               # in more terminals: workers
//	go run ./examples/add                       # a worker, and the workflow
//
// It prints [9 12 15 13]. -hostport names another server.
package main

import (
	"context"
	"fmt"
	"log"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	gtemporal "github.com/gathergen/gathergen/temporal"
	"github.com/gathergen/gathergen/temporal/examples/internal/cli"
)

//go:generate go tool gathergen

// taskQueue is the task queue of the example's workers.
const taskQueue = "gathergen-add"

// Add returns a + b. As an activity it runs on whichever worker takes it.
//
//gathergen:activity
func Add(a, b int) int { return a + b }

// Sums is a workflow: one Add per pair, gathered in the order of pairs.
func Sums(ctx workflow.Context, pairs [][2]int) ([]int, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
	tasks := make([]*gtemporal.Future[int], len(pairs))
	for i, p := range pairs {
		tasks[i] = AddActivity(ctx, p[0], p[1])
	}
	return gtemporal.All(ctx, tasks...)
}

// register registers the example's workflow and activities with a worker.
func register(w worker.Registry) {
	w.RegisterWorkflow(Sums)
	RegisterActivities(w)
}

func main() {
	flags := cli.Parse()
	err := cli.Run(flags, taskQueue, register, func(ctx context.Context, c client.Client) error {
		run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{TaskQueue: taskQueue}, Sums,
			[][2]int{{4, 5}, {6, 6}, {7, 8}, {9, 4}})
		if err != nil {
			return err
		}
		var sums []int
		if err := run.Get(ctx, &sums); err != nil {
			return err
		}
		fmt.Println(sums)
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
}
