package generator

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/gathergen/gathergen/generator/internal/emit"
)

// TestRuntimeHelpersFresh fails when the committed runtime/gather_gen.go is
// not what RuntimeHelpers renders: run go generate ./runtime.
func TestRuntimeHelpersFresh(t *testing.T) {
	path := filepath.Join("..", "runtime", "gather_gen.go")
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := emit.RuntimeHelpers()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		f := File{Path: path, Old: want, New: got}
		t.Errorf("%s is stale: run go generate ./runtime\n%s", path, f.Diff())
	}
}

// TestTemporalHelpersFresh fails when the committed temporal/gather_gen.go
// is not what TemporalHelpers renders: run go generate in temporal/.
func TestTemporalHelpersFresh(t *testing.T) {
	path := filepath.Join("..", "temporal", "gather_gen.go")
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := emit.TemporalHelpers()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		f := File{Path: path, Old: want, New: got}
		t.Errorf("%s is stale: run go generate in temporal/\n%s", path, f.Diff())
	}
}
