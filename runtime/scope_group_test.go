package runtime

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

// What gathergen emits for a scoped group helper
// (//gathergen:gather LoadPage scoped FetchUser FetchOrders), written by
// hand: the gather runs in a Scope, so that LoadPage returns only once
// every task it started has returned.

var groupRunning atomic.Int64

func fetchUser(ctx context.Context, id int) (string, error) {
	groupRunning.Add(1)
	defer groupRunning.Add(-1)
	if id < 0 {
		return "", errBody
	}
	return "user", nil
}

func fetchOrders(ctx context.Context, id int) ([]int, error) {
	groupRunning.Add(1)
	defer groupRunning.Add(-1)
	<-ctx.Done() // it returns only once cancelled, after the gather has
	return []int{id}, ctx.Err()
}

func fetchUserAsync(ctx context.Context, id int) *Future[string] {
	return GoWith(ctx, "FetchUser", id, fetchUser)
}

func fetchOrdersAsync(ctx context.Context, id int) *Future[[]int] {
	return GoWith(ctx, "FetchOrders", id, fetchOrders)
}

// loadPage is the helper as gathergen emits it under the scoped option.
func loadPage(ctx context.Context, fetchUserID int, fetchOrdersID int) (r0 string, r1 []int, err error) {
	err = Scope(ctx, func(ctx context.Context) error {
		var err error
		r0, r1, err = Gather2(ctx, fetchUserAsync(ctx, fetchUserID), fetchOrdersAsync(ctx, fetchOrdersID))
		return err
	})
	return r0, r1, err
}

// A scoped group helper that fails fast returns the gather's *TaskError with
// zero values, and only once every task it started has returned.
func TestScopedGroupHelperOutlivesNoTask(t *testing.T) {
	for run := range stressRuns {
		user, orders, err := loadPage(context.Background(), -1, 2)
		var te *TaskError
		if !errors.As(err, &te) || te.Index != 0 || te.Name != "FetchUser" || user != "" || orders != nil {
			t.Fatalf("run %d: loadPage = %q, %v, %v; want zeros and task 0 (FetchUser)'s failure", run, user, orders, err)
		}
		if n := groupRunning.Load(); n != 0 {
			t.Fatalf("run %d: %d tasks running when loadPage returned", run, n)
		}
	}
}
