package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// golden is the golden case that the temporary module holds as its package
// shop: its input, and its test of the generated code.
var golden = filepath.Join("..", "..", "testdata", "basic")

// generate is the file of package shop that holds its go:generate line, so
// that shop.go stays the golden input as it is.
const generate = "package basic\n\n//go:generate go tool gathergen\n"

// program gathers the generated wrappers from another package and checks
// the values.
const program = `package main

import (
	"context"
	"fmt"
	"os"

	shop "example.com/shop/shop"
	"github.com/gathergen/gathergen/runtime"
)

func main() {
	ctx := context.Background()
	user, orders, err := (&shop.Client{}).LoadPage(ctx, 7)
	n, perr := shop.ParseIntAsync(ctx, "42").Await(ctx)
	u, o, gerr := runtime.Gather2(ctx, shop.FetchUserAsync(ctx, 1), (&shop.Client{}).FetchOrdersAsync(ctx, 2))
	if err != nil || perr != nil || gerr != nil || user.ID != 7 || len(orders) != 1 || orders[0].Item != "7" ||
		n != 42 || u.ID != 1 || o[0].Item != "2" {
		fmt.Println("wrong:", user, orders, err, n, perr, u, o, gerr)
		os.Exit(1)
	}
	fmt.Println("gathered", user.ID, orders[0].Item, n)
}
`

// newModule writes a temporary module that uses this checkout through
// replace and declares gathergen as a tool; its package shop is the golden
// case, and its main package uses shop.
func newModule(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/shop\n\ngo 1.26\n\n" +
			"require github.com/gathergen/gathergen v0.0.0-00010101000000-000000000000\n\n" +
			"require (\n" + toolRequirements(t, root) + ")\n\n" +
			"replace github.com/gathergen/gathergen => " + root + "\n\n" +
			"tool github.com/gathergen/gathergen/cmd/gathergen\n",
		"go.sum":           checksums(t, root),
		"shop/shop.go":     readFile(t, filepath.Join(golden, "shop.go")),
		"shop/run_test.go": readFile(t, filepath.Join(golden, "run_test.go")),
		"shop/generate.go": generate,
		"main.go":          program,
	})
	return dir
}

// toolRequirements lists, as require lines, the modules that building
// gathergen takes (the checkout's own build list decides the versions), so
// that go tool gathergen builds in a module that requires gathergen alone.
func toolRequirements(t *testing.T, root string) string {
	t.Helper()
	out := goRoot(t, root, "list", "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}}{{end}}{{end}}", "./cmd/gathergen")
	lines := slices.Compact(slices.Sorted(slices.Values(strings.Split(strings.TrimSpace(out), "\n"))))
	var b strings.Builder
	for _, l := range lines {
		if l != "" {
			b.WriteString("\t" + l + " // indirect\n")
		}
	}
	return b.String()
}

// checksums returns the checkout's go.sum, which holds the sum of every
// module in the root module's own build list.
func checksums(t *testing.T, root string) string {
	t.Helper()
	return readFile(t, filepath.Join(root, "go.sum"))
}

// goRoot runs the go command in the checkout, with the test's environment
// but outside the repository's workspace: the temporary module replaces
// gathergen with the root module alone, so the root module's own build list
// decides its versions, not the workspace's (where bench/, otel/ and
// temporal/ raise some of them).
func goRoot(t *testing.T, root string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v", strings.Join(args, " "), err)
	}
	return string(out)
}

// TestEndToEnd is the user's workflow: go generate with go tool gathergen,
// which writes the golden output, then go vet, go test (the golden case's
// own test) and a program that gathers the wrappers; the wrappers of
// (*http.Client).Do and of an interface method, gathered against an httptest
// server by a group helper; then -check on a fresh
// and on a stale file, regeneration over a stale file that no longer
// compiles, a failed run that writes nothing, -tags, -output and the removal
// of output that has no directive left.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module")
	}
	dir := newModule(t)
	out := filepath.Join(dir, "shop", "gather_gen.go")
	t.Run("generate", func(t *testing.T) {
		goIn(t, dir, "generate", "./...")
		if got, want := readFile(t, out), readFile(t, filepath.Join(golden, "gather_gen.go")); got != want {
			t.Fatalf("go generate wrote:\n%s\nwant the golden output:\n%s", got, want)
		}
		goIn(t, dir, "vet", "./...")
		goIn(t, dir, "test", "./...")
		if got := goIn(t, dir, "run", "."); !strings.Contains(got, "gathered 7 7 42") {
			t.Fatalf("program printed %q", got)
		}
	})
	t.Run("methods", func(t *testing.T) { testMethods(t, dir) })
	t.Run("check", func(t *testing.T) { testCheck(t, dir, out) })
	t.Run("stale", func(t *testing.T) { testStale(t, dir, out) })
	t.Run("failed", func(t *testing.T) { testFailed(t, dir, out) })
	t.Run("tags", func(t *testing.T) { testTags(t, dir) })
	t.Run("output", func(t *testing.T) { testOutput(t, dir) })
	t.Run("remove", func(t *testing.T) { testRemove(t, dir, out) })
}

// testTags: files that the run's configuration leaves out are read too,
// and the output keeps their constraint, with -tags or without.
func testTags(t *testing.T, dir string) {
	writeFiles(t, dir, map[string]string{
		"tagged/tagged.go": "//go:build special\n\npackage tagged\n\n//gathergen:async\nfunc Special() int { return 1 }\n",
		"tagged/plain.go":  "package tagged\n",
	})
	out := filepath.Join(dir, "tagged", "gather_gen.go")
	expect(t, gathergen(t, dir, "./tagged"), 0)
	if got := readFile(t, out); !strings.Contains(got, "\n//go:build special\n\npackage tagged\n") {
		t.Fatalf("output does not keep the constraint:\n%s", got)
	}
	expect(t, gathergen(t, dir, "-v", "-tags", "other,special", "./tagged"), 0, "unchanged tagged/gather_gen.go")
	goIn(t, dir, "vet", "-tags", "special", "./tagged")
	goIn(t, dir, "vet", "./tagged")
	os.RemoveAll(filepath.Join(dir, "tagged"))
}

// testOutput: -output names the file that gathergen writes, and a run under
// another name refuses that earlier output.
func testOutput(t *testing.T, dir string) {
	writeFiles(t, dir, map[string]string{"named/named.go": "package named\n\n//gathergen:async\nfunc Named() int { return 1 }\n"})
	expect(t, gathergen(t, dir, "-v", "-output", "async_gen.go", "./named"), 0, "wrote named/async_gen.go")
	if readFile(t, filepath.Join(dir, "named", "async_gen.go")) == "" || readFile(t, filepath.Join(dir, "named", "gather_gen.go")) != "" {
		t.Fatal("-output async_gen.go did not write async_gen.go alone")
	}
	expect(t, gathergen(t, dir, "./named"), 1, "named/async_gen.go:1:1: async_gen.go holds gathergen's output under another name")
	os.RemoveAll(filepath.Join(dir, "named"))
}

// testCheck: -check passes on a fresh file, and on a stale one prints a
// diff, exits 1 and writes nothing.
func testCheck(t *testing.T, dir, out string) {
	expect(t, gathergen(t, dir, "-check", "-v", "./..."), 0, "up to date")
	src := filepath.Join(dir, "shop", "shop.go")
	writeFiles(t, dir, map[string]string{"shop/shop.go": readFile(t, src) + "\n//gathergen:async strconv.Itoa\n"})
	before := readFile(t, out)
	r := gathergen(t, dir, "-check", "./...")
	expect(t, r, 1, "is stale")
	if !strings.Contains(r.stdout, "+func ItoaAsync(ctx context.Context, i int) *runtime.Future[string] {") || !strings.Contains(r.stdout, "@@ -") {
		t.Errorf("-check printed no diff that adds ItoaAsync:\n%s", r.stdout)
	}
	if readFile(t, out) != before {
		t.Error("-check wrote the file")
	}
	expect(t, gathergen(t, dir, "-v", "./..."), 0, "wrote shop/gather_gen.go")
	expect(t, gathergen(t, dir, "-v", "./..."), 0, "unchanged shop/gather_gen.go")
}

// testStale: a generated file that calls a function since renamed does not
// block its regeneration.
func testStale(t *testing.T, dir, out string) {
	src := filepath.Join(dir, "shop", "shop.go")
	writeFiles(t, dir, map[string]string{"shop/shop.go": strings.ReplaceAll(readFile(t, src), "FetchUser", "GetUser")})
	expect(t, gathergen(t, dir, "./..."), 0)
	if got := readFile(t, out); !strings.Contains(got, "func GetUserAsync(") || strings.Contains(got, "FetchUserAsync") {
		t.Fatalf("regenerated file:\n%s", got)
	}
	goIn(t, filepath.Join(dir, "shop"), "build", ".")
}

// testFailed: problems in one package stop every write, and are printed
// as file:line:col: message relative to the current folder.
func testFailed(t *testing.T, dir, out string) {
	writeFiles(t, dir, map[string]string{
		"other/other.go": "package other\n\n//gathergen:async\nfunc Other() {}\n",
		"bad/bad.go":     "package bad\n\n//gathergen:async as\nfunc Bad() {}\n\n//gathergen:nope\n",
	})
	before := readFile(t, out)
	os.Remove(out)
	r := gathergen(t, dir, "./...")
	expect(t, r, 1, "bad/bad.go:3:19: malformed //gathergen:async", "bad/bad.go:6:1: unknown directive //gathergen:nope")
	for _, path := range []string{out, filepath.Join(dir, "other", "gather_gen.go")} {
		if readFile(t, path) != "" {
			t.Errorf("a failed run wrote %s", path)
		}
	}
	os.RemoveAll(filepath.Join(dir, "bad"))
	os.RemoveAll(filepath.Join(dir, "other"))
	writeFiles(t, dir, map[string]string{"shop/gather_gen.go": before})
}

// testRemove: earlier output of a package without directives is removed.
func testRemove(t *testing.T, dir, out string) {
	src := filepath.Join(dir, "shop", "shop.go")
	writeFiles(t, dir, map[string]string{"shop/shop.go": strings.ReplaceAll(readFile(t, src), "//gathergen:", "// gathergen ")})
	os.Remove(filepath.Join(dir, "shop", "run_test.go"))
	os.Remove(filepath.Join(dir, "main.go"))
	expect(t, gathergen(t, dir, "-check", "./..."), 1, "shop/gather_gen.go is no longer generated")
	expect(t, gathergen(t, dir, "-v", "./..."), 0, "removed shop/gather_gen.go")
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("gather_gen.go was not removed: %v", err)
	}
}
