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
//   - There is no Promise: work that runs in a workflow is an activity, a
//     local activity or a child workflow, started by its registered name,
//     or workflow code run by [Go]. The runtime's Map runs a function in
//     goroutines; [Mapper.Map] runs an activity in child workflows (see
//     "Large fan-outs").
//
// # Large fan-outs
//
// [All] over thousands of activities runs them all in the calling
// workflow's run, whose history then holds some six events per activity:
// past about 1,500 activities it nears the 10,240 events at which the
// server warns, and at 51,200 events or 50 MB the server terminates the
// workflow. A [Mapper] runs one activity over a slice of any size in child
// workflows, within every limit of a run, and returns the results in input
// order:
//
//	var fetchUsers = gtemporal.NewMapper[int, User]("FetchUser") // registered as "FetchUserMap"
//
//	users, err := fetchUsers.Map(ctx, ids, gtemporal.MapOptions{})
//
// gathergen writes this for an activity marked //gathergen:activity map
// (FetchUserMap, and its registration in RegisterWorkflows); by hand, the
// worker calls fetchUsers.Register(w) beside the activity's registration.
// The activity options and the child workflow options of ctx (TaskQueue,
// timeouts) are carried to every child.
//
// How each limit is kept:
//
//   - Chunks. The input is cut into chunks of at most
//     [MapOptions].ChunkSize elements (default 1,000), each run by one
//     leaf child workflow; a chunk is cut smaller so that its encoding
//     (default data converter) stays under 1 MiB, and an element that alone
//     exceeds it fails the Map before anything starts, naming its index and
//     size.
//   - Activities in flight. A leaf runs at most PerRun activities at once
//     (default 500, at most 2,000); the caller's run never starts an
//     activity itself. At most Window leaves (default 10) run at once
//     across the whole Map, a sliding window: a leaf starts when one ends.
//     So at most Window*PerRun activities of one Map run at once.
//   - Events per run. A leaf reads its history's length
//     (workflow.GetInfo(ctx).GetCurrentHistoryLength) and the server's
//     continue-as-new suggestion before each start. Past HistoryBudget
//     (default 8,000) less 8 events per activity in flight, it starts
//     nothing more, waits for the activities in flight, and continues as
//     new with the elements left and the results so far; the same when the
//     server suggests continuing as new. (The margin also bounds what is in
//     flight: under the default budget, at most about 1,000 activities at
//     once, whatever PerRun.) A run that cannot read its length (the SDK's
//     test environment) counts 3 events and 6 per activity. Every other run
//     starts at most Fanout children (default 100, at most 1,000), some nine
//     events each.
//   - The tree. An input of more than Fanout chunks is split into at most
//     Fanout parts of whole chunks, each run by a branch child that splits
//     its part the same way: leaves under branches, as deep as the input
//     needs (with the defaults, up to 100,000 elements are one level of
//     leaves, and up to 10,000,000 two). A branch has a share of the window,
//     and hands it to the next part when a part ends. A branch's part must
//     itself encode under 1 MiB: an input that Fanout parts cannot carry
//     fails before anything starts.
//   - Results. A leaf's results, a branch's combined results and what a
//     leaf carries when it continues as new must encode to at most 1.5 MiB
//     (the server refuses a payload over 2 MB); past that the child fails
//     with a non-retryable error of type [MapResultTooLargeType] that says
//     to use a smaller ChunkSize or a Reducer. The calling run receives
//     every result: the whole input and the whole results pass through its
//     history, which the server caps at 50 MB and warns about from 10 MB.
//     That is the line: results of more than some megabytes call for a
//     [Reducer].
//
// The first failure cancels the rest: the leaf cancels its activities in
// flight, and each level cancels its running children; every level waits
// for what it cancelled to end (activities and children are started with
// WaitForCancellation, children with the parent close policy
// REQUEST_CANCEL) and re-raises the innermost *[TaskError], whose Index is
// the element's index in the whole input and whose Name is the activity's,
// so that [AsTaskError] reads the element on a client. A failure without
// a TaskError (a child that timed out, results too large) is returned as
// the SDK's *temporal.ChildWorkflowExecutionError. When the caller's ctx
// is done, everything is cancelled the same way and Map returns ctx.Err()
// once the children have ended. An activity learns of its cancellation
// only at a heartbeat, and its leaf waits for it until then.
//
// A [Reducer] has the same tree for results too large to return: each leaf
// folds its chunk's results in index order into an accumulator, and the
// branches and the caller combine the accumulators in input order, so
// that only the folds (each under 1.5 MiB) cross the workflow boundaries.
//
// In the Temporal UI, the children of a Map are workflows of the type
// [Mapper.Name] (the activity's name and "Map"; a Reducer's own name), one
// type for leaves and branches, with readable IDs: the caller's children
// are "<caller's workflow ID>/map<k>/<first>-<last>", k counting the Map
// and Reduce calls of the calling run from 0 and first and last the
// indices of the elements in the whole input; a branch's children append
// "/<first>-<last>" to the branch's ID, and a leaf that continued as new
// keeps its ID in its next run. A workflow that continues as new counts
// its calls from 0 again: the children of its earlier runs have ended
// by then, and the server accepts their IDs again. Map reads the calling
// workflow's ID through a side effect (one marker event per call), and
// each child's ID travels in its input, so that a recorded history
// replays under any ID, as worker.WorkflowReplayer gives it.
//
// A settle form (every element's outcome) is not offered. Its failures
// would have to cross every workflow boundary beside the results: the
// data converter writes results as JSON, in which an error does not
// survive, so each failure would travel as an encoded Temporal failure
// (message, type, causes, stack trace), often larger than the result it
// replaces, inside the same 1.5 MiB bound. To collect every outcome, let
// the activity return its failure as a value (an error message field in
// its result) and map it, or fold the outcomes with a [Reducer].
package gtemporal
