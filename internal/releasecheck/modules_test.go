package main

import (
	"bytes"
	"go/format"
	"io/fs"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestModulesFormatted checks that the Go files that the rehearsal writes
// into its modules are gofmt-clean, as a user's would be.
func TestModulesFormatted(t *testing.T) {
	names, err := fs.Glob(modules, "modules/*.txtar")
	if err != nil || len(names) != 3 {
		t.Fatalf("modules: %q, %v; want three archives", names, err)
	}
	for _, name := range names {
		data, err := modules.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range txtar.Parse(data).Files {
			if !strings.HasSuffix(f.Name, ".go") {
				continue
			}
			got, err := format.Source(f.Data)
			if err != nil || !bytes.Equal(got, f.Data) {
				t.Errorf("%s: %s is not gofmt-clean (%v)", name, f.Name, err)
			}
		}
	}
}
