//go:build unix

package gtemporal_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	gtemporal "github.com/gathergen/gathergen/temporal"
)

// The names under which the two Quote methods of the replay tests below
// are registered: gathergen's (ShippingQuote, what //gathergen:activity
// names (*Shipping).Quote) and the dotted ones that its first versions
// gave (Shipping.Quote), which the SDK's replay cannot tell apart, as it
// compares only what follows an activity name's last dot.
var (
	generatedQuotes = [2]string{"ShippingQuote", "InsuranceQuote"}
	dottedQuotes    = [2]string{"Shipping.Quote", "Insurance.Quote"}
)

// quoteHistory is the history that the workflow GatherQuotes records with
// the names of names, which generatedQuotes or dottedQuotes is.
func quoteHistory(names [2]string) string {
	if names == dottedQuotes {
		return historyPath("quotes-dotted")
	}
	return historyPath("quotes")
}

// quoteStub is the stub of the activity registered as name, as
// //gathergen:activity writes it.
func quoteStub(name string) func(ctx workflow.Context, weight int) *gtemporal.Future[int] {
	return func(ctx workflow.Context, weight int) *gtemporal.Future[int] {
		return gtemporal.Execute[int](ctx, name, weight)
	}
}

// gatherQuotes returns the workflow GatherQuotes: a Gather2 of the
// activities first and second, which returns their results as "a+b".
func gatherQuotes(first, second string) func(ctx workflow.Context, weight int) (string, error) {
	return func(ctx workflow.Context, weight int) (string, error) {
		ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
		a, b, err := gtemporal.Gather2(ctx, quoteStub(first)(ctx, weight), quoteStub(second)(ctx, weight))
		return fmt.Sprintf("%d+%d", a, b), err
	}
}

// replayQuotes replays the history of GatherQuotes recorded with names,
// the workflow gathering the two activities in the order of order.
func replayQuotes(names [2]string, order [2]string) error {
	r := worker.NewWorkflowReplayer()
	r.RegisterWorkflowWithOptions(gatherQuotes(order[0], order[1]), workflow.RegisterOptions{Name: "GatherQuotes"})
	return r.ReplayWorkflowHistoryFromJSONFile(quiet(), quoteHistory(names))
}

// TestReplayTellsSameMethodNamesApart: a workflow that gathers
// (*Shipping).Quote and (*Insurance).Quote, replayed with the two stubs
// swapped, is non-determinism under the names that gathergen gives them.
func TestReplayTellsSameMethodNamesApart(t *testing.T) {
	n := generatedQuotes
	if err := replayQuotes(n, n); err != nil {
		t.Fatalf("replay in the recorded order: %v", err)
	}
	err := replayQuotes(n, [2]string{n[1], n[0]})
	if err == nil || !strings.Contains(err.Error(), "nondeterministic") {
		t.Fatalf("replay with %s and %s swapped returned %v; want a nondeterminism error", n[0], n[1], err)
	}
}

// TestReplayCannotTellDottedNamesApart pins the SDK's rule that gathergen's
// names follow: under names that differ only before their last dot, the
// swapped replay passes, each future taking the other's result. Should the
// SDK compare whole names one day, this test fails, and the rule of
// names without dots can be relaxed.
func TestReplayCannotTellDottedNamesApart(t *testing.T) {
	n := dottedQuotes
	if err := replayQuotes(n, [2]string{n[1], n[0]}); err != nil {
		t.Fatalf("replay with %s and %s swapped returned %v; want nil, the SDK comparing the names after their last dot only", n[0], n[1], err)
	}
}

// TestRecordQuoteHistories runs GatherQuotes under both sets of names on a
// dev server, with a worker in this process, and writes their histories
// where there is none. It runs only with -record.
func TestRecordQuoteHistories(t *testing.T) {
	if !*record {
		t.Skip("records histories only with -record")
	}
	c := startCluster(t)
	for _, names := range [][2]string{generatedQuotes, dottedQuotes} {
		if _, err := os.Stat(quoteHistory(names)); err == nil {
			continue // recorded by an earlier version: what replay must still accept
		}
		queue := "quotes-" + strings.ReplaceAll(names[0], ".", "-")
		w := worker.New(c.client, queue, worker.Options{})
		w.RegisterWorkflowWithOptions(gatherQuotes(names[0], names[1]), workflow.RegisterOptions{Name: "GatherQuotes"})
		for i, name := range names {
			factor := 10 * (i + 1)
			w.RegisterActivityWithOptions(func(_ context.Context, weight int) (int, error) {
				return factor * weight, nil
			}, activity.RegisterOptions{Name: name})
		}
		if err := w.Start(); err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		opts := client.StartWorkflowOptions{ID: fmt.Sprint(queue, "-", time.Now().UnixNano()), TaskQueue: queue}
		run, err := c.client.ExecuteWorkflow(ctx, opts, "GatherQuotes", 3)
		if err != nil {
			t.Fatal(err)
		}
		var got string
		if err := run.Get(ctx, &got); err != nil || got != "30+60" {
			t.Fatalf("GatherQuotes = %q, %v; want 30+60", got, err)
		}
		w.Stop()
		writeHistory(t, c, run.GetID(), run.GetRunID(), quoteHistory(names))
	}
}
