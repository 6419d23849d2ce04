package gtemporal_test

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestVersionGuard checks the constant that every generated activity file
// declares against gtemporal: a golden activity file builds against a copy
// of this module (the fit), and fails to build, with a message that says
// what to do, against the same copy with a GeneratedVersion older than the
// file needs (the misfit): a file without a Map needs version 1, and a
// file with a Map (testdata/mapped) needs version 2.
func TestVersionGuard(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name    string
		golden  string // the golden case built
		version string // the copy's GeneratedVersion; "" keeps it
		want    string // in go build's output; "" for success
	}{
		{"fit", "activitymix", "", ""},
		{"older gtemporal", "activitymix", "0", "UpgradeTemporalOrRegenerate"},
		{"fit with a Map", "mapped", "", ""},
		{"gtemporal without Mapper", "mapped", "1", "UpgradeTemporalOrRegenerate"},
		{"no Map against gtemporal 1", "activitymix", "1", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			old := temporalCopy(t, root, tt.version)
			mod := t.TempDir()
			copySources(t, filepath.Join(root, "testdata", tt.golden), filepath.Join(mod, "mix"))
			for _, name := range generatedFiles {
				data, err := os.ReadFile(filepath.Join(root, "testdata", tt.golden, name))
				if errors.Is(err, fs.ErrNotExist) {
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(mod, "mix", name), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			writeModule(t, mod, root, old)
			cmd := exec.Command("go", "build", "./...")
			cmd.Dir, cmd.Env = mod, moduleEnv()
			out, err := cmd.CombinedOutput()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("go build: %v\n%s", err, out)
			case tt.want != "" && (err == nil || !strings.Contains(string(out), "constant -1 overflows") ||
				!strings.Contains(string(out), tt.want)):
				t.Fatalf("go build: %v, want a failure that says constant -1 overflows %s:\n%s", err, tt.want, out)
			}
		})
	}
}

// temporalCopy writes a copy of this module (its go.mod, go.sum and the
// package's own files), with its GeneratedVersion set to version unless
// version is "", and returns its folder. Its replace of the root module
// points at root.
func temporalCopy(t *testing.T, root, version string) string {
	t.Helper()
	dir := t.TempDir()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	names = append(names, "go.mod", "go.sum")
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		src := string(data)
		switch name {
		case "go.mod":
			src = strings.ReplaceAll(src, "=> ..\n", "=> "+root+"\n")
		case "version.go":
			if version != "" {
				const current = "const GeneratedVersion = "
				line, _, _ := strings.Cut(src[strings.Index(src, current):], "\n")
				src = strings.Replace(src, line, current+version, 1)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
