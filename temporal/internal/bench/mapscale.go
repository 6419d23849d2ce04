package bench

import (
	"fmt"

	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	gtemporal "github.com/gathergen/gathergen/temporal"
)

// The workflows of BenchmarkMapScale: Echo over the inputs 0..n-1 through
// gtemporal's Map (MapEcho), and through a sliding window of child
// workflows written by hand the way Temporal's guides show it
// (WindowEcho), with the same chunk size and window as Map's defaults.
// Both return the sum of the results, read in input order.
const (
	windowChunk  = 1000 // the elements of one child: Map's default ChunkSize
	windowSize   = 10   // the children running at once: Map's default Window
	windowPerRun = 500  // the activities in flight in one child: Map's default PerRun
)

// echoMapper is what gathergen generates for //gathergen:activity map on
// Echo, written by hand.
var echoMapper = gtemporal.NewMapper[int, int](EchoActivityName)

// inputs returns 0..n-1.
func inputs(n int) []int {
	in := make([]int, n)
	for i := range in {
		in[i] = i
	}
	return in
}

// sum returns the sum of values.
func sum(values []int) int {
	s := 0
	for _, v := range values {
		s += v
	}
	return s
}

// MapEcho runs Echo over 0..n-1 with gtemporal's Map and its default
// options, and returns the sum of the results.
func MapEcho(ctx workflow.Context, n int) (int, error) {
	out, err := echoMapper.Map(options(ctx), inputs(n), gtemporal.MapOptions{})
	return sum(out), err
}

// EchoChunkWorkflowName is the name under which RegisterMapScale registers EchoChunk.
const EchoChunkWorkflowName = "EchoChunk"

// WindowEcho runs Echo over 0..n-1 in children EchoChunk of windowChunk
// elements each, at most windowSize of them at once: a Selector waits for
// the next child to end, and each end starts the next chunk. The first
// failure cancels the rest. It returns the sum of the results.
func WindowEcho(ctx workflow.Context, n int) (int, error) {
	ctx, cancel := workflow.WithCancel(ctx)
	defer cancel()
	in := inputs(n)
	chunks := (n + windowChunk - 1) / windowChunk
	results := make([][]int, chunks)
	id := workflow.GetInfo(ctx).WorkflowExecution.ID
	sel := workflow.NewSelector(ctx)
	var failure error
	next, running := 0, 0
	for next < chunks || running > 0 {
		for ; next < chunks && running < windowSize; next++ {
			i, lo, hi := next, next*windowChunk, min(n, (next+1)*windowChunk)
			cctx := workflow.WithChildOptions(ctx, workflow.ChildWorkflowOptions{
				WorkflowID: fmt.Sprintf("%s/window/%d-%d", id, lo, hi-1),
			})
			f := workflow.ExecuteChildWorkflow(cctx, EchoChunkWorkflowName, in[lo:hi])
			running++
			sel.AddFuture(f, func(f workflow.Future) {
				running--
				if err := f.Get(ctx, &results[i]); err != nil && failure == nil {
					failure = fmt.Errorf("chunk %d: %w", i, err)
				}
			})
		}
		if sel.Select(ctx); failure != nil {
			return 0, failure
		}
	}
	var out []int
	for _, r := range results {
		out = append(out, r...)
	}
	return sum(out), nil
}

// EchoChunk runs Echo over in, at most windowPerRun activities at once,
// and returns the results in order; the first failure cancels the rest.
func EchoChunk(ctx workflow.Context, in []int) ([]int, error) {
	ctx, cancel := workflow.WithCancel(options(ctx))
	defer cancel()
	out := make([]int, len(in))
	sel := workflow.NewSelector(ctx)
	var failure error
	next, running := 0, 0
	for next < len(in) || running > 0 {
		for ; next < len(in) && running < windowPerRun; next++ {
			i := next
			running++
			sel.AddFuture(workflow.ExecuteActivity(ctx, EchoActivityName, in[i]), func(f workflow.Future) {
				running--
				if err := f.Get(ctx, &out[i]); err != nil && failure == nil {
					failure = fmt.Errorf("element %d: %w", i, err)
				}
			})
		}
		if sel.Select(ctx); failure != nil {
			return nil, failure
		}
	}
	return out, nil
}

// RegisterMapScale registers the workflows of BenchmarkMapScale with r.
func RegisterMapScale(r worker.WorkflowRegistry) {
	r.RegisterWorkflow(MapEcho)
	echoMapper.Register(r)
	r.RegisterWorkflow(WindowEcho)
	r.RegisterWorkflowWithOptions(EchoChunk, workflow.RegisterOptions{Name: EchoChunkWorkflowName})
}
