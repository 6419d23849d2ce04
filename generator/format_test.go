package generator

import (
	"bytes"
	"go/format"
	"path/filepath"
	"slices"
	"testing"
)

// TestFormatChunks formats the rendered file of every golden case that
// generates code in chunks (one declaration each, two, three) and whole
// with format.Source: the results must be the same bytes.
func TestFormatChunks(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	cases := goldenCases(t, root)
	patterns := make([]string, len(cases))
	for i, c := range cases {
		patterns[i] = "./testdata/" + c.name
	}
	l := &loader{output: DefaultOutput}
	pkgs, err := l.load(Config{Dir: root, Patterns: patterns})
	if err != nil {
		t.Fatal(err)
	}
	rendered := 0
	for _, a := range scanAll(pkgs, l) {
		m := a.analyze()
		if m == nil || len(a.diags) > 0 {
			continue
		}
		src, err := render(m)
		if err != nil {
			t.Fatal(err)
		}
		want, err := format.Source(src)
		if err != nil {
			t.Fatal(err)
		}
		if len(chunkCuts(src, len(src))) == 0 {
			t.Errorf("%s: no declaration to cut before", a.pkg.PkgPath)
		}
		for _, n := range []int{len(src), 2, 3} {
			got, err := formatChunks(src, n)
			if err != nil {
				t.Fatalf("%s in %d chunks: %v", a.pkg.PkgPath, n, err)
			}
			if !bytes.Equal(got, want) {
				f := File{Path: a.pkg.PkgPath, Old: want, New: got}
				t.Errorf("%s in %d chunks differs from format.Source:\n%s", a.pkg.PkgPath, n, f.Diff())
			}
		}
		rendered++
	}
	if rendered == 0 {
		t.Fatal("no golden case generates code")
	}
}

// TestFormatChunksError formats a file whose last declaration does not
// parse: the error is format.Source's for the whole file, with its line.
func TestFormatChunksError(t *testing.T) {
	src := []byte(header + "\n\npackage p\n\n// A is fine.\nfunc A() {}\n// B is not.\nfunc B( {}\n")
	if cuts := chunkCuts(src, 2); len(cuts) != 1 {
		t.Fatalf("cuts = %v, want one", cuts)
	}
	_, want := format.Source(src)
	_, err := formatChunks(src, 2)
	if err == nil || want == nil || err.Error() != want.Error() {
		t.Errorf("error = %v, want %v", err, want)
	}
}

// TestChunkCuts cuts only before a doc comment's first line, after the
// package clause, and into no more chunks than asked.
func TestChunkCuts(t *testing.T) {
	src := []byte("// Code.\n\npackage p\n\nimport \"context\"\n\n// A.\n// More on A.\nfunc A() {}\n// B.\nfunc B() {}\n// C.\nfunc C() {}\n")
	var starts []string
	for _, c := range chunkCuts(src, 100) {
		line, _, _ := bytes.Cut(src[c+1:], []byte("\n"))
		starts = append(starts, string(line))
	}
	if want := []string{"// A.", "// B.", "// C."}; !slices.Equal(starts, want) {
		t.Errorf("chunks start with %q, want %q", starts, want)
	}
	if cuts := chunkCuts(src, 2); len(cuts) != 1 {
		t.Errorf("cuts for 2 chunks = %v, want one", cuts)
	}
	if cuts := chunkCuts(src, 1); cuts != nil {
		t.Errorf("cuts for 1 chunk = %v, want none", cuts)
	}
	if cuts := chunkCuts([]byte("// A.\nfunc A() {}\n// B.\nfunc B() {}\n"), 2); cuts != nil {
		t.Errorf("cuts without a package clause = %v, want none", cuts)
	}
}
