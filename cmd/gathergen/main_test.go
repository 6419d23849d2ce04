package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// asTool makes the test binary run gathergen's main: the tests below run it
// as the command, stringer-style.
const asTool = "GATHERGEN_TEST_AS_TOOL"

func TestMain(m *testing.M) {
	if os.Getenv(asTool) == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// moduleEnv is the environment of go commands in a temporary module: no
// workspace, and go.mod and go.sum completed from the module cache. The
// settings come last, so that they replace the caller's (os/exec keeps the
// last value of a variable).
func moduleEnv() []string {
	return append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOSUMDB=off")
}

// result is what a command did.
type result struct {
	stdout, stderr string
	code           int
}

// runIn runs a command in dir.
func runIn(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{stdout.String(), stderr.String(), code}
}

// gathergen runs the test binary as gathergen in dir.
func gathergen(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runIn(t, dir, append(moduleEnv(), asTool+"=1"), os.Args[0], args...)
}

// goIn runs the go command in dir and fails the test when it fails.
func goIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	r := runIn(t, dir, moduleEnv(), "go", args...)
	if r.code != 0 {
		t.Fatalf("go %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r.stdout + r.stderr
}

// writeFiles writes files (name: content) below dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readFile returns a file's content, or "" when it does not exist.
func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return string(b)
}

// expect fails unless r exited with code and its stderr holds every want.
func expect(t *testing.T, r result, code int, wants ...string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
	for _, w := range wants {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
		}
	}
}

// TestTuneGC checks that gathergen raises the collector's target, unless
// GOGC sets one.
func TestTuneGC(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	tuneGC("")
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("without GOGC: target %d, want %d", got, gcPercent)
	}
	tuneGC("50")
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC=50: target %d, want it left at 100", got)
	}
}
