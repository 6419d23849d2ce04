package activities

import (
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	gtemporal "github.com/gathergen/gathergen/temporal"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"
)

// This test runs in the temporal module (its TestGeneratedActivities copies
// this case into a module that requires the SDK): the root module never
// builds it.

// withOptions gives ctx the activity options of these tests: a timeout, and
// no retry, so that a failure is final.
func withOptions(ctx workflow.Context) workflow.Context {
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: time.Minute,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 1},
	})
}

// everyForm calls every stub and group helper and describes their results.
func everyForm(ctx workflow.Context) (string, error) {
	ctx = withOptions(ctx)
	user, orders, err := LoadPage(ctx, 7)
	if err != nil {
		return "", err
	}
	scopedUser, scopedOrders, err := ScopedPage(ctx, 7)
	if err != nil {
		return "", err
	}
	if fmt.Sprint(scopedUser, scopedOrders) != fmt.Sprint(user, orders) {
		return "", fmt.Errorf("ScopedPage = %v, %v; LoadPage = %v, %v", scopedUser, scopedOrders, user, orders)
	}
	n, d, sum, err := Tally(ctx, 21, time.Second, "sum", 1, 2, 3)
	if err != nil {
		return "", err
	}
	if _, err := StoreActivity(ctx, false).Get(ctx); err != nil {
		return "", err
	}
	if _, err := TouchActivity(ctx).Get(ctx); err != nil {
		return "", err
	}
	upper, err := LookupActivity(ctx, "key").Get(ctx)
	if err != nil {
		return "", err
	}
	echo, err := EchoActivity(ctx, "w", 1, map[string]any{"k": 1}).Get(ctx)
	if err != nil {
		return "", err
	}
	i, err := AtoiActivity(ctx, "42").Get(ctx)
	if err != nil {
		return "", err
	}
	text, err := RepeatTextActivity(ctx, "ab", 3).Get(ctx)
	if err != nil {
		return "", err
	}
	base, err := BaseNameActivity(ctx, "a/b").Get(ctx)
	if err != nil {
		return "", err
	}
	label, err := LabelActivity(ctx, 5).Get(ctx)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d %s %v %d %v %s %s %s %d %s %s %s", user.ID, user.Name, orders, n, d, sum, upper, echo, i, text, base, label), nil
}

// failing runs the activity that fails, picked by which.
func failing(ctx workflow.Context, which string) error {
	ctx = withOptions(ctx)
	var err error
	switch which {
	case "gather":
		_, _, err = LoadPage(ctx, -1)
	case "error":
		_, err = StoreActivity(ctx, true).Get(ctx)
	case "concrete":
		_, err = LookupActivity(ctx, "").Get(ctx)
	case "atoi":
		_, err = AtoiActivity(ctx, "x").Get(ctx)
	}
	return err
}

// newEnv returns a test environment, which logs nothing, with the
// package's activities registered.
func newEnv() *testsuite.TestWorkflowEnvironment {
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	env := suite.NewTestWorkflowEnvironment()
	RegisterActivities(env, ActivityReceivers{Client: &Client{Prefix: "p"}, Clock: Clock{Offset: time.Hour}})
	return env
}

func TestEveryForm(t *testing.T) {
	env := newEnv()
	env.ExecuteWorkflow(everyForm)
	if err := env.GetWorkflowError(); err != nil {
		t.Fatal(err)
	}
	var got string
	if err := env.GetWorkflowResult(&got); err != nil {
		t.Fatal(err)
	}
	const want = "7 user7 [{7 map[p:1]}] 42 1h0m1s sum6 KEY w1 42 ababab b n5"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFailures(t *testing.T) {
	for which, want := range map[string]string{
		"gather":   "no such user",
		"error":    "store failed",
		"concrete": "not found: ",
		"atoi":     `strconv.Atoi: parsing "x": invalid syntax`,
	} {
		env := newEnv()
		env.ExecuteWorkflow(failing, which)
		err := env.GetWorkflowError()
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one that says %q", which, err, want)
		}
		if which != "gather" {
			continue
		}
		te, ok := gtemporal.AsTaskError(err)
		if !ok || te.Index != 0 || te.Name != FetchUserActivityName {
			t.Errorf("gather: %v, want a TaskError of slot 0 named %s", te, FetchUserActivityName)
		}
	}
}
