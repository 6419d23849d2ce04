// Package runtime is the small runtime behind gathergen: typed futures,
// promises, gathers and cancellation, in the manner of Python's asyncio. It
// depends on the standard library only.
//
// Code that gathergen generates imports it, and users call it directly:
//
//	user, orders, err := runtime.Gather2(ctx, FetchUserAsync(ctx, id), FetchOrdersAsync(ctx, id))
//
// is the Go twin of
//
//	user, orders = await asyncio.gather(fetch_user(id), fetch_orders(id))
//
// # Futures
//
// A [Future] is the eventual result of a task. [Go] starts a function in its
// own goroutine and returns its future, like asyncio.create_task; [GoNamed]
// names the task for the errors of a gather, and [GoWith] to [GoWith9] hand
// the task its inputs as arguments, one allocation fewer than a closure, as
// generated wrappers do. A [Promise] is a future settled by hand, like asyncio.Future.set_result;
// [Resolved] and [Rejected] are futures that have settled already. A future
// settles once, with a value or an error, and then every [Future.Await]
// returns that result. [Future.Cancel] settles a pending future at once with
// context.Canceled and cancels its task's context; whatever the task returns
// after that is dropped.
//
// A task's panic is recovered in its goroutine and settles its future with a
// *[PanicError] that carries the value and the stack: no task crashes the
// process. A task that is due to start under a context that is already done
// is not started; its future settles with context.Cause of that context.
//
// # Waiting for many
//
//   - [Gather2] to [Gather9] and [All]: results in argument order, whatever the
//     order of completion. The first failure cancels every other pending input
//     and returns at once with a *[TaskError] (slot index, task name, cause).
//   - [Map]: the gather of a slice, one call of a function per element, with
//     the rules of All and no future per element; for large fan-outs.
//     [MapNamed] and [StreamNamed] name the calls, as [GoNamed] names a task.
//   - [Stream]: Map for an input of any length, an iter.Seq: at most a
//     window of calls started and not yet yielded, results yielded in input
//     order as an iter.Seq2 as soon as each is ready, memory bounded by the
//     window. The first failure ends the stream; leaving the loop early
//     cancels the calls in flight.
//   - [Settle2] to [Settle9] and [AllSettled]: asyncio's return_exceptions=True.
//     Every input is waited for and a failure cancels nothing.
//   - [Race]: the first to settle; [Any]: the first to succeed. The others are
//     cancelled.
//   - [AsCompleted]: asyncio.as_completed as an iterator; leaving the loop
//     early, by break, return, a panic or runtime.Goexit, cancels the inputs
//     not yet seen.
//
// "First" means first in time, as far as the program can tell: a future's
// settle takes its place in time, and reaches every wait subscribed to it,
// before anything can observe it (its Done channel, an Await, another wait,
// a task's own context). A wait counts its inputs in that order, those that
// settle while it is still subscribing to the others included, so an input
// that fails or settles because it saw another settle is never counted
// before that other one, whatever their slots. Inputs that had settled when
// the wait began count first, in slot order; inputs that settle at the same
// instant, neither seeing the other, count in either order. A wait returns
// an input's outcome, and a cancel returns, only once that input has
// settled for every observer: its Done is closed and its Await returns it.
//
// Every wait also ends when its ctx is done: the inputs still pending are then
// cancelled and, for every wait over several inputs at once (see below for
// the exceptions), the error is a *[PendingError] that names them (slot and task
// name; for Map the element indexes) and unwraps to context.Cause(ctx), so
// that errors.Is(err, context.DeadlineExceeded) holds while err == ctx.Err()
// does not. [WithLimit] bounds how many
// tasks (and calls of Map) run at once; the rest wait in a queue without a
// goroutine each, and a queued future whose context ends, or that is
// cancelled, settles and leaves the queue at once.
//
// A gather that fails fast, a race, and a cancel return at once: they do not
// wait for the tasks they cancel to return (errgroup's Wait would). Such a
// task sees its context cancelled and ends in the background; its result is
// dropped. Code that must not return while such a task runs wraps them in
// a [Scope].
//
// When ctx is done, every wait reports ctx's end, whatever the cause and
// whatever the timing: also when an input failed an instant earlier with an
// echo of ctx's end (context.Canceled, context.DeadlineExceeded, or the cause
// itself, as a task that never started does). An error is such an echo only
// if ctx had ended when the input failed (for an input that had failed
// before the wait began, when the wait began): a task that fails with a
// deadline of its own, such as an HTTP client's timeout, while ctx is alive
// keeps its own error in GatherN, All, Map, SettleN, AllSettled, Race, Any,
// AsCompleted and Stream. GatherN, All, Map, SettleN,
// AllSettled, Race and Any report it as a *[PendingError] that names the
// inputs still pending, those echoes included, and unwraps to
// context.Cause(ctx); [AsCompleted], [Stream] and [Future.Await], which
// yield or return one input at a time, report context.Cause(ctx) itself. A settle's
// slot whose error is such an echo carries the *PendingError too, and so
// does [Any] when every input failed and ctx is done.
//
// Misuse is reported where it happens, in the caller's goroutine and before
// anything starts: a nil future, a nil function or context, a nil error to
// [Promise.Reject] or [Rejected], and a limit below 1 panic with a message
// that names the argument.
//
// # Scopes
//
// [Scope] runs a function, the body, under a context of its own and returns
// only once every task started under that context has returned, cancelled
// or not, as Python's TaskGroup, Trio's nurseries, Java's
// StructuredTaskScope and errgroup's Wait do:
//
//	tx := db.Begin()
//	defer tx.Rollback() // after Scope: no task still uses tx
//	err := runtime.Scope(ctx, func(ctx context.Context) error {
//		a, b, c, err := runtime.Gather3(ctx, AAsync(ctx, tx), BAsync(ctx, tx), CAsync(ctx, tx))
//		...
//	})
//
// The tasks of a scope are those started under its context by [Go],
// [GoNamed], [GoWith] to [GoWith9] (so every generated wrapper), and the
// calls of [Map] and [Stream], and, in turn, the tasks those start under
// their own contexts. Gathers stay fail-fast inside a scope: it is the
// scope that waits. Its rules:
//
//   - the body's error cancels the scope's context (the error is its
//     cause); Scope waits for every task and returns that error;
//   - a body that returns nil lets the tasks run to their end: Scope waits
//     and returns nil, or, when the caller's ctx ended before the last
//     task returned, a *[PendingError] that names the tasks still running;
//   - a task's failure is its future's: it reaches the scope only through
//     the body that awaits it, and a failure nobody awaits cancels nothing
//     (a scope that cancelled on every failure would make [AllSettled],
//     [Any] and fallbacks fail the scope); gathervet reports a future that
//     nobody awaits, in a scope too;
//   - a panic in the body cancels, waits, then panics again; a
//     runtime.Goexit in the body cancels, waits, and goes on exiting.
//
// A task that ignores its context holds its scope, and the scope's caller,
// until it returns; [ScopeWith] names the tasks that still hold a scope a
// grace period after its context ended. A task started while no scope is
// live pays one atomic load for scopes, as it starts; while one is, a
// context lookup: no allocation, no lock. See docs/scopes.md in the
// repository.
//
// # Seeing the tasks
//
// A wait that its ctx ends names what it was still waiting for in its
// *[PendingError]. [WithObserver] sets an [Observer] that every task started
// under a context reports to: its start, in its goroutine, where the
// observer may give it a context of its own (a span, labels), and its end,
// with its name, slot, duration and outcome. Observers nest; with none set, a
// task costs nothing more. [ProfileLabels] is an observer that names each task
// in CPU profiles and goroutine dumps (pprof label gathergen.task); the
// module github.com/gathergen/gathergen/otel is one that opens a span per
// task.
//
// # Differences from Python, on purpose
//
//   - A gather cancels the other inputs when one fails. Python's bare gather
//     lets them run on; its TaskGroup (3.11) cancels them, and Go users expect
//     errgroup's behaviour.
//   - [Future.Await] does not cancel the future when the waiter gives up
//     (asyncio.wait_for would): a future may have many awaiters, and one of
//     them leaving says nothing about the others. Call [Future.Cancel] to stop
//     a task.
//   - Tasks run in parallel goroutines, not on one event loop: the data they
//     share needs the usual synchronisation.
//   - A task's own context does not carry the limit of [WithLimit], so that a
//     task can start and await sub-tasks without deadlocking on its own slot.
//
// The package is named runtime because generated code imports it, as the
// gRPC gateway and Kubernetes do; gathergen aliases the import where a file
// also uses the standard library's runtime.
package runtime

//go:generate go run ../internal/genarity -o gather_gen.go
