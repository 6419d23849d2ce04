package main

import (
	"strings"
	"testing"

	"github.com/gathergen/gathergen/internal/version"
)

func TestUsage(t *testing.T) {
	dir := t.TempDir()
	help := gathergen(t, dir, "-h")
	expect(t, help, 0)
	for _, want := range []string{"-output", "-check", "-tags", "-v", "//gathergen:async", "//gathergen:async as", "pkg.Func", "(*pkg.T).M", "//gathergen:gather", "//gathergen:activity", "-activity-output", "-version"} {
		if !strings.Contains(help.stderr, want) {
			t.Errorf("gathergen -h does not document %s:\n%s", want, help.stderr)
		}
	}
	expect(t, gathergen(t, dir, "-nosuchflag"), 2, "flag provided but not defined")
	// the flag package stops at the first package; a flag after it would be
	// taken for a package and fail as a problem (exit 1), as if stale
	expect(t, gathergen(t, dir, "./...", "-check"), 2, "flag -check after the packages")
	expect(t, gathergen(t, dir, "-output", "sub/x.go"), 2, "-output must be a file name")
	expect(t, gathergen(t, dir, "-output", "x.txt"), 2, "-output must be a file name")
	expect(t, gathergen(t, dir, "-output", ""), 2, "-output must be a file name")
	expect(t, gathergen(t, dir, "-activity-output", "x_test.go"), 2, "-activity-output x_test.go: a _test.go file")
	expect(t, gathergen(t, dir, "-activity-output", "gather_gen.go"), 2, "-output and -activity-output are both gather_gen.go")
	// names that the go command ignores or builds only sometimes
	for _, name := range []string{"gen_test.go", "gen_linux.go", "gen_windows_arm64.go", "gen_wasm.go", "_gen.go", ".gen.go"} {
		expect(t, gathergen(t, dir, "-output", name), 2, "-output "+name+": ")
	}
}

// TestNoModule checks that packages that cannot be loaded fail the run
// (exit 1): outside a module, which it says, and a pattern that matches
// nothing in a module.
func TestNoModule(t *testing.T) {
	dir := t.TempDir()
	expect(t, gathergen(t, dir, "./..."), 1, "no go.mod here")
	expect(t, gathergen(t, dir, "./none"), 1, "no go.mod here")
	writeFiles(t, dir, map[string]string{"go.mod": "module example.com/m\n\ngo 1.26\n"})
	expect(t, gathergen(t, dir, "./..."), 1, "gathergen: no packages match")
}

// TestVersion checks that -version prints the version that the binary's
// build information records, on stdout, and runs nothing else: the
// folder holds no module, which a run would report.
func TestVersion(t *testing.T) {
	dir := t.TempDir()
	res := gathergen(t, dir, "-version")
	expect(t, res, 0)
	if want := "gathergen " + version.String() + "\n"; res.stdout != want || res.stderr != "" {
		t.Errorf("gathergen -version printed %q and %q on stderr, want %q alone", res.stdout, res.stderr, want)
	}
	if strings.Contains(res.stdout, "unknown") {
		t.Errorf("gathergen -version found no version of %s in its build information: %q", version.Module, res.stdout)
	}
}
