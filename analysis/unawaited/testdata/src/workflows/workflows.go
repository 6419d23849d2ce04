// Package workflows holds Temporal workflow code that uses the futures of
// github.com/gathergen/gathergen/temporal: each call with a want comment
// must be reported, and nothing else.
package workflows

import (
	gtemporal "github.com/gathergen/gathergen/temporal"
	"go.temporal.io/sdk/workflow"
)

// FetchUserActivity is what the generator writes for an activity.
func FetchUserActivity(ctx workflow.Context, id int) *gtemporal.Future[string] {
	return gtemporal.Execute[string](ctx, "FetchUser", id)
}

func neverRead(ctx workflow.Context) {
	gtemporal.Execute[int](ctx, "Count")               // want `^future returned by gtemporal\.Execute is never awaited$`
	FetchUserActivity(ctx, 1)                          // want `^future returned by FetchUserActivity is never awaited$`
	_ = FetchUserActivity(ctx, 2)                      // want `^future returned by FetchUserActivity is never awaited$`
	f := gtemporal.Execute[struct{}](ctx, "Notify", 3) // want `^future returned by gtemporal\.Execute is never awaited$`
	_ = f
}

func overwritten(ctx workflow.Context) (string, error) {
	f := FetchUserActivity(ctx, 1) // want `^future returned by FetchUserActivity is overwritten at line 26 before it is awaited$`
	f = FetchUserActivity(ctx, 2)
	return f.Get(ctx)
}

func appendedOnly(ctx workflow.Context, ids []int) {
	var fs []*gtemporal.Future[string]
	for _, id := range ids {
		fs = append(fs, FetchUserActivity(ctx, id)) // want `^future returned by FetchUserActivity is never awaited: the slice it is appended to is never read$`
	}
}

func read(ctx workflow.Context) (string, error) {
	f := FetchUserActivity(ctx, 1)
	return f.Get(ctx)
}

func gathered(ctx workflow.Context) (string, int, error) {
	return gtemporal.Gather2(ctx, FetchUserActivity(ctx, 1), gtemporal.Execute[int](ctx, "Count"))
}

func appendedThenGathered(ctx workflow.Context, ids []int) ([]string, error) {
	var fs []*gtemporal.Future[string]
	for _, id := range ids {
		fs = append(fs, FetchUserActivity(ctx, id))
	}
	return gtemporal.All(ctx, fs...)
}

func cancelled(ctx workflow.Context) bool {
	f := FetchUserActivity(ctx, 1)
	defer f.Cancel()
	return f.IsReady()
}

func reassignedAfterGet(ctx workflow.Context) (string, error) {
	f := FetchUserActivity(ctx, 1)
	if _, err := f.Get(ctx); err != nil {
		return "", err
	}
	f = FetchUserActivity(ctx, 2)
	return f.Get(ctx)
}
