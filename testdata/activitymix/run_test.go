package activitymix

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"
)

// This test runs in the temporal module (its TestGeneratedActivities copies
// this case into a module that requires the SDK): the root module never
// builds it.

func TestHere(t *testing.T) {
	s, n, err := Here(context.Background(), 2)
	if err != nil || s != "local" || n != 2 {
		t.Fatalf("Here = %q, %d, %v", s, n, err)
	}
}

// there gathers the activities in a workflow.
func there(ctx workflow.Context, id int) (string, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
	s, n, err := There(ctx, id)
	if err != nil {
		return "", err
	}
	for range n {
		s += "!"
	}
	return s, nil
}

func TestThere(t *testing.T) {
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	env := suite.NewTestWorkflowEnvironment()
	RegisterActivities(env)
	env.ExecuteWorkflow(there, 2)
	var got string
	if err := env.GetWorkflowResult(&got); err != nil {
		t.Fatal(err)
	}
	if got != "remote!!" {
		t.Errorf("got %q, want remote!!", got)
	}
}
