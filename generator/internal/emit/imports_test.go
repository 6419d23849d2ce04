package emit

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestAssumedName checks the package name that goimports assumes from an
// import path, which decides whether an import needs a local name.
func TestAssumedName(t *testing.T) {
	for path, want := range map[string]string{
		"context":      "context",
		"math/rand/v2": "rand",
		"github.com/gathergen/gathergen/temporal": "temporal",
		"example.com/go-yaml":                     "yaml",
		"example.com/x/v2":                        "x",
		"example.com/v2":                          "example", // as goimports has it
		"gopkg.in/yaml.v3":                        "yaml",
	} {
		if got := assumedName(path); got != want {
			t.Errorf("assumedName(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestGroupImports checks the import block: the standard library first, a
// blank line, the others, each sorted, with a local name only where the
// code's name is not the one assumed from the path.
func TestGroupImports(t *testing.T) {
	src := "package p\n\nimport (\n\tmodel \"example.com/a/model\"\n\t\"strings\"\n" +
		"\tgtemporal \"github.com/gathergen/gathergen/temporal\"\n\truntime1 \"runtime\"\n\t\"context\"\n)\n\nvar x = 1\n"
	names := map[string]importName{
		"example.com/a/model": {local: "model", pkg: "model"},
		"strings":             {local: "strings", pkg: "strings"},
		"github.com/gathergen/gathergen/temporal": {local: "gtemporal", pkg: "gtemporal"},
		"runtime": {local: "runtime1", pkg: "runtime"},
		"context": {local: "context", pkg: "context"},
	}
	want := "package p\n\nimport (\n\t\"context\"\n\truntime1 \"runtime\"\n\t\"strings\"\n\n" +
		"\t\"example.com/a/model\"\n\tgtemporal \"github.com/gathergen/gathergen/temporal\"\n)\n\nvar x = 1\n"
	if got := string(groupImports([]byte(src), names)); got != want {
		t.Errorf("groupImports =\n%s\nwant\n%s", got, want)
	}
	if got := string(groupImports([]byte("package p\n\nimport (\n"), names)); got != "package p\n\nimport (\n" {
		t.Errorf("groupImports changed source that does not parse: %q", got)
	}
}

// TestDocf checks that a doc comment wraps between words within maxWidth.
func TestDocf(t *testing.T) {
	f := jen.NewFile("p")
	docf(f, "%s", strings.Repeat("word ", 50))
	f.Var().Id("X").Int()
	out := f.GoString()
	lines := 0
	for line := range strings.SplitSeq(out, "\n") {
		if strings.HasPrefix(line, "//") {
			lines++
			if len(line) > maxWidth {
				t.Errorf("line of %d columns: %s", len(line), line)
			}
		}
	}
	if lines != 3 {
		t.Errorf("%d comment lines, want 3:\n%s", lines, out)
	}
}

// TestFitSignature checks that a signature stays on one line while it fits
// and takes a parameter per line past maxWidth.
func TestFitSignature(t *testing.T) {
	params := func(n int) []jen.Code {
		var ps []jen.Code
		for i := range n {
			ps = append(ps, jen.Id("parameter"+strings.Repeat("x", i)).String())
		}
		return ps
	}
	short := fitSignature(0, jen.Func().Id("F"), nil, params(2), []jen.Code{jen.Error()}).Block()
	if got := short.GoString(); !strings.HasPrefix(got, "func F(parameter string, parameterx string) error {") {
		t.Errorf("short signature:\n%s", got)
	}
	long := fitSignature(0, jen.Func().Id("F"), nil, params(6), []jen.Code{jen.Error()}).Block()
	if got := long.GoString(); !strings.HasPrefix(got, "func F(\n\tparameter string,\n") {
		t.Errorf("long signature:\n%s", got)
	}
}
