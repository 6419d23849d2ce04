package gtemporal

import (
	"go.temporal.io/sdk/workflow"
)

// Scope runs body under a cancellable child of ctx and returns only once
// every activity and child workflow started by [Execute], [ExecuteChild]
// (and so by every generated stub) under that context, or a context derived from it, is no longer running on
// its worker: it has completed, failed, timed out, or stopped after its
// cancellation. It is the nearest thing in a workflow to the runtime's
// Scope.
//
// A cancelled activity's future settles at once, and the activity keeps
// running on its worker until it learns of the cancellation at a
// heartbeat, unless its options set WaitForCancellation: then the future
// settles once the activity has stopped. Every activity started under the
// scope's context is started with WaitForCancellation set, whatever the
// options of that context say (a child workflow's too; a local activity
// runs in the worker's own process and is waited for as it is), and the scope waits for each one's future.
// Gathers stay fail-fast inside the scope: the inputs they cancel are the
// ones the scope then waits for.
//
// When body returns an error, the scope's context is cancelled, which
// cancels every activity of the scope; Scope waits for them and returns
// the error. When body returns nil, Scope waits for the activities without
// cancelling them and returns nil. When the workflow is cancelled, the
// scope's context is too, and Scope still waits. A failure of an activity
// whose future nobody awaits is not returned.
//
// What it cannot promise: an activity that never heartbeats learns of its
// cancellation only at its end, and so Scope waits until then or until its
// StartToCloseTimeout (or ScheduleToCloseTimeout) fails it; and an
// activity whose worker died is running nowhere, but Scope waits for its
// timeout all the same, since the server learns of it only then. Panics in
// body are the SDK's, as for all workflow code: they are not recovered.
// Scope panics when ctx or body is nil.
func Scope(ctx workflow.Context, body func(ctx workflow.Context) error) error {
	checkCtx("gtemporal.Scope", ctx)
	if body == nil {
		panic("gtemporal.Scope: body is nil")
	}
	scoped, cancel := workflow.WithCancel(ctx)
	defer cancel()
	s := &scope{}
	scoped = workflow.WithValue(scoped, scopeKey{}, s)
	err := body(scoped)
	if err != nil {
		cancel()
	}
	// The wait must outlive a cancellation of the workflow, whose
	// activities are cancelled with it and then waited for.
	wait, _ := workflow.NewDisconnectedContext(ctx)
	for _, f := range s.futures {
		_ = f.Get(wait, nil) // the error is its future's to report
	}
	return err
}

// scopeKey is the key under which a scope's context carries the scope.
type scopeKey struct{}

// scope holds the futures of the activities started under it. Workflow code
// runs one coroutine at a time, so it needs no lock.
type scope struct{ futures []workflow.Future }

// scopeOf returns the innermost scope that ctx belongs to, or nil.
func scopeOf(ctx workflow.Context) *scope {
	s, _ := ctx.Value(scopeKey{}).(*scope)
	return s
}

// waitForCancellation returns ctx with WaitForCancellation set in the
// activity or child options of k when ctx belongs to a scope, and the
// scope; ctx as it is and nil otherwise. A local activity runs in the
// worker's own process and has no such option.
func waitForCancellation(ctx workflow.Context, k kind) (workflow.Context, *scope) {
	s := scopeOf(ctx)
	if s == nil {
		return ctx, nil
	}
	switch k {
	case activityKind:
		if opts := workflow.GetActivityOptions(ctx); !opts.WaitForCancellation {
			opts.WaitForCancellation = true
			ctx = workflow.WithActivityOptions(ctx, opts)
		}
	case childKind:
		if opts := workflow.GetChildWorkflowOptions(ctx); !opts.WaitForCancellation {
			opts.WaitForCancellation = true
			ctx = workflow.WithChildOptions(ctx, opts)
		}
	}
	return ctx, s
}
