// Package gtemporal is gathergen's workflow-side runtime for Temporal: typed
// futures of activities, local activities and child workflows, typed
// gathers of them in workflow code, with the semantics of gathergen's
// runtime package wherever Temporal allows, and typed starts of workflows
// on the client.
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
// Each of these starts one thing by its registered name, in a cancel scope
// of its own (workflow.WithCancel), with the options of ctx as the SDK
// reads them, and returns a [Future]:
//
//   - [Execute]: an activity (workflow.WithActivityOptions). A ctx without
//     a start-to-close or schedule-to-close timeout gives a future that has
//     already failed with [ErrNoTimeout], rather than a workflow that waits
//     forever.
//   - [ExecuteLocal]: a local activity, which the workflow's worker runs
//     itself (workflow.WithLocalActivityOptions; the same [ErrNoTimeout]).
//   - [ExecuteChild]: a child workflow (workflow.WithChildOptions).
//   - [Go]: a function of workflow code run in a coroutine of its own, such
//     as a gather: a gather in flight.
//
// [Future.Get] returns the typed result, [Future.Cancel] cancels that one
// future (so that a gather can cancel a sibling that was started before the
// gather was called), [Future.IsReady] and [Future.Name] tell its state and
// its registered name, and [Future.AddTo] puts it in a workflow.Selector.
//
// # Waiting for many
//
//   - [Gather2] to [Gather9] and [All]: results in argument order, whatever
//     the order of completion. The first failure cancels every other pending
//     input and returns at once with a *[TaskError] (slot, registered name,
//     and the SDK's error: a *temporal.ActivityError for an activity, a
//     *temporal.ChildWorkflowExecutionError for a child).
//   - [Settle2] to [Settle9] and [AllSettled]: every input is waited for and
//     a failure cancels nothing.
//   - [Race]: the first to settle; [Any]: the first to succeed, or an
//     *[AggregateError] with every failure. The others are cancelled.
//   - [AsCompleted]: an iter.Seq2 over the inputs in completion order, driven
//     by a workflow.Selector; leaving the loop early (break, return or a
//     panic) cancels the rest.
//   - [WithLimit]: at most n activities and children running at once, the
//     rest queued in the order started, for large fan-outs.
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
// naming the argument: a nil future, ctx, selector or function, an empty
// name, a limit below 1.
//
// All of it is deterministic, as workflow code must be: it uses only
// workflow.Selector, workflow.Go, workflow.NewFuture and cancel scopes; no
// goroutine, channel, select, map range or clock. Replaying a recorded
// history gives the same commands in the same order.
//
// # A gather or a signal, whichever comes first
//
// A gather blocks its coroutine. To wait for it beside a signal or a timer,
// run it with [Go] and add its future to a Selector with [Future.AddTo];
// cancelling the future cancels the gather's ctx, and the gather cancels
// its inputs:
//
//	page := gtemporal.Go(ctx, func(ctx workflow.Context) (Page, error) {
//		user, orders, err := gtemporal.Gather2(ctx, FetchUserActivity(ctx, id), FetchOrdersActivity(ctx, id))
//		return Page{user, orders}, err
//	})
//	var result Page
//	var err error
//	sel := workflow.NewSelector(ctx)
//	page.AddTo(sel, func(p Page, e error) { result, err = p, e })
//	sel.AddReceive(workflow.GetSignalChannel(ctx, "stop"), func(c workflow.ReceiveChannel, _ bool) {
//		c.Receive(ctx, nil)
//		page.Cancel()
//		err = errStopped
//	})
//	sel.Select(ctx)
//
// # What a gather does to a child workflow
//
// A gather that fails, Race's and Any's losers, and a loop of AsCompleted
// left early cancel their pending inputs. For a child workflow, that is a
// cancellation request to the server: the child's workflow.Context is
// done, and the child ends as its code decides (a gtemporal wait in it
// returns and cancels its own activities and children). The SDK's
// ChildWorkflowOptions say what the parent sees:
//
//   - WaitForCancellation false (the default): the child's future settles
//     at once with a *temporal.CanceledError; the child may run on.
//   - WaitForCancellation true: the child's future settles when the child
//     has closed, with its outcome (a *temporal.ChildWorkflowExecutionError
//     over its cancellation when it honoured it).
//
// A child still running when its parent closes (the parent returned, for
// instance right after a failed gather, or was cancelled, terminated or
// timed out) is handled by its ParentClosePolicy: TERMINATE, the server's
// default, ends it without running its code again; REQUEST_CANCEL sends it
// a cancellation request, which its gathers pass on to their activities;
// ABANDON leaves it running. A workflow cancelled mid-gather cancels its
// children through its gather, but it closes at once after: set
// REQUEST_CANCEL so that the children receive the cancellation rather than
// a termination that may overtake it.
//
// # Typed starts on the client
//
// [ExecuteWorkflow] starts a workflow by its registered name and returns a
// [Run] whose Get returns the typed result; [GetRun] finds a run by its IDs:
//
//	run, err := gtemporal.ExecuteWorkflow[Page](ctx, c, client.StartWorkflowOptions{TaskQueue: "pages"}, "LoadPage", id)
//	...
//	page, err := run.Get(ctx) // run.ID() and run.RunID() name the execution
//
// It is client code (it imports go.temporal.io/sdk/client); a workflow
// package may declare typed starts beside its workflows, since workflow code
// never calls them.
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
// Through child workflows the slots form a chain: the parent's TaskError
// names the child's slot and workflow, and its Err (the child's failure)
// holds the child's own TaskError, which AsTaskError(te.Err) reads, down to
// the activity that failed. An *[AggregateError] of [Any] carries every
// failure the same way, read back with [AsAggregateError].
//
// # Differences from gathergen's runtime package
//
//   - A running activity learns of its cancellation only through its
//     heartbeats: one that never calls activity.RecordHeartbeat runs to its
//     end (or its timeout) after the gather has returned. The SDK sends
//     heartbeats, and so learns of a cancellation, at most every 0.8 of the
//     HeartbeatTimeout. A child workflow learns of it from the server.
//   - A cancelled future settles at once with a *temporal.CanceledError
//     (runtime: context.Canceled): IsReady reports true and Get returns it
//     as soon as Cancel returns, in the SDK's test environment too. Options
//     that set WaitForCancellation make it settle when the activity or the
//     child has stopped instead; a gather that fails fast still returns at
//     once.
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
//   - Under [WithLimit], what waits for a slot waits in a queue served by at
//     most n coroutines of the workflow; a future cancelled while queued is
//     never started, and a cancelled activity or child keeps its slot until
//     it has ended. The limit counts this workflow's starts only, not the
//     worker's (that is worker.Options.MaxConcurrentActivityExecutionSize).
//   - There is no Promise or Map: work that runs in a workflow is an
//     activity, a local activity or a child workflow, started by its
//     registered name, or workflow code run by [Go].
package gtemporal
