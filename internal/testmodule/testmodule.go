// Package testmodule writes the modules that end-to-end tests run commands
// in: a txtar archive unpacked into a temporary folder, its go.mod pointing
// at this checkout through a replace directive.
package testmodule

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"
)

// modulePath is the path of the module whose root Root finds.
const modulePath = "github.com/gathergen/gathergen"

// Root returns the root folder of this checkout: the nearest folder, from
// the current one upwards, whose go.mod declares the module
// github.com/gathergen/gathergen.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(gomod, []byte("module "+modulePath+"\n")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no folder above the current one holds the go.mod of %s", modulePath)
		}
		dir = parent
	}
}

// Write unpacks the txtar archive at path into a new temporary folder, with
// every ROOT in its files replaced by root, and returns the folder.
func Write(t testing.TB, path, root string) string {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		file := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, bytes.ReplaceAll(f.Data, []byte("ROOT"), []byte(root)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
