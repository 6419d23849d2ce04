package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestVersionGuard checks the constant that every generated file declares
// against its runtime: the file builds with the runtime of this checkout
// (the fit), and fails to build, with a message that says what to do,
// against a copy of the runtime whose GeneratedVersion is one older (the
// misfit).
func TestVersionGuard(t *testing.T) {
	for _, tt := range []struct {
		name    string
		version string // the runtime copy's GeneratedVersion; "" keeps it
		want    string // in go build's output; "" for success
	}{
		{"fit", "", ""},
		// the compiler spells the package by its path, quoted:
		// "constant -1 overflows "github.com/.../runtime".UpgradeRuntimeOrRegenerate"
		{"older runtime", "0", `constant -1 overflows "github.com/gathergen/gathergen/runtime".UpgradeRuntimeOrRegenerate`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			old := runtimeCopy(t, tt.version)
			dir := t.TempDir()
			files := map[string]string{
				"go.mod": "module example.com/m\n\ngo 1.26\n\nrequire github.com/gathergen/gathergen v0.0.0\n\n" +
					"replace github.com/gathergen/gathergen => " + old + "\n",
				"p.go": "package p\n\nimport \"context\"\n\n//gathergen:async\nfunc F(ctx context.Context) (int, error) { return 1, nil }\n",
			}
			for name, content := range files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			env := append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
			res, err := Generate(Config{Dir: dir, Env: env})
			if err != nil || len(res.Diagnostics) > 0 {
				t.Fatalf("Generate: %v %v", err, res.Diagnostics)
			}
			if _, err := res.Write(); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("go", "build", "./...")
			cmd.Dir, cmd.Env = dir, env
			out, err := cmd.CombinedOutput()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("go build: %v\n%s", err, out)
			case tt.want != "" && (err == nil || !strings.Contains(string(out), tt.want)):
				t.Fatalf("go build: %v, want a failure that says %q:\n%s", err, tt.want, out)
			}
		})
	}
}

// runtimeCopy writes a module github.com/gathergen/gathergen that holds
// a copy of this checkout's runtime package, with its GeneratedVersion set
// to version unless version is "", and returns its folder.
func runtimeCopy(t *testing.T, version string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "runtime"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module github.com/gathergen/gathergen\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	names, err := filepath.Glob(filepath.Join("..", "runtime", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if version != "" && filepath.Base(name) == "version.go" {
			const current = "const GeneratedVersion = "
			i := strings.Index(string(src), current)
			if i < 0 {
				t.Fatalf("%s declares no %q", name, current)
			}
			line, _, _ := strings.Cut(string(src[i:]), "\n")
			src = []byte(strings.Replace(string(src), line, current+version, 1))
		}
		if err := os.WriteFile(filepath.Join(dir, "runtime", filepath.Base(name)), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
