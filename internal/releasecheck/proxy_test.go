package main

import (
	"archive/zip"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/module"
)

// writeTree writes files (slash-separated names) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o666); err != nil {
			t.Fatal(err)
		}
	}
}

// zipNames returns the names of the entries of the zip at name.
func zipNames(t *testing.T, name string) []string {
	t.Helper()
	r, err := zip.OpenReader(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var names []string
	for _, f := range r.File {
		names = append(names, f.Name)
	}
	slices.Sort(names)
	return names
}

// testModules are a root module and a nested one, as in the repository.
var testModules = []releaseModule{{Path: rootModule, Dir: ""}, {Path: rootModule + "/sub", Dir: "sub"}}

// testTree is a repository with a licence at the root only.
var testTree = map[string]string{
	"go.mod":       "module " + rootModule + "\n\ngo 1.26.0\n",
	"LICENSE":      "the licence\n",
	"a.go":         "package a\n",
	"sub/go.mod":   "module " + rootModule + "/sub\n\ngo 1.26.0\n\nrequire " + rootModule + " v0.1.0\n",
	"sub/b.go":     "package sub\n",
	"sub/x/c.go":   "package x\n",
	"tools/go.mod": "module example.com/tools\n",
	"tools/t.go":   "package tools\n",
}

func treeFiles() []string {
	var files []string
	for name := range testTree {
		files = append(files, name)
	}
	slices.Sort(files)
	return files
}

func TestBuildProxy(t *testing.T) {
	repo, out := t.TempDir(), t.TempDir()
	writeTree(t, repo, testTree)
	when := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	zips, err := buildProxy(repo, treeFiles(), testModules, "v0.1.0", when, out)
	if err != nil {
		t.Fatal(err)
	}
	wantZips := [][]string{
		// the root's zip leaves out the nested modules, sub/ and tools/
		{rootModule + "@v0.1.0/LICENSE", rootModule + "@v0.1.0/a.go", rootModule + "@v0.1.0/go.mod"},
		// sub's gets the root's licence
		{rootModule + "/sub@v0.1.0/LICENSE", rootModule + "/sub@v0.1.0/b.go",
			rootModule + "/sub@v0.1.0/go.mod", rootModule + "/sub@v0.1.0/x/c.go"},
	}
	for i, m := range testModules {
		dir := filepath.Join(out, filepath.FromSlash(m.Path), "@v")
		if got := zipNames(t, zips[i]); !slices.Equal(got, wantZips[i]) {
			t.Errorf("zip of %s holds %q, want %q", m.Path, got, wantZips[i])
		}
		if zips[i] != filepath.Join(dir, "v0.1.0.zip") {
			t.Errorf("zip of %s at %s, want it in %s", m.Path, zips[i], dir)
		}
		if err := checkLicense(zips[i], module.Version{Path: m.Path, Version: "v0.1.0"}); err != nil {
			t.Error(err)
		}
		read := func(name string) string {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			return string(data)
		}
		if got := read("list"); got != "v0.1.0\n" {
			t.Errorf("%s list = %q", m.Path, got)
		}
		if got, want := read("v0.1.0.mod"), testTree[strings.TrimPrefix(m.Dir+"/go.mod", "/")]; got != want {
			t.Errorf("%s .mod = %q, want %q", m.Path, got, want)
		}
		var info struct {
			Version string
			Time    time.Time
		}
		if err := json.Unmarshal([]byte(read("v0.1.0.info")), &info); err != nil || info.Version != "v0.1.0" || !info.Time.Equal(when) {
			t.Errorf("%s .info = %+v (%v), want v0.1.0 at %v", m.Path, info, err, when)
		}
	}
}

// TestBuildProxyEscapes checks that a module path with capitals is stored
// in the escaped form of the protocol.
func TestBuildProxyEscapes(t *testing.T) {
	repo, out := t.TempDir(), t.TempDir()
	writeTree(t, repo, map[string]string{"go.mod": "module example.com/Upper\n", "LICENSE": "l\n"})
	mods := []releaseModule{{Path: "example.com/Upper"}}
	if _, err := buildProxy(repo, []string{"LICENSE", "go.mod"}, mods, "v1.2.3", time.Now(), out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "example.com", "!upper", "@v", "v1.2.3.zip")); err != nil {
		t.Error(err)
	}
}

func TestBuildProxyErrors(t *testing.T) {
	repo := t.TempDir()
	writeTree(t, repo, testTree)
	for _, v := range []string{"", "v0.1", "0.1.0", "v2.0.0", "v0.1.0+build", "latest"} {
		_, err := buildProxy(repo, treeFiles(), testModules, v, time.Now(), t.TempDir())
		if err == nil || !strings.Contains(err.Error(), "not a release version") {
			t.Errorf("version %q: error %v, want one that says it is not a release version", v, err)
		}
	}
	wrong := []releaseModule{{Path: rootModule + "/other", Dir: "sub"}}
	_, err := buildProxy(repo, treeFiles(), wrong, "v0.1.0", time.Now(), t.TempDir())
	if err == nil || !strings.Contains(err.Error(), `sub/go.mod declares module "`+rootModule+`/sub"`) {
		t.Errorf("a module path that go.mod does not declare: error %v", err)
	}
	missing := []releaseModule{{Path: rootModule + "/none", Dir: "none"}}
	_, err = buildProxy(repo, treeFiles(), missing, "v0.1.0", time.Now(), t.TempDir())
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a module without go.mod: error %v, want one that it does not exist", err)
	}
}

// TestCheckLicense checks that a zip without a licence at the module's
// root fails, when the repository has none.
func TestCheckLicense(t *testing.T) {
	repo, out := t.TempDir(), t.TempDir()
	tree := map[string]string{"go.mod": "module " + rootModule + "\n", "docs/LICENSE": "not at the root\n"}
	writeTree(t, repo, tree)
	zips, err := buildProxy(repo, []string{"docs/LICENSE", "go.mod"}, testModules[:1], "v0.1.0", time.Now(), out)
	if err != nil {
		t.Fatal(err)
	}
	err = checkLicense(zips[0], module.Version{Path: rootModule, Version: "v0.1.0"})
	if err == nil || !strings.Contains(err.Error(), "holds no LICENSE") {
		t.Errorf("checkLicense = %v, want an error that the zip holds no LICENSE", err)
	}
	if err := checkLicense(filepath.Join(out, "none.zip"), module.Version{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("checkLicense of a missing zip = %v", err)
	}
}

// TestListFiles checks the files of a git work tree: tracked and
// untracked ones, not ignored or deleted ones.
func TestListFiles(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo := t.TempDir()
	writeTree(t, repo, map[string]string{
		".gitignore": "*.prof\n", "tracked.go": "package a\n", "gone.go": "package a\n",
		"sub/untracked.go": "package sub\n", "cpu.prof": "ignored\n",
	})
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".gitignore", "tracked.go", "gone.go")
	if err := os.Remove(filepath.Join(repo, "gone.go")); err != nil {
		t.Fatal(err)
	}
	files, err := listFiles(repo)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	if want := []string{".gitignore", "sub/untracked.go", "tracked.go"}; !slices.Equal(files, want) {
		t.Errorf("listFiles = %q, want %q", files, want)
	}
	if _, err := listFiles(t.TempDir()); err == nil || !strings.Contains(err.Error(), "git ls-files") {
		t.Errorf("listFiles outside a repository = %v, want git's error", err)
	}
}
