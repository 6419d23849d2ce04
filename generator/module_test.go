package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tempModule writes a module that requires this checkout through replace,
// with files (name: content) in its root package, and returns its folder
// and the environment to load it with.
func tempModule(t *testing.T, files map[string]string) (dir string, env []string) {
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
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
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
const staleOutput = header + `

package old

import (
	"context"
	runtime "github.com/gathergen/gathergen/runtime"
)

func GoneAsync(ctx context.Context) *runtime.Future[int] {
	return runtime.GoNamed(ctx, "Gone", func(context.Context) (int, error) { return Gone(), nil })
}
`

// TestRenamedPackage checks that earlier output whose package clause names
// the package as it was before a rename does not block regeneration,
// whether its file sorts before or after the package's own files.
func TestRenamedPackage(t *testing.T) {
	for _, name := range []string{"a.go", "main.go"} {
		dir, env := tempModule(t, map[string]string{
			name:          "package renamed\n\n//gathergen:async\nfunc F() int { return 1 }\n",
			DefaultOutput: staleOutput,
		})
		res, err := Generate(Config{Dir: dir, Env: env})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Diagnostics) > 0 || len(res.Files) != 1 {
			t.Fatalf("%s: diagnostics %v, files %d", name, res.Diagnostics, len(res.Files))
		}
		if got := string(res.Files[0].New); !strings.Contains(got, "\npackage renamed\n") || !strings.Contains(got, "func FAsync(") {
			t.Errorf("%s: generated\n%s", name, got)
		}
	}
}
