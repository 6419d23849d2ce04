package gtemporal_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// generatedFiles are the files that gathergen writes by default, which a
// golden case holds as its expected output.
var generatedFiles = []string{"gather_gen.go", "activity_gen.go"}

// TestGeneratedActivities runs gathergen, built from this checkout, over the
// golden cases of ../testdata that have activities, in a module that
// requires this one (and so the SDK): the output must be the golden one, and
// it must vet and pass the case's own tests, which run its workflows in the
// SDK's test environment. The root module's golden test cannot build these
// cases: it never requires the SDK.
func TestGeneratedActivities(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	env := moduleEnv()
	tmp := t.TempDir()
	gathergen := filepath.Join(tmp, "gathergen")
	run(t, root, env, "go", "build", "-mod=readonly", "-o", gathergen, "./cmd/gathergen")

	mod := filepath.Join(tmp, "m")
	cases := activityCases(t, filepath.Join(root, "testdata"))
	if len(cases) == 0 {
		t.Fatal("no golden case has an activity_gen.go")
	}
	for _, c := range cases {
		copySources(t, filepath.Join(root, "testdata", c), filepath.Join(mod, c))
	}
	writeModule(t, mod, root, here)
	run(t, mod, env, gathergen, "./...")
	for _, c := range cases {
		for _, name := range generatedFiles {
			want, _ := os.ReadFile(filepath.Join(root, "testdata", c, name))
			got, _ := os.ReadFile(filepath.Join(mod, c, name))
			if !bytes.Equal(got, want) {
				t.Errorf("%s/%s: gathergen wrote\n%s\nwant the golden file\n%s", c, name, got, want)
			}
		}
	}
	run(t, mod, env, "go", "vet", "./...")
	run(t, mod, env, "go", "test", "-count=1", "./...")
}

// moduleEnv returns the environment of the go commands of the test: the
// temporary module is a module of its own, which may add what it needs to
// its go.mod and go.sum.
func moduleEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOWORK=") && !strings.HasPrefix(kv, "GOFLAGS=") {
			env = append(env, kv)
		}
	}
	return append(env, "GOWORK=off", "GOFLAGS=-mod=mod")
}

// run runs a command in dir and fails the test with its output when it
// fails.
func run(t *testing.T, dir string, env []string, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s in %s: %v\n%s", name, strings.Join(args, " "), dir, err, out)
	}
}

// activityCases lists the folders of testdata that hold an activity_gen.go.
func activityCases(t *testing.T, testdata string) []string {
	entries, err := os.ReadDir(testdata)
	if err != nil {
		t.Fatal(err)
	}
	var cases []string
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(testdata, e.Name(), "activity_gen.go")); err == nil {
			cases = append(cases, e.Name())
		}
	}
	return cases
}

// copySources copies the Go files of a case, but for its expected output,
// into dst.
func copySources(t *testing.T, src, dst string) {
	names, err := filepath.Glob(filepath.Join(src, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		base := filepath.Base(name)
		if base == generatedFiles[0] || base == generatedFiles[1] {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, base), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// writeModule writes the go.mod and go.sum of the temporary module: it
// requires the root module and this one from this checkout, and starts from
// their checksums.
func writeModule(t *testing.T, mod, root, here string) {
	goMod := "module example.com/golden\n\ngo 1.26.0\n\nrequire (\n" +
		"\tgithub.com/gathergen/gathergen v0.0.0\n\tgithub.com/gathergen/gathergen/temporal v0.0.0\n)\n\n" +
		"replace github.com/gathergen/gathergen => " + root + "\n\n" +
		"replace github.com/gathergen/gathergen/temporal => " + here + "\n"
	var sums []byte
	for _, dir := range []string{root, here} {
		data, err := os.ReadFile(filepath.Join(dir, "go.sum"))
		if err != nil {
			t.Fatal(err)
		}
		sums = append(sums, data...)
	}
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(goMod), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "go.sum"), sums, 0o644); err != nil {
		t.Fatal(err)
	}
}
