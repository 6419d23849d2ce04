package generator

import (
	"bytes"
	"fmt"
	"go/format"
	"strings"
	"testing"

	"github.com/gathergen/gathergen/generator/internal/emit"
	"github.com/gathergen/gathergen/generator/internal/load"
	"github.com/gathergen/gathergen/generator/internal/model"
)

// TestEmitChunks renders and formats the file of every golden case that
// generates code in chunks (of one wrapper or group, two, three) and at
// once: the results must be the same bytes.
func TestEmitChunks(t *testing.T) {
	root, _, patterns := goldenPackages(t)
	chunked := 0
	for _, m := range models(t, Config{Dir: root, Patterns: patterns}) {
		compareChunks(t, m, 1, 2, 3)
		if len(m.Wrappers)+len(m.Groups) > 1 {
			chunked++
		}
	}
	if chunked == 0 {
		t.Fatal("no golden case has two declarations to chunk")
	}
}

// TestEmitLarge generates a package large enough that emit formats it in
// chunks, with wrappers of every kind of result and groups:
// the file must be what formatting it at once gives.
func TestEmitLarge(t *testing.T) {
	var src strings.Builder
	src.WriteString("package big\n\nimport (\n\t\"context\"\n\t\"io\"\n)\n\n")
	for i := range 3 * emit.ChunkUnits {
		fmt.Fprintf(&src, "//gathergen:async\nfunc V%d(ctx context.Context, n int, s string) (int, error) { return n, nil }\n\n", i)
		fmt.Fprintf(&src, "//gathergen:async\nfunc S%d(r io.Reader) (a, b int) { return 0, 0 }\n\n", i)
		fmt.Fprintf(&src, "//gathergen:async\nfunc E%d(p *[4]byte) error { return nil }\n\n", i)
		fmt.Fprintf(&src, "//gathergen:gather G%d V%d S%d E%d\n\n", i, i, i, i)
	}
	dir, env := tempModule(t, map[string]string{"big.go": src.String()})
	cfg := Config{Dir: dir, Env: env}
	res, err := Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 || len(res.Files) != 1 {
		t.Fatalf("diagnostics %v, %d files", res.Diagnostics, len(res.Files))
	}
	m := models(t, cfg)[0]
	want, err := emit.Chunks(m, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(res.Files[0].New, want) {
		f := File{Path: "big", Old: want, New: res.Files[0].New}
		t.Errorf("emit differs from formatting at once:\n%s", f.Diff())
	}
	compareChunks(t, m, 7)
}

// models loads packages and returns the model of each that has one and no
// problem.
func models(t *testing.T, cfg Config) []*model.Model {
	t.Helper()
	lcfg := load.Config(cfg)
	l := &load.Loader{Output: DefaultOutput, Build: lcfg.BuildContext()}
	pkgs, err := l.Load(lcfg)
	if err != nil {
		t.Fatal(err)
	}
	var ms []*model.Model
	for _, a := range scanAll(pkgs, l) {
		if r := a.Resolve(); r.Model != nil && len(r.Diags) == 0 {
			ms = append(ms, r.Model)
		}
	}
	if len(ms) == 0 {
		t.Fatal("no package generates code")
	}
	return ms
}

// compareChunks checks that rendering and formatting a model in chunks of
// each size gives what formatting it at once gives.
func compareChunks(t *testing.T, m *model.Model, sizes ...int) {
	t.Helper()
	want, err := emit.Chunks(m, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range sizes {
		got, err := emit.Chunks(m, n)
		if err != nil {
			t.Fatalf("%s in chunks of %d: %v", m.Pkg.Path(), n, err)
		}
		if !bytes.Equal(got, want) {
			f := File{Path: m.Pkg.Path(), Old: want, New: got}
			t.Errorf("%s in chunks of %d differs from formatting at once:\n%s", m.Pkg.Path(), n, f.Diff())
		}
	}
}

// TestDeclChunksError formats a file whose last chunk does not parse: the
// error is format.Source's for the whole file, with its line.
func TestDeclChunksError(t *testing.T) {
	head := []byte(model.Header + "\n\npackage p\n\n")
	good, bad := []byte("\n// A is fine.\nfunc A() {}"), []byte("\n// B is not.\nfunc B( {}")
	var d emit.DeclChunks
	d.Add(good)
	d.Add(bad)
	_, err := d.Format(head)
	_, want := format.Source(append(append(append([]byte(nil), head...), good...), bad...))
	if err == nil || want == nil || err.Error() != want.Error() {
		t.Errorf("error = %v, want %v", err, want)
	}
}
