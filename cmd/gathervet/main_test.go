package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	goruntime "runtime"
	"slices"
	"strings"
	"testing"

	"github.com/gathergen/gathergen/internal/testmodule"
)

// TestGathervet builds the command once and runs it as a user would: alone
// and under go vet, on a module that uses the real runtime through a replace
// directive, and on this repository. It also installs it as a tool of such a
// module, as the manual says.
func TestGathervet(t *testing.T) {
	tool := buildTool(t)
	root := testmodule.Root(t)
	mod := testmodule.Write(t, filepath.Join("testdata", "module.txtar"), root)

	// The reports in the order of their positions, the order in which the
	// standalone command prints them.
	drops := []string{
		"drops/drops.go:15:2: future returned by runtime.Go is never awaited",
		"drops/drops.go:21:7: future returned by p.Future is never awaited",
		"drops/drops.go:28:7: future returned by runtime.Go is overwritten at line 29 before it is awaited",
		"drops/drops.go:37:8: future returned by runtime.Go is never awaited: the slice it is appended to is never read",
		"drops/late.go:13:8: future returned by runtime.Go is never awaited: the slice it is appended to is never read",
		"drops/late.go:15:7: future returned by runtime.Go is overwritten at line 16 before it is awaited",
	}

	t.Run("standalone", func(t *testing.T) {
		t.Parallel()
		res := run(t, mod, moduleEnv(), tool, "./...")
		res.wantInOrder(t, 3, absoluteIn(mod, drops))
		res = run(t, mod, moduleEnv(), tool, "./keeps")
		res.want(t, 0, nil)
		res = run(t, mod, moduleEnv(), tool, "./missing") // a package that cannot be loaded
		res.want(t, 1, nil)
	})
	t.Run("type error", func(t *testing.T) {
		t.Parallel()
		// A package that does not type-check gets the type checker's
		// message with its position and exit status 1; the other packages
		// are still checked, and their reports printed in order.
		mod := testmodule.Write(t, filepath.Join("testdata", "module.txtar"), root)
		broken := filepath.Join(mod, "broken", "broken.go")
		if err := os.MkdirAll(filepath.Dir(broken), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(broken, []byte("package broken\n\nfunc F() int {\n\treturn x\n}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		res := run(t, mod, moduleEnv(), tool, "./...")
		typeErrors := []string{ // go list's, then the type checker's
			"broken/broken.go:4:9: undefined: x",
			broken + ":4:9: undefined: x",
		}
		res.wantInOrder(t, 1, append(typeErrors, absoluteIn(mod, drops)...))
	})
	t.Run("help", func(t *testing.T) {
		t.Parallel()
		// The usage names the command, not the analyzer inside it.
		res := run(t, mod, moduleEnv(), tool, "-h")
		if res.code != 0 || !strings.HasPrefix(res.stderr, "gathervet: report futures that are never awaited\n") ||
			!strings.Contains(res.stderr, "\nUsage: gathervet [-flag] [package]\n") || strings.Contains(res.stderr, "unawaited") {
			t.Errorf("%s: exit status %d, stderr:\n%s\nwant exit status 0 and a usage that names gathervet alone", res.cmd, res.code, res.stderr)
		}
	})
	t.Run("version", func(t *testing.T) {
		t.Parallel()
		res := run(t, mod, moduleEnv(), tool, "-version")
		want := "gathervet " + recordedVersion(t, tool) + "\n"
		if res.code != 0 || res.stdout != want || res.stderr != "" {
			t.Errorf("%s: exit status %d, stdout %q, stderr %q; want exit status 0 and %q alone", res.cmd, res.code, res.stdout, res.stderr, want)
		}
	})
	t.Run("vettool", func(t *testing.T) {
		t.Parallel()
		res := run(t, mod, moduleEnv(), "go", "vet", "-vettool="+tool, "./...")
		res.want(t, 1, drops)
		res = run(t, mod, moduleEnv(), "go", "vet", "-vettool="+tool, "./keeps")
		res.want(t, 0, nil)
	})
	t.Run("tool", func(t *testing.T) {
		t.Parallel()
		mod := testmodule.Write(t, filepath.Join("testdata", "module.txtar"), root) // go get -tool edits go.mod and go.sum
		res := run(t, mod, moduleEnv(), "go", "get", "-tool", "github.com/gathergen/gathergen/cmd/gathervet")
		if res.code != 0 {
			t.Fatalf("%s: exit status %d\n%s%s", res.cmd, res.code, res.stdout, res.stderr)
		}
		res = run(t, mod, moduleEnv(), "go", "tool", "gathervet", "./...")
		res.want(t, 3, absoluteIn(mod, drops))
		res = run(t, mod, moduleEnv(), "go", "tool", "-n", "gathervet")
		if res.code != 0 {
			t.Fatalf("%s: exit status %d\n%s%s", res.cmd, res.code, res.stdout, res.stderr)
		}
		installed := strings.TrimSpace(res.stdout)
		res = run(t, mod, moduleEnv(), "go", "vet", "-vettool="+installed, "./...")
		res.want(t, 1, drops)
	})
	t.Run("repository", func(t *testing.T) {
		t.Parallel()
		// The repository's own packages, examples included, drop no
		// future. Folders named testdata are left out by ./..., as by go vet.
		res := run(t, root, os.Environ(), "go", "vet", "-vettool="+tool, "./...")
		res.want(t, 0, nil)
		if t.Failed() {
			t.Log("fix each report, or mark a future dropped on purpose with //gathervet:ignore and a reason")
		}
	})
}

// buildTool builds gathervet into a temporary folder and returns its path.
func buildTool(t *testing.T) string {
	t.Helper()
	name := "gathervet"
	if goruntime.GOOS == "windows" {
		name += ".exe"
	}
	tool := filepath.Join(t.TempDir(), name)
	cmd := exec.CommandContext(t.Context(), "go", "build", "-o", tool, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return tool
}

// recordedVersion returns the version of the gathergen module that go
// version -m reads from the binary tool.
func recordedVersion(t *testing.T, tool string) string {
	t.Helper()
	out, err := exec.CommandContext(t.Context(), "go", "version", "-m", tool).Output()
	if err != nil {
		t.Fatalf("go version -m: %v", err)
	}
	for line := range strings.Lines(string(out)) {
		// "\tmod\tgithub.com/gathergen/gathergen\t(devel)\t"
		if f := strings.Fields(line); len(f) >= 3 && f[0] == "mod" && f[1] == "github.com/gathergen/gathergen" {
			return f[2]
		}
	}
	t.Fatalf("go version -m names no main module github.com/gathergen/gathergen:\n%s", out)
	return ""
}

// absoluteIn returns reports with dir in front of their file names, as the
// standalone command prints them.
func absoluteIn(dir string, reports []string) []string {
	abs := make([]string, len(reports))
	for i, r := range reports {
		abs[i] = filepath.Join(dir, r)
	}
	return abs
}

// moduleEnv is the environment for go commands in a temporary module:
// outside any workspace, with no flags of the caller's, and offline, since
// everything it needs is in the checkout and in the module cache that
// building the checkout filled.
func moduleEnv() []string {
	return append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off")
}

// result is what a command did.
type result struct {
	cmd    string
	code   int
	stdout string
	stderr string
}

// run runs a command in dir and returns its exit status and output. It fails
// the test only when the command cannot be started.
func run(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{
		cmd:    strings.Join(append([]string{filepath.Base(name)}, args...), " "),
		stdout: stdout.String(),
		stderr: stderr.String(),
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		res.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", res.cmd, err)
	}
	return res
}

// report matches a line of a report: file:line:col: message.
var report = regexp.MustCompile(`^\S+\.go:\d+:\d+: `)

// want checks the exit status and that the reports printed are exactly
// reports, in any order, with nothing on standard output, and nothing at
// all on standard error when the command succeeds.
func (r result) want(t *testing.T, code int, reports []string) {
	t.Helper()
	r.check(t, code, reports, false)
}

// wantInOrder is want for reports printed in the order given: the type
// checker's messages, when there are any, and then the analyzer's.
func (r result) wantInOrder(t *testing.T, code int, reports []string) {
	t.Helper()
	r.check(t, code, reports, true)
}

// check is want, with the order of the reports checked when ordered is
// true.
func (r result) check(t *testing.T, code int, reports []string, ordered bool) {
	t.Helper()
	var got []string
	quiet := true // nothing on stderr but the go command's download notes
	for line := range strings.Lines(r.stderr) {
		line = strings.TrimSpace(line)
		if report.MatchString(line) {
			got = append(got, line)
		}
		if !strings.HasPrefix(line, "go: downloading ") {
			quiet = false
		}
	}
	if !ordered {
		slices.Sort(got)
		reports = slices.Sorted(slices.Values(reports))
	}
	if r.code != code || !slices.Equal(got, reports) || r.stdout != "" || (code == 0 && !quiet) {
		t.Errorf("%s: exit status %d, reports:\n\t%s\nwant exit status %d, reports:\n\t%s\nstdout:\n%s\nstderr:\n%s",
			r.cmd, r.code, strings.Join(got, "\n\t"), code, strings.Join(reports, "\n\t"), r.stdout, r.stderr)
	}
}
