package quotes

import (
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"
)

// This test runs in the temporal module (its TestGeneratedActivities copies
// this case into a module that requires the SDK): the root module never
// builds it.

// replayName is the part of a name that Temporal's replay compares.
func replayName(name string) string {
	return name[strings.LastIndex(name, ".")+1:]
}

func TestNamesDifferForReplay(t *testing.T) {
	if replayName(ShippingQuoteActivityName) == replayName(InsuranceQuoteActivityName) {
		t.Fatalf("%q and %q are one name to Temporal's replay", ShippingQuoteActivityName, InsuranceQuoteActivityName)
	}
}

// quote gathers both quotes in a workflow.
func quote(ctx workflow.Context, kilos int) ([2]int, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
	s, i, err := QuoteBoth(ctx, kilos)
	return [2]int{s, i}, err
}

func TestQuoteBoth(t *testing.T) {
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	env := suite.NewTestWorkflowEnvironment()
	RegisterActivities(env, ActivityReceivers{Insurance: &Insurance{PerKilo: 2}, Shipping: &Shipping{PerKilo: 10}})
	env.ExecuteWorkflow(quote, 3)
	var got [2]int
	if err := env.GetWorkflowResult(&got); err != nil {
		t.Fatal(err)
	}
	if got != [2]int{30, 6} {
		t.Errorf("got %v, want [30 6]", got)
	}
}

// TestMissingReceiver: a receiver left out of ActivityReceivers is a panic
// that names its field, at registration rather than at the first call.
func TestMissingReceiver(t *testing.T) {
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestWorkflowEnvironment()
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "ActivityReceivers.Insurance is nil") {
			t.Errorf("RegisterActivities without Insurance: recovered %v", r)
		}
	}()
	RegisterActivities(env, ActivityReceivers{Shipping: &Shipping{PerKilo: 10}})
}
