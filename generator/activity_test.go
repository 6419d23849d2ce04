package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gathergen/gathergen/generator/internal/model"
)

// activitySource is a package with one activity.
const activitySource = "package p\n\nimport \"context\"\n\n//gathergen:activity\nfunc Fetch(ctx context.Context, id int) (string, error) { return \"\", nil }\n"

// staleActivityOutput is earlier activity output that imports the SDK,
// which the temporary module does not require, for a function since
// removed.
const staleActivityOutput = model.Header + `

package p

import (
	gtemporal "github.com/gathergen/gathergen/temporal"
	workflow "go.temporal.io/sdk/workflow"
)

func GoneActivity(ctx workflow.Context) *gtemporal.Future[int] {
	return gtemporal.Execute[int](ctx, "Gone")
}
`

// TestActivityFiles checks which files a package's directives ask for: a
// package with activities only gets an activity file and loses its earlier
// gather file; one without activities any more, or without any directive,
// loses its earlier activity file, although that file imports packages
// that the module cannot provide; a file of the activity output's name that gathergen did not
// write is a problem that names the flag.
func TestActivityFiles(t *testing.T) {
	dir, env := tempModule(t, map[string]string{
		"acts/a.go": activitySource, "acts/" + DefaultOutput: staleOutput,
		"gone/a.go": "package p\n\n//gathergen:async\nfunc F() int { return 1 }\n", "gone/" + DefaultActivityOutput: staleActivityOutput,
		"none/a.go": "package p\n", "none/" + DefaultActivityOutput: staleActivityOutput,
	})
	res, err := Generate(Config{Dir: dir, Env: env, Patterns: []string{"./..."}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 {
		t.Fatal(res.Diagnostics)
	}
	files := map[string]File{}
	for _, f := range res.Files {
		rel, _ := filepath.Rel(dir, f.Path)
		files[filepath.ToSlash(rel)] = f
	}
	if len(files) != 5 {
		t.Errorf("files %v, want 5", files)
	}
	for name, want := range map[string]string{
		"acts/" + DefaultActivityOutput: "func FetchActivity(ctx workflow.Context, id int) *gtemporal.Future[string]",
		"acts/" + DefaultOutput:         "", // removed
		"gone/" + DefaultOutput:         "func FAsync(",
		"gone/" + DefaultActivityOutput: "", // removed
		"none/" + DefaultActivityOutput: "", // removed: no directive left
	} {
		f, ok := files[name]
		switch {
		case !ok:
			t.Errorf("no file %s", name)
		case want == "" && (f.New != nil || f.Old == nil):
			t.Errorf("%s: new %q, old %q; want its removal", name, f.New, f.Old)
		case want != "" && !strings.Contains(string(f.New), want):
			t.Errorf("%s:\n%s\nwant %s", name, f.New, want)
		}
	}

	foreign := filepath.Join(dir, "acts", DefaultActivityOutput)
	if err := os.WriteFile(foreign, []byte("package p\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = Generate(Config{Dir: dir, Env: env, Patterns: []string{"./acts"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) != 1 || !strings.Contains(res.Diagnostics[0].String(), DefaultActivityOutput+" was not written by gathergen: rename it, or name the output otherwise with -activity-output") {
		t.Errorf("diagnostics %v", res.Diagnostics)
	}
}

// TestActivityOutputName checks the activity output's name: another name
// is used, and a bad one, or the output's own, is refused before loading.
func TestActivityOutputName(t *testing.T) {
	dir, env := tempModule(t, map[string]string{"a.go": activitySource})
	res, err := Generate(Config{Dir: dir, Env: env, ActivityOutput: "workers_gen.go"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 || res.Files[0].Path != filepath.Join(dir, "workers_gen.go") {
		t.Errorf("files %v, want workers_gen.go", res.Files)
	}
	for _, tt := range []struct {
		output, activityOutput, want string
	}{
		{"", "x_test.go", "activity output x_test.go: a _test.go file"},
		{"", DefaultOutput, "output and activity output are both gather_gen.go"},
		{"a_gen.go", "a_gen.go", "output and activity output are both a_gen.go"},
		{DefaultActivityOutput, "b.go", ""},
	} {
		cfg, want := Config{Dir: dir, Env: env, Output: tt.output, ActivityOutput: tt.activityOutput}, tt.want
		_, err := Generate(cfg)
		if (err == nil) != (want == "") || err != nil && !strings.Contains(err.Error(), want) {
			t.Errorf("Generate(output %q, activity output %q): %v, want %q", cfg.Output, cfg.ActivityOutput, err, want)
		}
	}
}

// TestActivityConstraints checks that activities keep the constraint of
// their files, read in a configuration that includes them when the run's
// does not, and that activities of files with different constraints are a
// problem, since RegisterActivities registers them all.
func TestActivityConstraints(t *testing.T) {
	const tagged = "//go:build gathergen_integration\n\n"
	dir, env := tempModule(t, map[string]string{
		"same/a.go":  tagged + activitySource,
		"same/b.go":  tagged + "package p\n\n//gathergen:activity\nfunc Other() error { return nil }\n",
		"mixed/a.go": activitySource,
		"mixed/b.go": tagged + "package p\n\n//gathergen:activity\nfunc Other() error { return nil }\n",
	})
	res, err := Generate(Config{Dir: dir, Env: env, Patterns: []string{"./same"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 || len(res.Files) != 1 {
		t.Fatalf("diagnostics %v, files %v", res.Diagnostics, res.Files)
	}
	got := string(res.Files[0].New)
	for _, want := range []string{"//go:build gathergen_integration\n", "func FetchActivity(", "func OtherActivity(", "func RegisterActivities(r worker.ActivityRegistry) {"} {
		if !strings.Contains(got, want) {
			t.Errorf("%s:\n%s\nwant %q", res.Files[0].Path, got, want)
		}
	}
	res, err = Generate(Config{Dir: dir, Env: env, Patterns: []string{"./mixed"}})
	if err != nil {
		t.Fatal(err)
	}
	const want = "b.go:5:1: activities and workflows come from files with different build constraints (//go:build gathergen_integration here, none at a.go:5:1)"
	if len(res.Diagnostics) != 1 || !strings.Contains(res.Diagnostics[0].String(), want) || len(res.Files) != 0 {
		t.Errorf("diagnostics %v, files %d; want one that says %q", res.Diagnostics, len(res.Files), want)
	}
}
