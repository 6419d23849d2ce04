package runtime

import (
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestStandardLibraryOnly fails when a package in runtime/ or in a folder
// under it imports anything but the standard library (or another package
// of the same tree): every user's build pulls the runtime in, and it must
// bring no dependency with it. Every non-test file counts, whatever its
// build constraint; test files may use test libraries.
func TestStandardLibraryOnly(t *testing.T) {
	for _, bad := range foreignImports(t, ".", "github.com/gathergen/gathergen/runtime") {
		t.Error(bad)
	}
}

// TestForeignImportsFound checks that foreignImports sees an import from
// outside the standard library in a folder below the root, and lets the
// standard library, the tree's own packages and test files pass.
func TestForeignImportsFound(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.go":           "package a\n\nimport (\n\t\"context\"\n\t\"example.com/tree/sub\"\n)\n",
		"a_test.go":      "package a\n\nimport \"go.uber.org/goleak\"\n",
		"sub/sub.go":     "//go:build windows\n\npackage sub\n\nimport \"mymod/helper\"\n",
		"sub/ok.go":      "package sub\n\nimport \"net/http\"\n",
		"sub/cgo/cgo.go": "package cgo\n\nimport \"C\"\n",
	}
	for name, src := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := strings.Join(foreignImports(t, dir, "example.com/tree"), "\n")
	for _, want := range []string{`sub.go imports "mymod/helper"`, `cgo.go imports "C"`} {
		if !strings.Contains(got, want) {
			t.Errorf("foreignImports does not report %s; it reports:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != 2 {
		t.Errorf("foreignImports reports %d imports, want 2:\n%s", n, got)
	}
}

// foreignImports returns, for each non-test Go file under root (the
// package at importPath and the folders below it), each import that is
// neither of the standard library (a folder of GOROOT's src) nor of that
// tree, as "file imports \"path\"".
func foreignImports(t *testing.T, root, importPath string) []string {
	t.Helper()
	goroot := build.Default.GOROOT
	if goroot == "" {
		t.Fatal("no GOROOT to tell the standard library by")
	}
	var bad []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, spec := range f.Imports {
			imp, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return err
			}
			if imp == importPath || strings.HasPrefix(imp, importPath+"/") || isStandard(goroot, imp) {
				continue
			}
			bad = append(bad, path+" imports "+strconv.Quote(imp))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return bad
}

// isStandard reports whether path names a package of the standard library:
// a folder of GOROOT's src ("C", which asks for cgo, is none).
func isStandard(goroot, path string) bool {
	if path == "C" || strings.Contains(path, ".") {
		return false
	}
	info, err := os.Stat(filepath.Join(goroot, "src", filepath.FromSlash(path)))
	return err == nil && info.IsDir()
}
