// Command genarity writes the runtime's fixed-arity helpers, Gather2 to
// Gather9, Settle2 to Settle9 and GoWith2 to GoWith9, to the file named by
// -o, which it rewrites only when they changed. The runtime's go:generate
// line runs it; the code comes from the generator package
// (generator.RuntimeHelpers), whose tests fail when the committed file is
// stale. It lives outside runtime/, which imports the standard library
// only, even in the folders under it.
//
// With -temporal it writes the Temporal module's workflow-side helpers
// instead (generator.TemporalHelpers), Gather2 to Gather9 and Settle2 to
// Settle9 of package gtemporal; temporal/'s go:generate line runs it from
// the root module, which holds the generator.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/gathergen/gathergen/generator"
)

func main() {
	out := flag.String("o", "gather_gen.go", "output file")
	temporal := flag.Bool("temporal", false, "write the helpers of the Temporal module's package gtemporal")
	flag.Parse()
	render := generator.RuntimeHelpers
	if *temporal {
		render = generator.TemporalHelpers
	}
	if err := run(render, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genarity:", err)
		os.Exit(1)
	}
}

// run renders the helpers and writes them to out when they changed.
func run(render func() ([]byte, error), out string) error {
	src, err := render()
	if err != nil {
		return err
	}
	path, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return generator.File{Path: path, Old: old, New: src}.Write()
}
