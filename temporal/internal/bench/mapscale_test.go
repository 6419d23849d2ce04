//go:build unix

package bench

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"

	"github.com/gathergen/gathergen/temporal/internal/devserver"
	"github.com/gathergen/gathergen/temporal/internal/runtree"
)

// BenchmarkMapScale's flags: it runs only when -mapscale is set.
var (
	mapScale  = flag.Int("mapscale", 0, "BenchmarkMapScale: the activities of one Map (0: skip the benchmark)")
	mapRounds = flag.Int("mapscale.rounds", 1, "BenchmarkMapScale: rounds of window and map, in turn")
	mapRound  = flag.Int("mapscale.round", 0, "BenchmarkMapScale: the first round's number (an odd round runs map first)")
	flatAll   = flag.Bool("mapscale.flat", true, "BenchmarkMapScale: run the flat All after the rounds")
	allWait   = flag.Duration("mapscale.all", 2*time.Minute, "BenchmarkMapScale: how long the flat All runs before it is terminated")
)

// The variables with which the benchmark starts this binary again as a
// worker process.
const (
	workerEnv   = "GATHERGEN_BENCH_WORKER"   // the worker's name
	hostPortEnv = "GATHERGEN_BENCH_HOSTPORT" // the server's address
)

// TestMain turns the test binary into a worker process of
// BenchmarkMapScale when it is started with the worker's variable set.
func TestMain(m *testing.M) {
	if name := os.Getenv(workerEnv); name != "" {
		if err := runWorker(name, os.Getenv(hostPortEnv)); err != nil {
			fmt.Fprintln(os.Stderr, "worker:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runWorker runs a worker with every workflow and activity of the package
// until its standard input closes.
func runWorker(name, hostPort string) error {
	c, err := client.Dial(client.Options{HostPort: hostPort, Logger: devserver.Quiet(), Identity: name})
	if err != nil {
		return err
	}
	defer c.Close()
	w := worker.New(c, taskQueue, worker.Options{Identity: name})
	Register(w)
	RegisterMapScale(w)
	if err := w.Start(); err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, os.Stdin)
	w.Stop()
	return nil
}

// BenchmarkMapScale runs Echo over -mapscale inputs on a dev server with
// two worker processes: through gtemporal's Map (impl=map) and through
// the hand-written sliding window of children (impl=window), in turn for
// -mapscale.rounds rounds (from round -mapscale.round: an odd round runs
// map first), each on a fresh server with fresh workers; then, unless
// -mapscale.flat=false, a flat gtemporal.All of as many activities
// (impl=all), which it stops after -mapscale.all. It reports activities per second, the peak RSS of
// the worker processes (VmHWM), the workflow runs and the events of the
// longest run. Figures are read, never asserted:
//
//	go test -run=NONE -bench=MapScale -benchtime=1x ./internal/bench -args -mapscale=100000
func BenchmarkMapScale(b *testing.B) {
	if *mapScale == 0 {
		b.Skip("runs only with -mapscale=N (the activities of one Map)")
	}
	n := *mapScale
	for r := *mapRound; r < *mapRound+*mapRounds; r++ {
		order := []string{"window", "map"}
		if r%2 == 1 {
			order = []string{"map", "window"}
		}
		for _, impl := range order {
			b.Run(fmt.Sprintf("n=%d/impl=%s", n, impl), func(b *testing.B) {
				wf := any(WindowEcho)
				if impl == "map" {
					wf = MapEcho
				}
				scaleRun(b, wf, n)
			})
		}
	}
	if *flatAll {
		b.Run(fmt.Sprintf("n=%d/impl=all", n), func(b *testing.B) { runFlatAll(b, n) })
	}
}

// scaleRun runs wf over n inputs once on a fresh server and workers and
// reports what it measured.
func scaleRun(b *testing.B, wf any, n int) {
	hostPort, c := devserver.Start(b)
	workers := startWorkerProcesses(b, hostPort)
	ctx := context.Background()
	for b.Loop() {
		start := time.Now()
		run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{TaskQueue: taskQueue}, wf, n)
		if err != nil {
			b.Fatal(err)
		}
		var got int
		if err := run.Get(ctx, &got); err != nil || got != want(n) {
			b.Fatalf("sum %d, %v; want %d", got, err, want(n))
		}
		wall := time.Since(start)
		runs, err := runtree.Walk(ctx, c, run.GetID(), run.GetRunID())
		if err != nil {
			b.Fatal(err)
		}
		most := runtree.Longest(runs)
		b.ReportMetric(float64(n)/wall.Seconds(), "activities/s")
		b.ReportMetric(float64(len(runs)), "runs")
		b.ReportMetric(float64(most.Events), "max-events")
		b.ReportMetric(float64(runs[0].Events), "caller-events")
		b.ReportMetric(float64(taskFailures(runs)), "task-failures")
	}
	peaks := workers.peaks(b)
	b.ReportMetric(float64(max(peaks[0], peaks[1]))/(1<<20), "max-worker-RSS-MiB")
	b.ReportMetric(float64(peaks[0]+peaks[1])/(1<<20), "workers-RSS-MiB")
}

// taskFailures counts the failed or timed-out workflow tasks of runs.
func taskFailures(runs []runtree.Run) int {
	f := 0
	for _, r := range runs {
		f += r.TaskFailures
	}
	return f
}

// runFlatAll starts GatherTyped over n activities (one gtemporal.All in one
// run), lets it run for -mapscale.all, logs what its history holds (the
// failed workflow tasks and why), and terminates it.
func runFlatAll(b *testing.B, n int) {
	hostPort, c := devserver.Start(b)
	workers := startWorkerProcesses(b, hostPort)
	ctx := context.Background()
	for b.Loop() {
		run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{TaskQueue: taskQueue}, GatherTyped, n)
		if err != nil {
			b.Fatal(err)
		}
		wait, cancel := context.WithTimeout(ctx, *allWait)
		var got int
		err = run.Get(wait, &got)
		timedOut := wait.Err() != nil
		cancel()
		b.Logf("flat All of %d activities, after at most %v: sum %d, error %v", n, *allWait, got, err)
		if timedOut {
			if err := c.TerminateWorkflow(ctx, run.GetID(), run.GetRunID(), "the benchmark's time is up"); err != nil {
				b.Fatal(err)
			}
		}
		logHistory(b, c, run.GetID(), run.GetRunID())
	}
	peaks := workers.peaks(b)
	b.ReportMetric(float64(max(peaks[0], peaks[1]))/(1<<20), "max-worker-RSS-MiB")
}

// logHistory logs how many events of each type the history of a run
// holds, and the first failed workflow task's cause and message.
func logHistory(b *testing.B, c client.Client, id, runID string) {
	counts := map[enums.EventType]int{}
	var order []enums.EventType
	it := c.GetWorkflowHistory(context.Background(), id, runID, false, enums.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	logged := false
	for it.HasNext() {
		e, err := it.Next()
		if err != nil {
			b.Fatal(err)
		}
		if counts[e.GetEventType()] == 0 {
			order = append(order, e.GetEventType())
		}
		counts[e.GetEventType()]++
		if a := e.GetWorkflowTaskFailedEventAttributes(); a != nil && !logged {
			logged = true
			b.Logf("first failed workflow task: cause %v: %s", a.GetCause(), a.GetFailure().GetMessage())
		}
	}
	for _, t := range order {
		b.Logf("%6d %v", counts[t], t)
	}
}

// workerProcesses are the two worker processes of a run.
type workerProcesses []*exec.Cmd

// startWorkerProcesses starts worker-a and worker-b, this binary again,
// stopped when b ends.
func startWorkerProcesses(b *testing.B, hostPort string) workerProcesses {
	var ws workerProcesses
	for _, name := range []string{"worker-a", "worker-b"} {
		cmd := exec.Command(os.Args[0], "-test.run=^$", "-test.bench=^$")
		cmd.Env = append(os.Environ(), workerEnv+"="+name, hostPortEnv+"="+hostPort)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		stdin, err := cmd.StdinPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() {
			stdin.Close() // the worker stops
			_ = cmd.Wait()
		})
		ws = append(ws, cmd)
	}
	return ws
}

// peaks returns the peak resident set size (VmHWM) of each worker so far,
// in bytes.
func (ws workerProcesses) peaks(b *testing.B) []int {
	var out []int
	for _, cmd := range ws {
		kb, err := vmHWM(cmd.Process.Pid)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, kb<<10)
	}
	return out
}

// vmHWM reads the VmHWM line of /proc/<pid>/status, in kB.
func vmHWM(pid int) (int, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/%d/status", pid)
}
