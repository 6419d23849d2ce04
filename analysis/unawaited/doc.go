// Package unawaited defines an analyzer that reports futures that are never
// awaited: the compile-time twin of Python's "coroutine ... was never
// awaited" warning.
//
// A call that returns a future starts or hands out work whose result and
// error someone must collect. Futures are recognised by type: a pointer to
// an instantiation of the type named Future of
// github.com/gathergen/gathergen/runtime (runtime.Go, runtime.GoNamed,
// runtime.Resolved, Promise.Future, a generated FetchUserAsync wrapper) or
// of github.com/gathergen/gathergen/temporal, the Temporal target's workflow
// runtime (package gtemporal: gtemporal.Execute, a generated
// FetchUserActivity stub), through aliases and defined pointer types alike,
// whatever function or method returns it.
//
// # What is reported
//
// The analyzer reports the call whose future is dropped in one statement:
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
// It also follows the flow of each function, through its SSA form, and
// reports a future that no path reads:
//
//   - a future held in a local variable, declared in the function with :=
//     or var and assigned more than once, that every path overwrites (or
//     leaves behind at the end of the function) before reading it;
//   - a future stored into an element of an array held in a local
//     variable, when that array is only ever assigned element by element
//     (or sliced for append alone);
//   - a future appended to a slice that nothing but append ever touches:
//     the slice starts in the function as nil, make or a literal, and every
//     use of it, and of each slice that append returns from it, is another
//     append. This one is reported at the append.
//
// Each line below is reported, with the message on its right:
//
//	FetchUserAsync(ctx, id)          // future returned by FetchUserAsync is never awaited
//	go c.FetchOrdersAsync(ctx, id)   // future returned by c.FetchOrdersAsync is never awaited
//	_ = runtime.Go(ctx, work)        // future returned by runtime.Go is never awaited
//	f := p.Future()                  // future returned by p.Future is never awaited
//	_ = f
//
//	var fs []*runtime.Future[User]
//	for _, id := range ids {
//		fs = append(fs, FetchUserAsync(ctx, id)) // future returned by FetchUserAsync is never awaited: the slice it is appended to is never read
//	}
//
// A future held in a variable that a later assignment overwrites before any
// path reads it is reported with the line of that assignment. With the
// first line below at line 25 of its file:
//
//	g := runtime.Go(ctx, work)       // future returned by runtime.Go is overwritten at line 26 before it is awaited
//	g = runtime.Go(ctx, work)
//	return g.Await(ctx)
//
// When the paths that leave the first assignment meet different
// assignments first, as the branches of an if or a switch do, the report
// names each of their lines: "at line 26 or 31", "at line 26, 31 or 40". A
// future that no path reads and no path overwrites, held until the function
// returns, is reported as never awaited.
//
// Reports come in the order of their positions: by file, then by line and
// column.
//
// # What counts as a use
//
// Any other use of a future, on any path, is a use, and no report is made:
// awaiting it (Await, or Get for a Temporal future), passing it to
// runtime.All, Gather2 or any function, storing it in a struct field, map,
// channel or a slice that something other than append touches, returning
// it, capturing it in a closure, calling Cancel, Done, IsReady or Name on
// it, taking the address of its variable, converting it to an interface,
// and so on. A future awaited on some paths only is read, so it is not
// reported: the analyzer reports a future that no path reads, never one
// that some path forgets.
//
// # What the analyzer cannot see
//
// The analyzer looks at one function at a time and prefers a missed report
// to a false one. It does not report:
//
//   - a future awaited on some paths only (if cond { f.Await(ctx) });
//   - a future overwritten by a later turn of a loop (for ... { f = A() }
//     followed by f.Await(ctx) reads the last future only), or overwritten
//     while a closure captures its variable;
//   - a future whose variable is assigned once and read only in code that
//     cannot run;
//   - a future that escapes into an interface, a struct field, a map, a
//     channel, a slice literal or a slice element assigned by index, and is
//     never read there, or into a function that drops it;
//   - a future appended to a slice that came from elsewhere (a parameter, a
//     field, a function's result, a slice of another slice), since the
//     caller may share its backing array;
//   - a future that does not come straight from a call: one received from a
//     channel, read from a map or a field, or obtained by a type assertion,
//     and then dropped;
//   - package-level variables, parameters and named results, which other
//     code or a bare return may use;
//   - in the flow of code outside function declarations: the function
//     literals of package-level variable initializers get the checks of
//     one statement only.
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
// reason, on the line of the report (at its end) or on the line just above
// it. The line of a report is where the call starts, or where the append
// starts for a future appended to a slice that is never read:
//
//	//gathervet:ignore Go panics on a nil function
//	runtime.Go[int](ctx, nil)
//
// # Cost
//
// The flow analysis builds the SSA form of a package only when it appends
// futures, stores them into arrays or assigns a future variable more than
// once, and then only of the functions that do: the others are declared
// without a body, package-level variables get no initializer, and only the
// imported packages that the bodies name are created. It does not require
// buildssa, whose ctrlflow facts would have every run analyse every
// dependency, the standard library included.
//
// Naming the lines that overwrite a future takes the SSA form of the
// function again, with the debugging information that ties each
// assignment to its variable: only for the functions that hold a future
// reported as overwritten, so code that drops nothing never pays for it.
//
// Measured over this repository (26 packages, tests included) on a shared
// 2-core machine, before and after the flow analysis, in alternated runs:
// the analyzer's own pass took 3.6 ms and 5.1 ms (1.4x; the fastest of 50
// rounds in one process, median of 4 runs); with the inspect pass that it
// requires, 24.2 ms and 24.4 ms of CPU (medians of 50 rounds, median of 4
// runs); a whole gathervet ./..., loading and type-checking included, 5.5 s
// and 5.3 s (medians of 10 runs, the difference being noise).
package unawaited
