package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckSaysWhy checks that -check says whether a generated file is
// missing, stale or no longer generated, and prints the diff of each.
func TestCheckSaysWhy(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/m\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte("package p\n\n//gathergen:async\nfunc F() int { return 1 }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := gathergen(t, dir, "-check")
	expect(t, r, 1, "gather_gen.go is missing: run go generate")
	if strings.Contains(r.stderr, "stale") || !strings.Contains(r.stdout, "+func FAsync(") {
		t.Errorf("stderr %q, stdout %q; want it missing, not stale, and the diff", r.stderr, r.stdout)
	}
}

// TestCheckPathsRelative checks that -check names a file relative to the
// current folder both in its diff's headers and in its message, as
// diagnostics do.
func TestCheckPathsRelative(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":     "module example.com/m\n\ngo 1.26\n",
		"sub/p.go":   "package p\n\n//gathergen:async\nfunc F() int { return 1 }\n",
		"other/q.go": "package q\n",
	})
	r := gathergen(t, dir, "-check", "./...")
	want := filepath.Join("sub", "gather_gen.go")
	expect(t, r, 1, "gathergen: "+want+" is missing: run go generate")
	if !strings.Contains(r.stdout, "--- "+want+"\t(on disk)\n+++ "+want+"\t(generated)\n") {
		t.Errorf("diff headers do not name %s:\n%s", want, r.stdout)
	}
	if strings.Contains(r.stdout+r.stderr, dir) {
		t.Errorf("output names the absolute folder %s:\n%s%s", dir, r.stdout, r.stderr)
	}
}

// TestNotModule checks that a run outside any module says so, naming the
// folder and what to do, on one line.
func TestNotModule(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte("package p\n\n//gathergen:async\nfunc F() int { return 1 }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := gathergen(t, dir)
	expect(t, r, 1, dir+": no go.mod here or in any folder above", "go mod init")
	if strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Errorf("more than one line:\n%s", r.stderr)
	}
}

// TestMissingPackage checks that a package folder that does not exist gets
// one line that names it and says what to do.
func TestMissingPackage(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/m\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := gathergen(t, dir, "./nosuch")
	expect(t, r, 1, "./nosuch: no folder "+filepath.Join(dir, "nosuch")+": name an existing package folder")
	if strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Errorf("more than one line:\n%s", r.stderr)
	}
	// an import path in the module: go get cannot help (run without
	// -mod=mod, which would look the path up)
	cmd := exec.Command(os.Args[0], "example.com/m/nosuch")
	cmd.Dir, cmd.Env = dir, append(os.Environ(), "GOWORK=off", "GOFLAGS=", asTool+"=1")
	out, err := cmd.CombinedOutput()
	want := "example.com/m/nosuch: no folder of module example.com/m holds package example.com/m/nosuch: check the path, or create the package's folder\n"
	if err == nil || string(out) != want {
		t.Errorf("gathergen example.com/m/nosuch: %v\n%s\nwant %s", err, out, want)
	}
}

// TestCheckEveryConstraint checks that -check looks at the file of every
// constraint, those that the run's configuration leaves out included.
func TestCheckEveryConstraint(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":       "module example.com/m\n\ngo 1.26\n",
		"p.go":         "package p\n\n//gathergen:async\nfunc F() int { return 1 }\n",
		"x_windows.go": "package p\n\n//gathergen:async\nfunc W() int { return 1 }\n",
		"slow.go":      "//go:build integration\n\npackage p\n\n//gathergen:async\nfunc S() int { return 1 }\n",
	})
	expect(t, gathergen(t, dir, "-check"), 1,
		"gather_gen.go is missing", "gather_gen.windows.go is missing", "gather_gen.integration.go is missing")
	expect(t, gathergen(t, dir), 0)
	expect(t, gathergen(t, dir, "-check", "-v"), 0,
		"up to date gather_gen.go", "up to date gather_gen.windows.go", "up to date gather_gen.integration.go")
	writeFiles(t, dir, map[string]string{"slow.go": "//go:build integration\n\npackage p\n"})
	expect(t, gathergen(t, dir, "-check"), 1, "gather_gen.integration.go is no longer generated")
	expect(t, gathergen(t, dir, "-v"), 0, "removed gather_gen.integration.go")
}
