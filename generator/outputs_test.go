package generator

import (
	"fmt"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputOfDeletedImport checks that earlier output, known by its header
// alone, that imports a package since deleted and not the runtime (output
// of another verb, say) never blocks regeneration.
func TestOutputOfDeletedImport(t *testing.T) {
	old := header + "\n\npackage p\n\nimport \"example.com/m/gone\"\n\nvar _ = gone.X\n"
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
	src, err := RuntimeHelpers()
	if err != nil {
		t.Fatal(err)
	}
	if isOwnOutput(src) {
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
