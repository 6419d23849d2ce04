package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strings"
	"testing"

	"github.com/gathergen/gathergen/generator/internal/model"
)

// tempModule writes a module that requires this checkout through replace,
// with files (slash-separated path: content), and returns its folder and
// the environment to load it with.
func tempModule(t testing.TB, files map[string]string) (dir string, env []string) {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	sums, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.26\n\nrequire github.com/gathergen/gathergen v0.0.0\n\n" +
		"replace github.com/gathergen/gathergen => " + root + "\n"
	files["go.sum"] = string(sums)
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOWORK=") && !strings.HasPrefix(kv, "GOFLAGS=") {
			env = append(env, kv)
		}
	}
	return dir, append(env, "GOWORK=off", "GOFLAGS=-mod=mod")
}

// staleOutput is earlier output of package old that calls a function since
// removed.
const staleOutput = model.Header + `

package old

import (
	"context"
	runtime "github.com/gathergen/gathergen/runtime"
)

func GoneAsync(ctx context.Context) *runtime.Future[int] {
	return runtime.GoNamed(ctx, "Gone", func(context.Context) (int, error) { return Gone(), nil })
}
`

// conflicted is earlier output with merge conflict markers in its imports.
var conflicted = strings.Replace(strings.Replace(staleOutput, "package old", "package renamed", 1),
	"\t\"context\"\n", "<<<<<<< HEAD\n\t\"context\"\n=======\n\t\"context\"\n\t\"strings\"\n>>>>>>> other\n", 1)

// TestBrokenOutput checks that earlier output that the go command would
// refuse does not block regeneration: a package clause from before the
// package was renamed (whether the output sorts before or after the
// package's own files), or merge conflict markers in its imports.
func TestBrokenOutput(t *testing.T) {
	const src = "package renamed\n\n//gathergen:async\nfunc F() int { return 1 }\n"
	dir, env := tempModule(t, map[string]string{
		"first/a.go": src, "first/" + DefaultOutput: staleOutput,
		"last/main.go": src, "last/" + DefaultOutput: staleOutput,
		"conflict/main.go": src, "conflict/" + DefaultOutput: conflicted,
	})
	res, err := Generate(Config{Dir: dir, Env: env, Patterns: []string{"./..."}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 || len(res.Files) != 3 {
		t.Fatalf("diagnostics %v, files %d", res.Diagnostics, len(res.Files))
	}
	for _, f := range res.Files {
		if got := string(f.New); !strings.Contains(got, "\npackage renamed\n") || !strings.Contains(got, "func FAsync(") {
			t.Errorf("%s:\n%s", f.Path, got)
		}
	}
}

// TestStaleOutputRemoved checks that earlier output of a package with no
// directive left is to be removed, while a file of the output's name that
// gathergen did not write is left alone.
func TestStaleOutputRemoved(t *testing.T) {
	foreign := "package theirs\n\nfunc F() {}\n"
	dir, env := tempModule(t, map[string]string{
		"old/a.go": "package old\n\nfunc Gone() int { return 1 }\n", "old/" + DefaultOutput: staleOutput,
		"theirs/a.go": "package theirs\n", "theirs/" + DefaultOutput: foreign,
	})
	res, err := Generate(Config{Dir: dir, Env: env, Patterns: []string{"./..."}})
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "old", DefaultOutput)
	if len(res.Diagnostics) > 0 || len(res.Files) != 1 {
		t.Fatalf("diagnostics %v, files %v", res.Diagnostics, res.Files)
	}
	if f := res.Files[0]; f.Path != want || f.New != nil || string(f.Old) != staleOutput {
		t.Fatalf("file %s, new %q; want the removal of %s", f.Path, f.New, want)
	}
}

// TestCgoConstraint checks that output for directives in a file that imports
// "C" keeps that file's constraint and adds cgo, although the type checker
// sees the file as cgo rewrote it (without either).
func TestCgoConstraint(t *testing.T) {
	dir, env := cgoModule(t, map[string]string{
		"a.go": "//go:build !gathergen_never\n\npackage p\n\n// static int one(void) { return 1; }\nimport \"C\"\n\n" +
			"//gathergen:async\nfunc One() int { return int(C.one()) }\n",
		"b.go": "package p\n",
	})
	res, err := Generate(Config{Dir: dir, Env: env})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 {
		t.Fatalf("diagnostics %v, %d files", res.Diagnostics, len(res.Files))
	}
	if got := string(res.Files[0].New); !strings.Contains(got, "\n//go:build !gathergen_never && cgo\n") {
		t.Fatalf("the output does not keep the constraint:\n%s", got)
	}
}

// cgoModule is tempModule for a module that uses cgo: it skips the test
// when the go command finds no C compiler.
func cgoModule(t *testing.T, files map[string]string) (dir string, env []string) {
	t.Helper()
	dir, env = tempModule(t, files)
	env = append(env, "CGO_ENABLED=1")
	cmd := exec.Command("go", "env", "CC")
	cmd.Env = env
	if cc, err := cmd.Output(); err != nil || !hasCommand(strings.Fields(string(cc))) {
		t.Skip("no C compiler for cgo")
	}
	return dir, env
}

// hasCommand reports whether the first word of a command line names a
// program that can be found.
func hasCommand(words []string) bool {
	if len(words) == 0 {
		return false
	}
	_, err := exec.LookPath(words[0])
	return err == nil
}

// TestCrossPackage checks that code may call another package's wrappers,
// functions and methods alike, before their first generation, whether both
// packages are generated in one run or the caller alone. The calls are in
// a function literal that initializes a package-level variable: function
// bodies are not type-checked, initializers are.
func TestCrossPackage(t *testing.T) {
	dir, env := tempModule(t, map[string]string{
		"store/store.go": "package store\n\ntype Client struct{}\n\n//gathergen:async\nfunc Fetch() int { return 1 }\n\n" +
			"//gathergen:async\nfunc (*Client) Get() int { return 2 }\n",
		"shop/shop.go": "package shop\n\nimport (\n\t\"context\"\n\n\tst \"example.com/m/store\"\n)\n\n" +
			"//gathergen:async\nfunc Buy() int { return 3 }\n\n" +
			"var use = func(ctx context.Context, c *st.Client) { st.FetchAsync(ctx); c.GetAsync(ctx) }\n",
	})
	// one run for both; then shop alone, as go generate runs it
	for patterns, files := range map[string]int{"./...": 2, "./shop": 1} {
		res, err := Generate(Config{Dir: dir, Env: env, Patterns: []string{patterns}})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Diagnostics) > 0 || len(res.Files) != files {
			t.Fatalf("%s: diagnostics %v, %d files", patterns, res.Diagnostics, len(res.Files))
		}
	}
}

// TestSyntaxErrorKeepsOutput checks that a syntax error that hides the
// package's directives (an unterminated raw string above them) is reported,
// and does not make gathergen remove the earlier output as if no directive
// were left.
func TestSyntaxErrorKeepsOutput(t *testing.T) {
	dir, env := tempModule(t, map[string]string{
		"a.go":        "package old\n\nvar s = `unterminated\n\n//gathergen:async\nfunc Gone() int { return 1 }\n",
		DefaultOutput: staleOutput,
	})
	res, err := Generate(Config{Dir: dir, Env: env})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) == 0 || len(res.Files) != 0 {
		t.Fatalf("diagnostics %v, files %v", res.Diagnostics, res.Files)
	}
}

// TestBodiesNotChecked checks that function bodies are left to the
// compiler: errors inside them, and imports that only they use, are not
// reported, and their stand-ins make no error of their own (missing
// return, missing body of init, main or a generic function).
func TestBodiesNotChecked(t *testing.T) {
	dir, env := tempModule(t, map[string]string{
		"lib/lib.go": "package lib\n\nimport (\n\t\"context\"\n\t\"strings\"\n\tstr \"strconv\"\n)\n\n" +
			"func init() { println(strings.ToUpper(\"x\")) }\n\n" +
			"//gathergen:async\nfunc Bad(ctx context.Context) (n int, err error) { return \"not an int\", undefined }\n\n" +
			"//gathergen:async\nfunc Generic[T any](v T) (T, error) { _ = str.Itoa; return v }\n",
		"cmd/tool/main.go": "package main\n\nimport \"context\"\n\n" +
			"func main() { _ = 1 + \"x\" }\n\n//gathergen:async\nfunc Run(ctx context.Context) error { for {} }\n",
	})
	res, err := Generate(Config{Dir: dir, Env: env, Patterns: []string{"./..."}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 || len(res.Files) != 2 {
		t.Fatalf("diagnostics %v, %d files", res.Diagnostics, len(res.Files))
	}
}

// TestCgoFunction checks that a directive naming a C function says that
// gathergen wraps Go functions only, rather than that package C is not
// imported: an async directive, and a gather directive's element.
func TestCgoFunction(t *testing.T) {
	dir, env := cgoModule(t, map[string]string{
		"a.go": "package p\n\n// static int one(void) { return 1; }\nimport \"C\"\n\n//gathergen:async C.one\n\nvar _ = C.one\n\n" +
			"//gathergen:gather Both C.one G\n\n//gathergen:async\nfunc G() int { return 1 }\n",
	})
	res, err := Generate(Config{Dir: dir, Env: env})
	if err != nil {
		t.Fatal(err)
	}
	const cannot = " is a C function, which gathergen cannot wrap: wrap a Go function that calls it"
	want := []string{filepath.Join(dir, "a.go") + ":6:19: C.one" + cannot, filepath.Join(dir, "a.go") + ":10:25: C.one" + cannot}
	var got []string
	for _, d := range res.Diagnostics {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) || len(res.Files) != 0 {
		t.Fatalf("diagnostics %q, %d files; want %q", got, len(res.Files), want)
	}
}

// TestLineDirectiveNotCgo checks that a file whose //line comment leads its
// positions to another file is not taken for one that cgo rewrote: C.one
// names no imported package there, rather than a C function.
func TestLineDirectiveNotCgo(t *testing.T) {
	dir, env := tempModule(t, map[string]string{
		"a.go": "// Code generated from a.tmpl.\n\n//line a.tmpl:1\npackage p\n\n//gathergen:async C.one\n",
	})
	res, err := Generate(Config{Dir: dir, Env: env})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) != 1 || !strings.Contains(res.Diagnostics[0].Message, "unknown package C: a.tmpl imports no package of that name") {
		t.Fatalf("diagnostics %v, want one that package C is unknown", res.Diagnostics)
	}
}

// TestTestImportOfModule checks that the name of a test file's import is not
// guessed from the path of a package of a module whose path has no dot, as
// if it were of the standard library: package other at mymod/sub does not
// take the name sub, which the wrapper may take.
func TestTestImportOfModule(t *testing.T) {
	dir, env := tempModule(t, map[string]string{
		"p.go":      "package p\n\n//gathergen:async as sub\nfunc F() int { return 1 }\n",
		"sub/s.go":  "package other\n\nfunc X() int { return 1 }\n",
		"p_test.go": "package p\n\nimport (\n\t\"mymod/sub\"\n\t\"strings\"\n)\n\nvar _, _ = other.X, strings.ToUpper\n",
	})
	mod := filepath.Join(dir, "go.mod")
	src, err := os.ReadFile(mod)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mod, []byte(strings.Replace(string(src), "module example.com/m", "module mymod", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Generate(Config{Dir: dir, Env: env})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 || len(res.Files) != 1 {
		t.Fatalf("diagnostics %v, %d files", res.Diagnostics, len(res.Files))
	}
}

// TestTestFilesOfTheGoCommand checks that the _test.go files are matched as
// the go command matches them for the load: with the tags of GOFLAGS, and
// without cgo for another platform (unless CGO_ENABLED says otherwise).
// A test file that it leaves out may declare a wrapper's name; one that it
// builds may not.
func TestTestFilesOfTheGoCommand(t *testing.T) {
	other := "windows" // another platform than this one
	if goruntime.GOOS == other {
		other = "linux"
	}
	dir, env := tempModule(t, map[string]string{
		"p.go":         "package p\n\n//gathergen:async\nfunc F() int { return 1 }\n\n//gathergen:async\nfunc G() int { return 1 }\n",
		"tags_test.go": "//go:build !integration\n\npackage p\n\nfunc FAsync() {}\n",
		"cgo_test.go":  "//go:build cgo && " + other + "\n\npackage p\n\nfunc GAsync() {}\n",
	})
	for _, c := range []struct {
		env  []string
		want []string // the names reported
	}{
		{[]string{"GOFLAGS=-mod=mod -tags=integration", "GOOS=" + other}, nil},
		{[]string{"GOFLAGS=-mod=mod -tags=integration", "GOOS=" + other, "CGO_ENABLED=1"}, []string{"GAsync"}},
		{[]string{"GOOS=" + other}, []string{"FAsync"}},
	} {
		res, err := Generate(Config{Dir: dir, Env: append(slices.Clone(env), c.env...)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range res.Diagnostics {
			name, _, _ := strings.Cut(d.Message, " ")
			got = append(got, name)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%v: diagnostics %v, want %v reported", c.env, res.Diagnostics, c.want)
		}
	}
}

// TestUnexportedExternal checks that an async directive naming an
// unexported function of another package says so, whether that package is
// loaded from source in the same run or, as a dependency, from export data,
// which holds only what the package exports.
func TestUnexportedExternal(t *testing.T) {
	dir, env := tempModule(t, map[string]string{
		"lib/lib.go": "package lib\n\nfunc hidden() int { return 1 }\n\nvar _ = hidden\n\n// F is exported.\nfunc F() int { return 2 }\n",
		"p/p.go":     "package p\n\nimport \"example.com/m/lib\"\n\nvar _ = lib.F\n\n//gathergen:async lib.hidden\n",
	})
	want := filepath.Join(dir, "p", "p.go") + ":7:19: lib.hidden is not exported"
	for _, pattern := range []string{"./...", "./p"} {
		res, err := Generate(Config{Dir: dir, Env: env, Patterns: []string{pattern}})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Diagnostics) != 1 || res.Diagnostics[0].String() != want {
			t.Errorf("%s: diagnostics %v, want %s", pattern, res.Diagnostics, want)
		}
	}
}

// TestOutputUnreadable checks that an output path that is a folder is a
// problem at that path, which says what to do.
func TestOutputUnreadable(t *testing.T) {
	dir, env := tempModule(t, map[string]string{
		"p.go":                        "package p\n\n//gathergen:async\nfunc F() int { return 1 }\n",
		DefaultOutput + "/keep/x.txt": "x\n",
	})
	res, err := Generate(Config{Dir: dir, Env: env})
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, DefaultOutput) + ": a folder has the output's name: rename or remove it, or name the output otherwise with -output"
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].String() != want || len(res.Files) != 0 {
		t.Fatalf("diagnostics %v, %d files; want %s", res.Diagnostics, len(res.Files), want)
	}
}
