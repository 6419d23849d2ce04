package generator

import (
	"bytes"
	"errors"
	"flag"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected output of every case in ../testdata")

// wantDiagnostics names the file of an error case's expected diagnostics.
const wantDiagnostics = "want.diagnostics"

// goldenCase is one folder of ../testdata: an input package and, beside it,
// either the expected gather_gen.go and activity_gen.go (either may be
// absent) or the expected diagnostics.
type goldenCase struct {
	name, dir string
}

// goldenCases lists the cases.
func goldenCases(t *testing.T, root string) []goldenCase {
	entries, err := os.ReadDir(filepath.Join(root, "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	for _, e := range entries {
		if e.IsDir() {
			cases = append(cases, goldenCase{name: e.Name(), dir: filepath.Join(root, "testdata", e.Name())})
		}
	}
	return cases
}

// TestGolden generates every case in one load, compares the output with the
// expected files (rewriting them under -update), then vets, builds and runs
// the tests of every case that generates code, so that a golden file that
// does not compile or behave can be neither kept nor recorded. Cases with
// an activity file are not built here: it imports the Temporal SDK, which
// this module must never require; the temporal module's tests build them.
func TestGolden(t *testing.T) {
	root, cases, patterns := goldenPackages(t)
	res, err := Generate(Config{Dir: root, Patterns: patterns})
	if err != nil {
		t.Fatal(err)
	}
	var built []string
	var undo []func()
	for _, c := range cases {
		got, ok := caseOutput(c, res)
		t.Run(c.name, func(t *testing.T) {
			for name, content := range got {
				undo = append(undo, compareGolden(t, c, name, content))
			}
		})
		if ok && got[DefaultActivityOutput] == nil {
			built = append(built, "./testdata/"+c.name)
		}
	}
	t.Run("build", func(t *testing.T) {
		for _, args := range [][]string{{"vet"}, {"test", "-count=1"}} {
			if out, err := goCommand(root, append(args, built...)...); err != nil {
				t.Errorf("go %s: %v\n%s", args[0], err, out)
			}
		}
		if t.Failed() && *update {
			for _, u := range undo {
				u()
			}
			t.Error("the new golden files do not build or pass their tests: restored the old ones")
		}
	})
}

// caseOutput returns what a case generated, by the name of the golden file
// that holds it: its files' contents (ok), or its diagnostics, with file
// names relative to the case's folder. A golden output file that the case
// no longer generates is to be removed (nil content).
func caseOutput(c goldenCase, res *Result) (got map[string][]byte, ok bool) {
	var diags bytes.Buffer
	for _, d := range res.Diagnostics {
		if rel, err := filepath.Rel(c.dir, d.Pos.Filename); err == nil && !strings.HasPrefix(rel, "..") {
			d.Pos.Filename = rel
			diags.WriteString(d.String() + "\n")
		} else if strings.HasSuffix(d.Pos.Filename, "/testdata/"+c.name) {
			diags.WriteString(d.String() + "\n")
		}
	}
	if diags.Len() > 0 {
		return map[string][]byte{wantDiagnostics: diags.Bytes()}, false
	}
	got = map[string][]byte{}
	for _, f := range res.Files {
		if filepath.Dir(f.Path) == c.dir {
			got[filepath.Base(f.Path)] = f.New
		}
	}
	if len(got) == 0 {
		return map[string][]byte{wantDiagnostics: nil}, false
	}
	return got, true
}

// compareGolden compares one output of a case with its golden file (nil:
// there should be none), or records it under -update; it returns a
// function that puts the old golden file back.
func compareGolden(t *testing.T, c goldenCase, name string, got []byte) func() {
	path := filepath.Join(c.dir, name)
	want, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	if !*update {
		if f := (File{Path: path, Old: want, New: got}); f.Changed() {
			t.Errorf("%s differs from the output (go test ./generator -update rewrites it):\n%s", path, f.Diff())
		}
		return func() {}
	}
	if got == nil {
		os.Remove(path)
	} else if err := os.WriteFile(path, got, 0o644); err != nil {
		t.Fatal(err)
	}
	return func() {
		if want == nil {
			os.Remove(path)
		} else {
			os.WriteFile(path, want, 0o644)
		}
	}
}

// goCommand runs the go command in dir.
func goCommand(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	return cmd.CombinedOutput()
}

// goldenPackages returns the repository's root, the golden cases and their
// package patterns, relative to the root.
func goldenPackages(t *testing.T) (root string, cases []goldenCase, patterns []string) {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	sdk := sdkInBuild(root)
	for _, c := range goldenCases(t, root) {
		if !sdk && importsSDK(t, c.dir) {
			// The root module never requires the Temporal SDK; the
			// workspace (go.work) brings it in through temporal/.
			t.Logf("%s: left out: its input imports the Temporal SDK, which only the workspace provides", c.name)
			continue
		}
		cases = append(cases, c)
		patterns = append(patterns, "./testdata/"+c.name)
	}
	return root, cases, patterns
}

// sdkInBuild reports whether the Temporal SDK is in the build list in root:
// it is in the workspace, not in the root module alone (GOWORK=off).
func sdkInBuild(root string) bool {
	_, err := goCommand(root, "list", "-m", "go.temporal.io/sdk")
	return err == nil
}

// importsSDK reports whether a Go file of dir imports a package of the
// Temporal SDK.
func importsSDK(t *testing.T, dir string) bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if strings.HasPrefix(strings.Trim(imp.Path.Value, `"`), "go.temporal.io/") {
				return true
			}
		}
	}
	return false
}
