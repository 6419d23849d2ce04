package gtemporal_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"

	gtemporal "github.com/gathergen/gathergen/temporal"
)

// User and Order are what the example's activities fetch.
type User struct{ Name string }

type Order struct{ Item string }

// FetchUser and FetchOrders are activities, as gathergen's
// //gathergen:activity marks them.
func FetchUser(_ context.Context, id int) (User, error) {
	if id < 0 {
		return User{}, temporal.NewNonRetryableApplicationError("no such user", "NotFound", nil)
	}
	return User{Name: fmt.Sprint("user", id)}, nil
}

func FetchOrders(_ context.Context, id int) ([]Order, error) {
	return []Order{{Item: "book"}, {Item: "pen"}}, nil
}

// FetchUserActivity and FetchOrdersActivity are the typed stubs that
// gathergen generates for them.
func FetchUserActivity(ctx workflow.Context, id int) *gtemporal.Future[User] {
	return gtemporal.Execute[User](ctx, "FetchUser", id)
}

func FetchOrdersActivity(ctx workflow.Context, id int) *gtemporal.Future[[]Order] {
	return gtemporal.Execute[[]Order](ctx, "FetchOrders", id)
}

// LoadPage is a workflow that gathers the two activities.
func LoadPage(ctx workflow.Context, id int) (string, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
	user, orders, err := gtemporal.Gather2(ctx, FetchUserActivity(ctx, id), FetchOrdersActivity(ctx, id))
	if err != nil {
		return "", err
	}
	items := make([]string, len(orders))
	for i, o := range orders {
		items[i] = o.Item
	}
	return user.Name + " ordered " + strings.Join(items, " and "), nil
}

// runLoadPage runs LoadPage in the SDK's test environment, as a worker
// and a client would on a server.
func runLoadPage(id int) (string, error) {
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(quiet())
	env := suite.NewTestWorkflowEnvironment()
	env.RegisterActivityWithOptions(FetchUser, activity.RegisterOptions{Name: "FetchUser"})
	env.RegisterActivityWithOptions(FetchOrders, activity.RegisterOptions{Name: "FetchOrders"})
	env.ExecuteWorkflow(LoadPage, id)
	if err := env.GetWorkflowError(); err != nil {
		return "", err
	}
	var page string
	err := env.GetWorkflowResult(&page)
	return page, err
}

func ExampleGather2() {
	page, err := runLoadPage(7)
	fmt.Println(page, err)
	// Output: user7 ordered book and pen <nil>
}

func ExampleAsTaskError() {
	_, err := runLoadPage(-1) // the client sees the workflow's error
	if te, ok := gtemporal.AsTaskError(err); ok {
		var appErr *temporal.ApplicationError
		errors.As(te.Err, &appErr)
		fmt.Printf("slot %d (%s) failed: %s\n", te.Index, te.Name, appErr.Type())
	}
	// Output: slot 0 (FetchUser) failed: NotFound
}
