package workflows

import (
	"context"
	"io"
	"log/slog"
	"os/exec"
	"slices"
	"strings"
	"testing"

	gtemporal "github.com/gathergen/gathergen/temporal"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// This test runs in the temporal module (its TestGeneratedActivities copies
// this case into a module that requires the SDK): the root module never
// builds it.

// environment returns a test environment with the package's activities
// and workflows registered.
func environment() *testsuite.TestWorkflowEnvironment {
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(quiet())
	env := suite.NewTestWorkflowEnvironment()
	RegisterActivities(env)
	RegisterWorkflows(env)
	return env
}

// quiet is a logger that drops everything.
func quiet() log.Logger {
	return log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))
}

// basket is the basket of the tests: (3*500 + 15) + (1*300 + 3).
var basket = []Line{{Item: "pears", Count: 3}, {Item: "fig", Count: 1}}

// TestChildWorkflowsAndLocalActivities runs Basket, which gathers QuoteLine
// as child workflows, each gathering an activity and a local activity.
func TestChildWorkflowsAndLocalActivities(t *testing.T) {
	env := environment()
	env.ExecuteWorkflow(BasketWorkflowName, basket)
	var got int
	if err := env.GetWorkflowResult(&got); err != nil {
		t.Fatal(err)
	}
	if got != 1818 {
		t.Errorf("Basket = %d, want 1818", got)
	}
}

// TestChildFailureReachesTheParent: a child's failed activity fails the
// parent's gather in the child's slot, and the error names both on the
// way: the child workflow and its slot, then the activity and its slot.
func TestChildFailureReachesTheParent(t *testing.T) {
	env := environment()
	env.ExecuteWorkflow(BasketWorkflowName, []Line{{Item: "fig", Count: 1}, {Count: 2}})
	err := env.GetWorkflowError()
	if err == nil || !strings.Contains(err.Error(), "no item") {
		t.Fatalf("Basket = %v, want the failure of the second line's price", err)
	}
	parent, ok := gtemporal.AsTaskError(err)
	if !ok || parent.Index != 1 || parent.Name != QuoteLineWorkflowName {
		t.Fatalf("the parent's failure is %+v, want slot 1, %s", parent, QuoteLineWorkflowName)
	}
	child, ok := gtemporal.AsTaskError(parent.Err)
	if !ok || child.Index != 0 || child.Name != PriceActivityName {
		t.Fatalf("the child's failure is %+v, want slot 0, %s", child, PriceActivityName)
	}
}

// TestWorkflowCallsAMap runs Prices, a workflow registered beside the
// child workflow of PriceMap, which it calls.
func TestWorkflowCallsAMap(t *testing.T) {
	env := environment()
	env.ExecuteWorkflow(PricesWorkflowName, []string{"fig", "pear", "kiwi", "plum", "lime"})
	var got []int
	if err := env.GetWorkflowResult(&got); err != nil {
		t.Fatal(err)
	}
	if want := []int{300, 400, 400, 400, 400}; !slices.Equal(got, want) {
		t.Errorf("Prices = %v, want %v", got, want)
	}
}

// audit runs Audit as a child and returns its outcome.
func audit(ctx workflow.Context, lines []Line) (bool, error) {
	_, err := AuditChildWorkflow(ctx, lines).Get(ctx)
	return err == nil, nil
}

// TestChildWithoutAValue: a child workflow that returns only an error.
func TestChildWithoutAValue(t *testing.T) {
	for _, c := range []struct {
		lines []Line
		ok    bool
	}{{basket, true}, {nil, false}} {
		env := environment()
		env.RegisterWorkflow(audit)
		env.ExecuteWorkflow(audit, c.lines)
		var ok bool
		if err := env.GetWorkflowResult(&ok); err != nil {
			t.Fatal(err)
		}
		if ok != c.ok {
			t.Errorf("audit of %d lines: ok = %v, want %v", len(c.lines), ok, c.ok)
		}
	}
}

// TestTypedStart starts Basket and Audit from a client of a dev server (the
// temporal CLI's, skipped without one) with the typed starts.
func TestTypedStart(t *testing.T) {
	path, err := exec.LookPath("temporal")
	if err != nil {
		t.Skip("no temporal CLI on PATH")
	}
	ctx := context.Background()
	server, err := testsuite.StartDevServer(ctx, testsuite.DevServerOptions{ExistingPath: path, LogLevel: "error", ClientOptions: &client.Options{Logger: quiet()}})
	if err != nil {
		t.Fatal(err)
	}
	defer server.Stop()
	c := server.Client()
	w := worker.New(c, "golden", worker.Options{})
	RegisterActivities(w)
	RegisterWorkflows(w)
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	defer w.Stop()
	run, err := ExecuteBasket(ctx, c, client.StartWorkflowOptions{ID: "basket", TaskQueue: "golden"}, basket)
	if err != nil {
		t.Fatal(err)
	}
	if run.ID() != "basket" || run.RunID() == "" {
		t.Errorf("run ID %q, run ID %q", run.ID(), run.RunID())
	}
	if got, err := run.Get(ctx); err != nil || got != 1818 {
		t.Errorf("Basket = %d, %v, want 1818", got, err)
	}
	done, err := ExecuteAudit(ctx, c, client.StartWorkflowOptions{TaskQueue: "golden"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := done.Get(ctx); err == nil || !strings.Contains(err.Error(), "empty basket") {
		t.Errorf("Audit of nothing = %v, want its error", err)
	}
}
