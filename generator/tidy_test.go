package generator

import (
	"bytes"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/imports"
)

// goldenOutputs returns the paths of every expected output of ../testdata
// and of the other generated files that the repository holds.
func goldenOutputs(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, pattern := range []string{
		"../testdata/*/gather_gen*.go", "../testdata/*/activity_gen.go",
		"../examples/*/gather_gen.go", "../bench/typed/gather_gen.go",
		"../temporal/examples/*/activity_gen.go", "../temporal/internal/bench/activity_gen.go",
	} {
		matches, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, matches...)
	}
	if len(paths) < 30 {
		t.Fatalf("found %d golden outputs, want the 30 or more of the repository", len(paths))
	}
	return paths
}

// TestGoldenOutputsTidy checks that gofmt and goimports leave every
// generated file of the repository as it is: imports of the standard
// library first, a blank line, then the others, with a local name only
// where one is needed, so that a CI that runs gofmt -l or goimports -l
// passes over generated files.
func TestGoldenOutputsTidy(t *testing.T) {
	for _, path := range goldenOutputs(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if out, err := format.Source(src); err != nil || !bytes.Equal(out, src) {
			t.Errorf("%s: gofmt would change it (%v)", path, err)
		}
		out, err := imports.Process(path, src, &imports.Options{Comments: true, TabIndent: true, TabWidth: 8})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !bytes.Equal(out, src) {
			f := File{Path: path, Old: src, New: out}
			t.Errorf("goimports would change %s:\n%s", path, f.Diff())
		}
	}
}

// TestGoldenOutputsWidth checks that no line of a generated file of the
// repository is wider than 100 columns, a tab counting 4: signatures,
// calls and doc comments wrap.
func TestGoldenOutputsWidth(t *testing.T) {
	for _, path := range goldenOutputs(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			if width := utf8.RuneCountInString(strings.ReplaceAll(line, "\t", "    ")); width > 100 {
				t.Errorf("%s:%d is %d columns wide: %s", path, i+1, width, line)
			}
		}
	}
}
