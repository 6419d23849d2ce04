package bench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/worker"
)

// impls are the two workflows compared, by the name of their impl.
var impls = []struct {
	name string
	wf   func(n int) any
}{
	{"selector", func(int) any { return GatherSelector }},
	{"gtemporal", func(int) any { return GatherTyped }},
}

// want is the sum of 0..n-1, what both workflows return.
func want(n int) int { return n * (n - 1) / 2 }

// Besides wall time, each benchmark reports cpu-ns/op, the CPU time of this
// process (workflow and activity code, the test environment or the SDK's
// worker; not the dev server's) per iteration: on a shared machine it moves
// far less with the load of others than wall time does.

// BenchmarkTestEnv runs each workflow once per iteration in a fresh test
// environment: the typed gather against the Selector by hand.
func BenchmarkTestEnv(b *testing.B) {
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	for _, n := range []int{2, 9, 100} {
		for _, impl := range impls {
			b.Run(fmt.Sprintf("n=%d/impl=%s", n, impl.name), func(b *testing.B) {
				b.ReportAllocs()
				cpu := startCPU()
				for b.Loop() {
					env := suite.NewTestWorkflowEnvironment()
					Register(env)
					env.ExecuteWorkflow(impl.wf(n), n)
					var sum int
					if err := env.GetWorkflowResult(&sum); err != nil || sum != want(n) {
						b.Fatalf("sum %d, %v; want %d", sum, err, want(n))
					}
				}
				cpu.report(b)
			})
		}
	}
}

// BenchmarkDevServer runs each workflow with 1,000 activities on a dev
// server with two workers (in this process), and reports activities per
// second. It needs the temporal CLI (see internal/devserver).
func BenchmarkDevServer(b *testing.B) {
	const n = 1000
	c := devServer(b)
	for _, impl := range impls {
		b.Run(fmt.Sprintf("n=%d/impl=%s", n, impl.name), func(b *testing.B) {
			b.ReportAllocs()
			ctx := context.Background()
			start, cpu := time.Now(), startCPU()
			for b.Loop() {
				run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{TaskQueue: taskQueue}, impl.wf(n), n)
				if err != nil {
					b.Fatal(err)
				}
				var sum int
				if err := run.Get(ctx, &sum); err != nil || sum != want(n) {
					b.Fatalf("sum %d, %v; want %d", sum, err, want(n))
				}
			}
			b.ReportMetric(float64(n*b.N)/time.Since(start).Seconds(), "activities/s")
			cpu.report(b)
		})
	}
}

// taskQueue is the dev server benchmark's task queue.
const taskQueue = "gathergen-bench"

// startWorkers starts two workers on taskQueue, stopped when b ends.
func startWorkers(b *testing.B, c client.Client) {
	for _, name := range []string{"worker-a", "worker-b"} {
		w := worker.New(c, taskQueue, worker.Options{Identity: name})
		Register(w)
		if err := w.Start(); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(w.Stop)
	}
}
