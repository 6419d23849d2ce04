package generator

import (
	"fmt"
	"go/types"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strings"
	"testing"

	"github.com/gathergen/gathergen/generator/internal/emit"
	"github.com/gathergen/gathergen/generator/internal/model"
)

// TestOutputOfDeletedImport checks that earlier output, known by its header
// alone, that imports a package since deleted and not the runtime (output
// of another verb, say) never blocks regeneration.
func TestOutputOfDeletedImport(t *testing.T) {
	old := model.Header + "\n\npackage p\n\nimport \"example.com/m/gone\"\n\nvar _ = gone.X\n"
	dir, env := tempModule(t, map[string]string{
		"p.go":        "package p\n\n//gathergen:async\nfunc F() int { return 1 }\n",
		DefaultOutput: old,
	})
	res, err := Generate(Config{Dir: dir, Env: env})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 || len(res.Files) != 1 || string(res.Files[0].Old) != old ||
		!strings.Contains(string(res.Files[0].New), "func FAsync(") {
		t.Fatalf("diagnostics %v, files %v", res.Diagnostics, res.Files)
	}
}

// TestDanglingSymlinkOutput checks that a symbolic link to nothing at the
// output path never blocks a run: the output replaces the link.
func TestDanglingSymlinkOutput(t *testing.T) {
	dir, env := tempModule(t, map[string]string{
		"p.go": "package p\n\n//gathergen:async\nfunc F() int { return 1 }\n",
	})
	out := filepath.Join(dir, DefaultOutput)
	if err := os.Symlink(filepath.Join(dir, "nowhere.go"), out); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	res, err := Generate(Config{Dir: dir, Env: env})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 || len(res.Files) != 1 || res.Files[0].Old != nil {
		t.Fatalf("diagnostics %v, files %v", res.Diagnostics, res.Files)
	}
	if _, err := res.Write(); err != nil {
		t.Fatal(err)
	}
	info, err := os.Lstat(out)
	if err != nil || !info.Mode().IsRegular() {
		t.Fatalf("the output is not a file where the link was: %v %v", info, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "nowhere.go")); !os.IsNotExist(err) {
		t.Fatalf("the write followed the link: %v", err)
	}
}

// TestRuntimeHelpersNotOutput checks that the runtime's own helpers, which
// start with their own header, are never taken for earlier output, which a
// run over the runtime's folder would remove.
func TestRuntimeHelpersNotOutput(t *testing.T) {
	src, err := emit.RuntimeHelpers()
	if err != nil {
		t.Fatal(err)
	}
	if model.IsOwnOutput(src) {
		t.Fatal("the runtime's helpers pass for earlier output")
	}
	res, err := Generate(Config{Dir: "..", Patterns: []string{"./runtime"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 || len(res.Files) > 0 {
		t.Fatalf("a run over the runtime: diagnostics %v, files %v", res.Diagnostics, res.Files)
	}
}

// TestShadowedPredeclared declares, in a package of its own, each name of
// the universe in turn as a type, with wrappers whose signatures use every
// predeclared type (a function of the package, and external functions, one
// of them generic over comparable), and a group. Each package must either
// get diagnostics at its directives or an output that vets and builds:
// never output that does not compile. Names that generated code never
// needs (len, true, ...) must cost nothing.
func TestShadowedPredeclared(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module of many packages")
	}
	lib := "package lib\n\nimport \"context\"\n\n" +
		"func All(ctx context.Context, a bool, b byte, c complex64, d complex128, e error, f float32, g float64, h int, i int8, j int16, k int32, l int64, m rune, n string, o uint, p uint8, q uint16, r uint32, s uint64, u uintptr, v any) (int, error) { return 0, nil }\n\n" +
		"func Same[T comparable](a, b T) bool { return a == b }\n"
	files := map[string]string{"lib/lib.go": lib}
	names := types.Universe.Names()
	for i, name := range names {
		pkg := fmt.Sprintf("p%d", i)
		files[pkg+"/p.go"] = "package " + pkg + "\n\nimport \"example.com/m/lib\"\n\nvar _ = lib.All\n\n" +
			"type " + name + " struct{}\n\n" +
			"//gathergen:async lib.All\n\n//gathergen:async lib.Same\n\n" +
			"//gathergen:async\nfunc Local(s []" + name + ") (" + name + ", int) { return s[0], 1 }\n\n" +
			"//gathergen:gather Both Local lib.Same\n"
	}
	dir, env := tempModule(t, files)
	res, err := Generate(Config{Dir: dir, Env: env, Patterns: []string{"./..."}})
	if err != nil {
		t.Fatal(err)
	}
	refused := map[string]bool{}
	for _, d := range res.Diagnostics {
		if d.Pos.Line == 0 || !strings.Contains(d.Message, "hides the predeclared") {
			t.Errorf("unexpected diagnostic: %v", d)
		}
		refused[filepath.Base(filepath.Dir(d.Pos.Filename))] = true
	}
	for i, name := range names {
		pkg := fmt.Sprintf("p%d", i)
		_, isType := types.Universe.Lookup(name).(*types.TypeName)
		needed := isType || name == "nil"
		if needed != refused[pkg] {
			t.Errorf("a package that declares %s: refused %v, want %v", name, refused[pkg], needed)
		}
	}
	// the others' output must build: write it with the refused packages
	// left out (Write writes nothing while there are diagnostics)
	for _, f := range res.Files {
		if err := f.Write(); err != nil {
			t.Fatal(err)
		}
	}
	var built []string
	for i := range names {
		if pkg := fmt.Sprintf("p%d", i); !refused[pkg] {
			built = append(built, "./"+pkg)
		}
	}
	cmd := exec.Command("go", append([]string{"vet"}, built...)...)
	cmd.Dir, cmd.Env = dir, env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
}

// TestPlatformsBuild vets testdata/platforms in the configurations that
// its outputs are for, beside the run's own (which TestGolden vets):
// Windows, and the integration tag.
func TestPlatformsBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("vets for other platforms")
	}
	for _, c := range []struct{ env, args []string }{
		{[]string{"GOOS=windows", "GOARCH=amd64"}, nil},
		{nil, []string{"-tags=integration"}},
	} {
		cmd := exec.Command("go", append(append([]string{"vet"}, c.args...), "./testdata/platforms")...)
		cmd.Dir, cmd.Env = "..", append(os.Environ(), c.env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go vet %v %v: %v\n%s", c.env, c.args, err, out)
		}
	}
}

// TestConstrainedOutputs checks the files of a package whose directives
// sit in files of several constraints: each gets its own, whatever the
// run's configuration; the earlier output of a constraint that has no
// directive left is removed, and another file of a planned name that
// gathergen did not write is refused.
func TestConstrainedOutputs(t *testing.T) {
	dir, env := tempModule(t, map[string]string{
		"p.go":                 "package p\n\n//gathergen:async\nfunc F() int { return 1 }\n",
		"x_windows.go":         "package p\n\n//gathergen:async\nfunc W() int { return 2 }\n",
		"tagged.go":            "//go:build special && !windows\n\npackage p\n\n//gathergen:async\nfunc S() int { return 3 }\n",
		"gather_gen.plan9.go":  model.Header + "\n\n//go:build plan9\n\npackage p\n",
		"gather_gen.notes.txt": "not Go\n",
	})
	for _, goos := range []string{"linux", "windows", "darwin"} {
		res, err := Generate(Config{Dir: dir, Env: append(slices.Clone(env), "GOOS="+goos)})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, f := range res.Files {
			got[filepath.Base(f.Path)] = string(f.New)
		}
		want := map[string]string{
			"gather_gen.go":                         "func FAsync(",
			"gather_gen.windows.go":                 "//go:build windows\n\npackage p",
			"gather_gen.special_and_not_windows.go": "//go:build special && !windows\n\npackage p",
			"gather_gen.plan9.go":                   "", // removed
		}
		if len(res.Diagnostics) > 0 || len(got) != len(want) {
			t.Fatalf("GOOS=%s: diagnostics %v, files %v", goos, res.Diagnostics, slices.Sorted(maps.Keys(got)))
		}
		for name, part := range want {
			if content, ok := got[name]; !ok || !strings.Contains(content, part) || (part == "") != (content == "") {
				t.Errorf("GOOS=%s: %s is %q, want it to hold %q", goos, name, content, part)
			}
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "gather_gen.windows.go"), []byte("package p\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Generate(Config{Dir: dir, Env: env})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) != 1 || !strings.Contains(res.Diagnostics[0].String(), "gather_gen.windows.go:1:1: gather_gen.windows.go was not written by gathergen") {
		t.Fatalf("diagnostics %v, want one that gather_gen.windows.go is not gathergen's", res.Diagnostics)
	}
}

// TestBrokenConstrainedOutput checks that earlier output of a constraint
// that the run's configuration includes, with the package clause of before
// a rename, blocks nothing, beside an output that is fine.
func TestBrokenConstrainedOutput(t *testing.T) {
	goos := goruntime.GOOS
	dir, env := tempModule(t, map[string]string{
		"p.go":                       "package renamed\n\n//gathergen:async\nfunc F() int { return 1 }\n",
		"x_" + goos + ".go":          "package renamed\n\n//gathergen:async\nfunc G() int { return 1 }\n",
		DefaultOutput:                model.Header + "\n\npackage renamed\n",
		"gather_gen." + goos + ".go": model.Header + "\n\n//go:build " + goos + "\n\npackage old\n",
	})
	res, err := Generate(Config{Dir: dir, Env: env})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 || len(res.Files) != 2 {
		t.Fatalf("diagnostics %v, files %v", res.Diagnostics, res.Files)
	}
	for _, f := range res.Files {
		if !strings.Contains(string(f.New), "\npackage renamed\n") {
			t.Errorf("%s:\n%s", f.Path, f.New)
		}
	}
}

// TestOtherConfigurationTags checks that a file that needs a tag off,
// which GOFLAGS turns on for the run, is loaded without it.
func TestOtherConfigurationTags(t *testing.T) {
	dir, env := tempModule(t, map[string]string{
		"p.go":      "//go:build integration\n\npackage p\n\n//gathergen:async\nfunc F() int { return 1 }\n",
		"unit.go":   "//go:build !integration\n\npackage p\n\n//gathergen:async\nfunc U() int { return 2 }\n",
		"common.go": "package p\n",
	})
	res, err := Generate(Config{Dir: dir, Env: append(env, "GOFLAGS=-mod=mod -tags=integration")})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range res.Files {
		names = append(names, filepath.Base(f.Path))
	}
	slices.Sort(names)
	if len(res.Diagnostics) > 0 || !slices.Equal(names, []string{"gather_gen.integration.go", "gather_gen.not_integration.go"}) {
		t.Fatalf("diagnostics %v, files %v", res.Diagnostics, names)
	}
}

// TestAllFilesElsewhere checks a package that the run's configuration
// leaves out whole (its only file is x_windows.go): its output is written,
// and the go command's complaint that no file builds is not a problem.
func TestAllFilesElsewhere(t *testing.T) {
	other := "windows"
	if goruntime.GOOS == other {
		other = "linux"
	}
	dir, env := tempModule(t, map[string]string{
		"win/x_" + other + ".go": "package win\n\n//gathergen:async\nfunc W() int { return 1 }\n",
	})
	res, err := Generate(Config{Dir: dir, Env: env, Patterns: []string{"./win"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 || len(res.Files) != 1 || filepath.Base(res.Files[0].Path) != DefaultOutput ||
		!strings.Contains(string(res.Files[0].New), "//go:build "+other+"\n") {
		t.Fatalf("diagnostics %v, files %v", res.Diagnostics, res.Files)
	}
}
