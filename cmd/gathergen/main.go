package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/gathergen/gathergen/generator"
	"github.com/gathergen/gathergen/internal/version"
)

// usage heads the help text; the flags follow it.
const usage = `usage: gathergen [flags] [packages]

gathergen writes typed async wrappers and gather helpers for the functions
that carry //gathergen: directives, into one file per package folder (and
Temporal activities into a second). Packages are named as for go build; the
default is ".", the package that go generate runs in.

Directives (one per line, no space after //):

  //gathergen:async                  in the doc comment of a function or
                                     method: emits NameAsync
  //gathergen:async as Other         the same, naming the wrapper Other
  //gathergen:async pkg.Func [as N]  anywhere at package level: a wrapper for
                                     a function of another package (its name
                                     as imported, or its import path)
  //gathergen:async (*pkg.T).M       the same for a method of another
                                     package's type or of an interface
                                     (pkg.T.M, T.M): ClientDoAsync(ctx, c, ...)
  //gathergen:gather Name F G ...    anywhere at package level: Name(ctx,
                                     params of F, params of G, ...) starts all
                                     and returns (results..., error); elements
                                     are F, Type.Method, Method, pkg.Func or
                                     (*pkg.T).M, each with its own async
                                     directive, 2 to 9
  //gathergen:gather -scoped Name ... the same, its gather run in a scope:
                                     it returns once every task it started
                                     has returned
  //gathergen:activity [local|map] [pkg.Func] [as Name]
                                     a function or method (or pkg.Func) as a
                                     Temporal activity: NameActivity(ctx
                                     workflow.Context, params...) returns a
                                     *gtemporal.Future (NameLocalActivity
                                     with local), RegisterActivities
                                     registers every one; a gather whose
                                     elements are activities runs in a workflow;
                                     with map, NameMap(ctx, in, opts) runs it
                                     once per element of in, in child
                                     workflows, and returns the results
  //gathergen:workflow [as Name]     in the doc comment of a workflow
                                     function: NameChildWorkflow(ctx
                                     workflow.Context, params...) returns a
                                     *gtemporal.Future, ExecuteName(ctx, c,
                                     opts, params...) a typed gtemporal.Run,
                                     RegisterWorkflows registers every one

Exit status: 0 on success, 1 on problems (printed as file:line:col: message,
nothing written) or a stale file under -check, 2 on bad usage.

Flags:
`

// gcPercent is the garbage collector's target that gathergen runs with,
// unless GOGC sets one: a run is short and most of what it allocates
// (syntax trees, rendered and formatted code) is garbage soon, so
// collecting four times less often makes one package about a tenth
// faster, for a peak heap about 1.6 times as large.
const gcPercent = 400

// main runs gathergen and exits with its status.
func main() {
	tuneGC(os.Getenv("GOGC"))
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// tuneGC sets the garbage collector's target to gcPercent, unless the
// GOGC variable (whose value is gogc) sets it already.
func tuneGC(gogc string) {
	if gogc == "" {
		debug.SetGCPercent(gcPercent)
	}
}

// options are the parsed command line.
type options struct {
	output string
	// activityOutput names the file of the activities.
	activityOutput string
	check          bool
	tags           string
	verbose        bool
	// version asks for the module version instead of a run.
	version bool
	args    []string
}

// parse reads the command line; it returns a status when gathergen should
// stop at once (0 for -h, 2 for bad usage).
func parse(args []string, stderr io.Writer) (options, int, bool) {
	var o options
	fs := flag.NewFlagSet("gathergen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.output, "output", generator.DefaultOutput, "`name` of the generated file in each package folder")
	fs.StringVar(&o.activityOutput, "activity-output", generator.DefaultActivityOutput, "`name` of the generated file of Temporal activities in each package folder")
	fs.BoolVar(&o.check, "check", false, "write nothing; print a unified diff and exit 1 when a generated file is stale (for CI)")
	fs.StringVar(&o.tags, "tags", "", "comma-separated `list` of build tags to load the packages with")
	fs.BoolVar(&o.verbose, "v", false, "report every file written, removed, unchanged or stale")
	fs.BoolVar(&o.version, "version", false, "print the version of the gathergen module and exit")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, 0, true
		}
		return o, 2, true
	}
	if err := generator.CheckOutput(o.output); err != nil {
		fmt.Fprintf(stderr, "gathergen: -output %v\n", err)
		return o, 2, true
	}
	if err := generator.CheckOutput(o.activityOutput); err != nil {
		fmt.Fprintf(stderr, "gathergen: -activity-output %v\n", err)
		return o, 2, true
	}
	if o.output == o.activityOutput {
		fmt.Fprintf(stderr, "gathergen: -output and -activity-output are both %s: activities go to a file of their own\n", o.output)
		return o, 2, true
	}
	o.args = fs.Args()
	for _, arg := range o.args {
		if strings.HasPrefix(arg, "-") {
			fmt.Fprintf(stderr, "gathergen: flag %s after the packages: flags come first\n", arg)
			return o, 2, true
		}
	}
	return o, 0, false
}

// run is gathergen: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	o, status, stop := parse(args, stderr)
	if stop {
		return status
	}
	if o.version {
		fmt.Fprintf(stdout, "gathergen %s\n", version.String())
		return 0
	}
	cfg := generator.Config{Patterns: o.args, Output: o.output, ActivityOutput: o.activityOutput}
	if o.tags != "" {
		cfg.Tags = strings.Split(o.tags, ",")
	}
	res, err := generator.Generate(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "gathergen: %v\n", err)
		return 1
	}
	if len(res.Diagnostics) > 0 {
		for _, d := range res.Diagnostics {
			fmt.Fprintln(stderr, relative(d))
		}
		return 1
	}
	if o.check {
		return check(res.Files, o.verbose, stdout, stderr)
	}
	return write(res, o.verbose, stderr)
}

// check prints the diff of every stale file, and says why it is stale;
// both name the file relative to the current folder, as diagnostics do.
func check(files []generator.File, verbose bool, stdout, stderr io.Writer) int {
	status := 0
	for _, f := range files {
		if !f.Changed() {
			report(verbose, stderr, "up to date", f.Path)
			continue
		}
		shown := generator.File{Path: rel(f.Path), Old: f.Old, New: f.New}
		fmt.Fprint(stdout, shown.Diff())
		switch {
		case f.Old == nil:
			fmt.Fprintf(stderr, "gathergen: %s is missing: run go generate\n", rel(f.Path))
		case f.New == nil:
			fmt.Fprintf(stderr, "gathergen: %s is no longer generated (no directive asks for it): run go generate to remove it\n", rel(f.Path))
		default:
			fmt.Fprintf(stderr, "gathergen: %s is stale: run go generate\n", rel(f.Path))
		}
		status = 1
	}
	return status
}

// write brings the files on disk up to date.
func write(res *generator.Result, verbose bool, stderr io.Writer) int {
	changed, err := res.Write()
	for _, f := range changed {
		if f.New == nil {
			report(verbose, stderr, "removed", f.Path)
		} else {
			report(verbose, stderr, "wrote", f.Path)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "gathergen: %v\n", err)
		return 1
	}
	for _, f := range res.Files {
		if !f.Changed() {
			report(verbose, stderr, "unchanged", f.Path)
		}
	}
	return 0
}

// report prints what happened to a file under -v.
func report(verbose bool, stderr io.Writer, what, path string) {
	if verbose {
		fmt.Fprintf(stderr, "gathergen: %s %s\n", what, rel(path))
	}
}

// relative prints a diagnostic with its file relative to the current folder.
func relative(d generator.Diagnostic) string {
	if d.Pos.Line > 0 {
		d.Pos.Filename = rel(d.Pos.Filename)
	}
	return d.String()
}

// rel returns path relative to the current folder when it lies below it.
func rel(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	r, err := filepath.Rel(wd, path)
	if err != nil || strings.HasPrefix(r, "..") {
		return path
	}
	return r
}
