package gtemporal_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/stretchr/testify/mock"
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
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: 2 * time.Hour})
	return loadPage(ctx, id)
}

// loadPage gathers the user and their orders and writes the page.
func loadPage(ctx workflow.Context, id int) (string, error) {
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

// LoadPageUnlessStopped is LoadPage that a "stop" signal ends: the gather
// or the signal, whichever comes first. The gather runs in flight under
// gtemporal.Go, and its future joins a Selector beside the signal channel;
// the signal cancels the gather, which cancels both activities.
func LoadPageUnlessStopped(ctx workflow.Context, id int) (string, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: 2 * time.Hour})
	page := gtemporal.Go(ctx, func(ctx workflow.Context) (string, error) {
		return loadPage(ctx, id)
	})
	var result string
	var err error
	sel := workflow.NewSelector(ctx)
	page.AddTo(sel, func(p string, e error) { result, err = p, e })
	sel.AddReceive(workflow.GetSignalChannel(ctx, "stop"), func(c workflow.ReceiveChannel, _ bool) {
		var why string
		c.Receive(ctx, &why)
		page.Cancel()
		err = fmt.Errorf("stopped: %s", why)
	})
	sel.Select(ctx)
	return result, err
}

// newEnv returns a test environment with the example's activities.
func newEnv() *testsuite.TestWorkflowEnvironment {
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(quiet())
	env := suite.NewTestWorkflowEnvironment()
	env.RegisterActivityWithOptions(FetchUser, activity.RegisterOptions{Name: "FetchUser"})
	env.RegisterActivityWithOptions(FetchOrders, activity.RegisterOptions{Name: "FetchOrders"})
	return env
}

// result runs wf with id in env, as a worker and a client would on a
// server, and returns its result.
func result(env *testsuite.TestWorkflowEnvironment, wf any, id int) (string, error) {
	env.ExecuteWorkflow(wf, id)
	if err := env.GetWorkflowError(); err != nil {
		return "", err
	}
	var page string
	err := env.GetWorkflowResult(&page)
	return page, err
}

// runLoadPage runs LoadPage in the SDK's test environment.
func runLoadPage(id int) (string, error) {
	return result(newEnv(), LoadPage, id)
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

func ExampleFuture_AddTo() {
	page, err := result(newEnv(), LoadPageUnlessStopped, 7) // no signal: the gather wins
	fmt.Println(page, err)

	env := newEnv()
	env.OnActivity("FetchOrders", mock.Anything, mock.Anything).After(time.Hour).Return([]Order{}, nil)
	env.RegisterDelayedCallback(func() { env.SignalWorkflow("stop", "closing time") }, time.Minute)
	_, err = result(env, LoadPageUnlessStopped, 7) // the orders take an hour: the signal wins
	fmt.Println(errors.Unwrap(err))
	// Output:
	// user7 ordered book and pen <nil>
	// stopped: closing time
}
