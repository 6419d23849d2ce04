// Package bench measures the temporal module's typed gathers against the
// same workflows written by hand with the SDK: in the SDK's test
// environment (N = 2, 9, 100 activities) and on a real dev server (1,000
// activities on two workers). It holds only benchmarks and the workflows
// they run; bench/README.md at the root has the figures. It lives in the
// temporal module, not in bench/, so that bench/ never requires the SDK and
// the dev-server harness is shared with the end-to-end test, and under
// internal/, so that its workflows and activity are not listed among the
// module's API.
package bench

import (
	"context"
	"fmt"
	"time"

	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	gtemporal "github.com/gathergen/gathergen/temporal"
)

//go:generate go tool gathergen

// Echo returns n: the trivial activity of the benchmarks.
//
//gathergen:activity
func Echo(_ context.Context, n int) (int, error) { return n, nil }

// options are the activity options of both workflows.
func options(ctx workflow.Context) workflow.Context {
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
}

// GatherTyped gathers n Echo activities through their generated stub:
// with Gather2 or Gather9 for 2 and 9, with All otherwise. It returns the
// sum of the results.
func GatherTyped(ctx workflow.Context, n int) (int, error) {
	ctx = options(ctx)
	switch n {
	case 2:
		a, b, err := gtemporal.Gather2(ctx, EchoActivity(ctx, 0), EchoActivity(ctx, 1))
		return a + b, err
	case 9:
		a, b, c, d, e, f, g, h, i, err := gtemporal.Gather9(ctx,
			EchoActivity(ctx, 0), EchoActivity(ctx, 1), EchoActivity(ctx, 2),
			EchoActivity(ctx, 3), EchoActivity(ctx, 4), EchoActivity(ctx, 5),
			EchoActivity(ctx, 6), EchoActivity(ctx, 7), EchoActivity(ctx, 8))
		return a + b + c + d + e + f + g + h + i, err
	}
	fs := make([]*gtemporal.Future[int], n)
	for i := range fs {
		fs[i] = EchoActivity(ctx, i)
	}
	values, err := gtemporal.All(ctx, fs...)
	sum := 0
	for _, v := range values {
		sum += v
	}
	return sum, err
}

// GatherSelector is GatherTyped written by hand with the SDK, as its users
// do today: untyped ExecuteActivity calls in one cancel scope, a Selector,
// results read with Get into their slots, and the scope cancelled on the
// first failure.
func GatherSelector(ctx workflow.Context, n int) (int, error) {
	ctx, cancel := workflow.WithCancel(options(ctx))
	defer cancel()
	futures := make([]workflow.Future, n)
	for i := range futures {
		futures[i] = workflow.ExecuteActivity(ctx, EchoActivityName, i)
	}
	return sumSelected(ctx, cancel, futures, "activity")
}

// sumSelected is the hand-written gather of the Selector baselines: it
// reads each future's int with Get into its slot as the futures settle,
// cancels (through cancel) and returns on the first failure, naming it
// "what i", and returns the sum.
func sumSelected(ctx workflow.Context, cancel workflow.CancelFunc, futures []workflow.Future, what string) (int, error) {
	values := make([]int, len(futures))
	var failure error
	s := workflow.NewSelector(ctx)
	for i, f := range futures {
		s.AddFuture(f, func(f workflow.Future) {
			if err := f.Get(ctx, &values[i]); err != nil && failure == nil {
				failure = fmt.Errorf("%s %d: %w", what, i, err)
				cancel()
			}
		})
	}
	for range futures {
		if s.Select(ctx); failure != nil {
			return 0, failure
		}
	}
	sum := 0
	for _, v := range values {
		sum += v
	}
	return sum, nil
}

// Register registers both workflows and the activity with r.
func Register(r worker.Registry) {
	r.RegisterWorkflow(GatherTyped)
	r.RegisterWorkflow(GatherSelector)
	RegisterActivities(r)
}
