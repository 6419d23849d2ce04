// Package gtemporal is gathergen's workflow-side runtime for Temporal: typed
// futures of activities and typed gathers of them, in workflow code, with
// the semantics of gathergen's runtime package wherever Temporal allows.
//
// The SDK is untyped where gathergen is typed: workflow.ExecuteActivity
// takes ...interface{} and returns a workflow.Future read with Get(ctx, &v),
// and a gather with fail-fast cancellation is hand-written Selector code.
// With gtemporal, a workflow reads
//
//	user, orders, err := gtemporal.Gather2(ctx, FetchUserActivity(ctx, id), FetchOrdersActivity(ctx, id))
//
// where FetchUserActivity is the typed stub that gathergen writes for
//
//	//gathergen:activity
//	func FetchUser(ctx context.Context, id int) (User, error)
//
// and is, by hand, one line:
//
//	func FetchUserActivity(ctx workflow.Context, id int) *gtemporal.Future[User] {
//		return gtemporal.Execute[User](ctx, "FetchUser", id)
//	}
//
// The package is named gtemporal, not temporal, so that it never collides
// with the SDK's own go.temporal.io/sdk/temporal in user code. It lives in a
// module of its own (github.com/gathergen/gathergen/temporal) so that
// nothing else of gathergen depends on the SDK.
//
// # Futures
//
// [Execute] starts an activity by its registered name, in a cancel scope of
// its own (workflow.WithCancel), and returns a [Future]. The activity
// options come from ctx (workflow.WithActivityOptions), as for the SDK; a
// ctx without a start-to-close or schedule-to-close timeout gives a future
// that has already failed with [ErrNoTimeout], rather than a workflow that
// waits forever. [Future.Get] returns the typed result, [Future.Cancel]
// cancels that one activity (so a gather can cancel a sibling that was
// started before the gather was called), [Future.IsReady] and
// [Future.Name] tell its state and its activity.
//
// # Waiting for many
//
//   - [Gather2] to [Gather9] and [All]: results in argument order, whatever
//     the order of completion. The first failure cancels every other pending
//     input and returns at once with a *[TaskError] (slot, activity name,
//     and the SDK's error, a *temporal.ActivityError).
//   - [Settle2] to [Settle9] and [AllSettled]: every input is waited for and
//     a failure cancels nothing.
//   - [Race]: the first to settle; [Any]: the first to succeed. The others are
//     cancelled.
//   - [AsCompleted]: an iter.Seq2 over the inputs in completion order, driven
//     by a workflow.Selector; leaving the loop early cancels the rest.
//   - [WithLimit]: at most n activities scheduled at once, the rest queued in
//     the order started, for large fan-outs.
//
// # Scopes
//
// [Scope] is the nearest thing in a workflow to the runtime's Scope: it
// returns only once every activity started under its context is no longer
// running on its worker. Inside it, [Execute] sets WaitForCancellation for
// every activity, so that a cancelled activity's future settles only when
// the activity has stopped, and Scope waits for each one's future. An
// activity that never heartbeats learns of its cancellation only at its end
// or its timeout, and Scope waits that long.
//
// Every wait also ends when its ctx is done (the workflow was cancelled, or
// a scope of workflow.WithCancel was): the pending inputs are then
// cancelled and the error is ctx.Err(). Misuse panics where it happens,
// naming the argument: a nil future or ctx, an empty activity name, a
// limit below 1.
//
// All of it is deterministic, as workflow code must be: it uses only
// workflow.Selector, workflow.Go, workflow.NewFuture and cancel scopes; no
// goroutine, channel, select, map range or clock. Replaying a recorded
// history gives the same commands in the same order.
//
// # Errors across the workflow boundary
//
// A workflow's error reaches its client only after the SDK has flattened
// it: a Go error type becomes an ApplicationError named after the type,
// with its message and its chain of causes. A *[TaskError] therefore
// carries its slot and name as the details of an ApplicationError of type
// [TaskErrorType] in its chain, and [AsTaskError] reads them back on the
// client:
//
//	err := run.Get(ctx, &result)
//	if te, ok := gtemporal.AsTaskError(err); ok {
//		log.Printf("activity %s (slot %d) failed: %v", te.Name, te.Index, te.Err)
//	}
//
// # Differences from gathergen's runtime package
//
//   - A running activity learns of its cancellation only through its
//     heartbeats: one that never calls activity.RecordHeartbeat runs to its
//     end (or its timeout) after the gather has returned. The SDK sends
//     heartbeats, and so learns of a cancellation, at most every 0.8 of the
//     HeartbeatTimeout.
//   - A cancelled future settles at once with a *temporal.CanceledError
//     (runtime: context.Canceled), unless the activity options set
//     WaitForCancellation, in which case it settles when the activity has
//     stopped; a gather that fails fast still returns at once.
//   - A wait whose ctx is done returns ctx.Err(), a *temporal.CanceledError;
//     workflow contexts have no cancellation cause.
//   - A panic in workflow code is the SDK's to handle (by default it fails
//     the workflow task, which is retried: the worker's
//     WorkflowPanicPolicy); it is not recovered into an error. A panic in an
//     activity is the activity's failure, a *temporal.PanicError under the
//     *temporal.ActivityError.
//   - Results and arguments pass through the data converter (JSON by
//     default): what cannot be encoded fails the activity, and a result
//     that cannot be decoded into T fails its slot like an activity's error.
//   - An activity is retried under its retry policy before its future
//     fails: the failure that a gather sees is the last attempt's.
//   - Under [WithLimit], activities wait in a queue served by at most n
//     coroutines of the workflow; a future cancelled while queued is never
//     scheduled. The limit counts activities of this workflow only, not of
//     the worker (that is worker.Options.MaxConcurrentActivityExecutionSize).
//   - There is no Go, Promise or Map: work that runs in a workflow is an
//     activity (or a child workflow), started by its registered name.
package gtemporal
