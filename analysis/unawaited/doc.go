// Package unawaited defines an analyzer that reports futures of
// github.com/gathergen/gathergen/runtime that are dropped without ever being
// awaited: the compile-time twin of Python's "coroutine ... was never awaited"
// warning.
//
// A call that returns a *runtime.Future[T] (runtime.Go, runtime.GoNamed,
// runtime.Resolved, Promise.Future, a generated FetchUserAsync wrapper, or any
// other function or method whose result has that type) starts or hands out
// work whose result and error someone must collect. The analyzer reports the
// call when its future is dropped:
//
//   - the call is an expression statement, or the call of a go or defer
//     statement, so its result is discarded;
//   - the future is assigned to the blank identifier, with = or := or in a
//     var declaration, alone or in a multiple assignment;
//   - the future is held in a local variable that is never used: the
//     variable is only ever assigned to, or only read by an assignment to
//     the blank identifier (the usual way to silence the compiler's
//     "declared and not used").
//
// Each call below is reported, with the message on its right:
//
//	FetchUserAsync(ctx, id)          // future returned by FetchUserAsync is never awaited
//	go c.FetchOrdersAsync(ctx, id)   // future returned by c.FetchOrdersAsync is never awaited
//	_ = runtime.Go(ctx, work)        // future returned by runtime.Go is never awaited
//	f := p.Future()                  // future returned by p.Future is never awaited
//	_ = f
//
// Any other reference to the variable counts as a use, and no report is made:
// awaiting it, passing it to runtime.All, Gather2 or any function, storing it
// in a struct, slice, map or channel, returning it, capturing it in a closure,
// calling Cancel, Done or Name on it, taking its address, and so on.
//
// # What the analyzer cannot see
//
// The analyzer looks at one function at a time and ignores control flow, so
// that it never reports a future that is used. It prefers a missed report to
// a false one, and it misses these:
//
//   - a future awaited on some paths only (if cond { f.Await(ctx) });
//   - a future overwritten before use: in f := A(); f = B(); f.Await(ctx)
//     the future from A is lost, but f is used, so neither call is reported;
//   - a future that escapes into an interface (var x any = runtime.Go(...)),
//     or into a struct field, slice, map or channel that is never read
//     again, or into a function that drops it;
//   - a future that does not come straight from a call: one received from a
//     channel, read from a map or a field, or obtained by a type assertion,
//     and then dropped;
//   - package-level variables, parameters and named results, which other
//     code or a bare return may use.
//
// It also cannot tell a fresh future from one that the callee keeps
// elsewhere: dropping the result of a cache lookup that returns a shared
// future is reported like any other dropped future.
//
// # Silencing a report
//
// A report that is not wanted, for a future started for its side effects
// alone or a call that is expected to panic before it returns, is silenced
// by the directive //gathervet:ignore, optionally followed by a space and a
// reason, on the line where the call starts (at its end) or on the line just
// above it:
//
//	//gathervet:ignore Go panics on a nil function
//	runtime.Go[int](ctx, nil)
//
// Futures are recognised by type: a pointer to an instantiation of the type
// named Future in the package whose path is
// github.com/gathergen/gathergen/runtime, through aliases and defined
// pointer types alike.
package unawaited
