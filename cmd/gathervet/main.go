// Gathervet reports futures of github.com/gathergen/gathergen/runtime, and
// of the Temporal target github.com/gathergen/gathergen/temporal, that are
// never awaited. It is the compile-time twin of Python's warning
// "coroutine ... was never awaited".
//
// # Install
//
// Add it as a tool of your module, beside gathergen:
//
//	go get -tool github.com/gathergen/gathergen/cmd/gathervet
//
// or build it with go install github.com/gathergen/gathergen/cmd/gathervet.
//
// # Usage
//
// Run it on packages, as you would run go vet:
//
//	go tool gathervet ./...
//
// or hand it to go vet, which then runs it instead of its own checks and
// caches the results:
//
//	go vet -vettool=$(which gathervet) ./...
//
// (go tool -n gathervet prints the path of the tool that go tool runs, for
// -vettool).
//
// Each report names the position of the call and the function that made the
// future, and, for a future overwritten before anything reads it, the line
// of the assignment that overwrites it:
//
//	shop/page.go:14:2: future returned by FetchUserAsync is never awaited
//	shop/page.go:25:7: future returned by FetchUserAsync is overwritten at line 26 before it is awaited
//
// Standalone, gathervet prints the reports of each package in the order of
// their positions, file by file, and the packages in the order that go list
// gives them.
//
// Standalone, gathervet exits 0 when it found nothing, 3 when it reported
// futures, and 1 when a package could not be loaded or type-checked. Under
// go vet, the exit status is go vet's: 1 for any report. Standalone,
// gathervet also takes the flags of every analysis driver: -json prints the
// reports as JSON (and always exits 0), -c=N prints N lines of context
// around each report, -test=false leaves test files out; gathervet -help
// lists them all.
//
// # What it reports
//
// A call that returns a *runtime.Future[T], be it runtime.Go,
// runtime.GoNamed, runtime.Resolved, Promise.Future, a FetchUserAsync wrapper
// written by gathergen, or any function or method of yours, or a
// *gtemporal.Future[T] of the Temporal target (gtemporal.Execute, a
// generated activity stub), is reported when its future is dropped:
//
//	FetchUserAsync(ctx, id)          // the result is discarded
//	go FetchUserAsync(ctx, id)       // so it is here
//	_ = runtime.Go(ctx, work)        // assigned to the blank identifier
//	f := c.FetchOrdersAsync(ctx, id) // held in a local variable that is
//	_ = f                            //   never used, only assigned to _
//
// Following the flow of each function, it also reports a future that no
// path reads: one held in a local variable that is overwritten before any
// path reads it, one stored into an array that is only ever assigned to,
// and one appended to a slice that nothing but append touches, which is
// reported at the append:
//
//	g := runtime.Go(ctx, work)       // overwritten on the next line before any read
//	g = runtime.Go(ctx, work)
//	fs = append(fs, FetchUserAsync(ctx, id)) // fs is never read
//
// Awaiting the future, gathering it with runtime.All or Gather2, cancelling
// it, selecting on its Done channel, returning it, storing it in a struct,
// map, channel or a slice that is read, passing it to any function, or
// capturing it in a closure are all uses, on any path: a future awaited on
// some paths only is not reported.
//
// To keep work running without waiting for it, use a go statement on the
// function itself rather than on its Async wrapper, or keep the future and
// cancel it when you no longer need it. Where a dropped future is what you
// mean, say so with a directive on the line of the report (at its end) or
// on the line just above it; a reason may follow after a space:
//
//	//gathervet:ignore Go panics on a nil function before it returns
//	runtime.Go[int](ctx, nil)
//
// # What it cannot see
//
// Gathervet looks at one function at a time and prefers a missed report to
// a false one. It does not report a future that is awaited on some paths
// only, one overwritten by a later turn of a loop or while a closure
// captures its variable, one appended to a slice that came from elsewhere
// (a parameter, a field), one that escapes into an interface, field, map or
// channel and is dropped there, or one that comes from a channel, a map or
// a type assertion rather than straight from a call. It reports a dropped
// result even when the callee keeps the same future elsewhere, such as a
// cache. The analyzer's documentation, package
// github.com/gathergen/gathergen/analysis/unawaited, has the details and
// the cost.
//
// # In CI
//
// With gathervet a tool of the module, either form does:
//
//	go tool gathervet ./...
//	go vet -vettool=$(go tool -n gathervet) ./...
//
// # Version
//
// gathervet -version prints the version of the gathergen module that the
// command was built from, as gathergen -version does: the version that go
// install fetched or that your module requires, or (devel) or a
// pseudo-version when it was built in a clone.
package main

import (
	"flag"
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/gathergen/gathergen/analysis/unawaited"
	"github.com/gathergen/gathergen/internal/version"
)

// main runs the analyzer under the command's own name, so that -h, the
// usage line and the prefix of log messages say gathervet.
func main() {
	flag.BoolFunc("version", "print the version of the gathergen module and exit", printVersion)
	gathervet := *unawaited.Analyzer
	gathervet.Name = "gathervet"
	singlechecker.Main(&gathervet)
}

// printVersion prints the module version and exits: singlechecker.Main
// parses the flags and goes on to load packages, so -version stops the
// command while the flags are parsed, as the drivers' own -V does.
func printVersion(string) error {
	fmt.Printf("gathervet %s\n", version.String())
	os.Exit(0)
	return nil
}
