package golangci_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golangci/plugin-module-register/register"

	"github.com/gathergen/gathergen/analysis/golangci"
	"github.com/gathergen/gathergen/analysis/unawaited"
	"github.com/gathergen/gathergen/internal/testmodule"
)

// TestPlugin checks what golangci-lint asks of the plugin: it is registered
// under its name, takes no settings, refuses any, and runs the unawaited
// analyzer under the linter's name with type information.
func TestPlugin(t *testing.T) {
	newPlugin, err := register.GetPlugin(golangci.Name)
	if err != nil {
		t.Fatal(err)
	}
	for _, conf := range []any{nil, map[string]any{}} {
		p, err := newPlugin(conf)
		if err != nil {
			t.Fatalf("New(%v): %v", conf, err)
		}
		analyzers, err := p.BuildAnalyzers()
		if err != nil || len(analyzers) != 1 {
			t.Fatalf("BuildAnalyzers() = %v, %v; want one analyzer", analyzers, err)
		}
		a := analyzers[0]
		if a.Name != "gathervet" || a.Doc != unawaited.Analyzer.Doc || a == unawaited.Analyzer {
			t.Errorf("analyzer %q, want a copy of unawaited's named gathervet", a.Name)
		}
		if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
			t.Errorf("GetLoadMode() = %q, want %q", mode, register.LoadModeTypesInfo)
		}
	}
	if unawaited.Analyzer.Name != "unawaited" {
		t.Errorf("the analyzer of package unawaited is named %q, want it left unawaited", unawaited.Analyzer.Name)
	}
	_, err = golangci.New(map[string]any{"strict": true})
	if err == nil || !strings.Contains(err.Error(), "gathervet takes no settings") || !strings.Contains(err.Error(), `"strict"`) {
		t.Errorf("New with a setting: error %v, want one that says gathervet takes no settings and names the field", err)
	}
}

// golangciVersion is the version of golangci-lint that the end-to-end test
// builds, the one that docs/gathervet.md names.
const golangciVersion = "v2.15.0"

// TestGolangciLintCustom builds golangci-lint, has it build a binary with the
// plugin from this checkout (golangci-lint custom, reading the sample's
// .custom-gcl.yml), and runs that binary on the sample module: it must report
// each dropped future at its line, and refuse a setting.
//
// golangci-lint custom clones golangci-lint's repository from GitHub. So
// that the test needs nothing but the module proxy, git's url.insteadOf
// sends that clone to a repository made from the module of the same
// version, which the go command downloads.
//
// The test is skipped when golangci-lint cannot be built (no network and an
// empty module cache, or no git); with CI set in the environment, as .ci/run
// sets it, it fails instead.
func TestGolangciLintCustom(t *testing.T) {
	root := testmodule.Root(t)
	work := t.TempDir()
	env := append(os.Environ(),
		"GOWORK=off",
		// The same flags for both builds of golangci-lint, and no path in
		// them, so that the second one reuses the first one's packages.
		"GOFLAGS=-trimpath",
		// golangci-lint custom works in a temporary folder of its own.
		"TMPDIR="+work,
	)

	start := time.Now()
	mirror := golangciMirror(t, work, env)
	golangciLint := filepath.Join(work, "bin", "golangci-lint")
	if out, err := command(t, mirror, env, "go", "build", "-o", golangciLint, "./cmd/golangci-lint").CombinedOutput(); err != nil {
		cannotBuild(t, "go build ./cmd/golangci-lint: %v\n%s", err, out)
	}
	t.Logf("golangci-lint %s downloaded and built in %s", golangciVersion, time.Since(start).Round(time.Second))

	sample := testmodule.Write(t, filepath.Join("testdata", "sample.txtar"), root)
	env = append(env,
		"GIT_CONFIG_COUNT=1",
		"GIT_CONFIG_KEY_0=url.file://"+filepath.ToSlash(mirror)+".insteadOf",
		"GIT_CONFIG_VALUE_0=https://github.com/golangci/golangci-lint.git",
	)
	start = time.Now()
	if out, err := command(t, sample, env, golangciLint, "custom", "-v").CombinedOutput(); err != nil {
		t.Fatalf("golangci-lint custom: %v\n%s", err, out)
	}
	t.Logf("golangci-lint custom built ./custom-gcl in %s", time.Since(start).Round(time.Second))

	customGCL := filepath.Join(sample, "custom-gcl")
	env = append(env, "GOFLAGS=-mod=mod")
	res := run(t, sample, env, customGCL, "run", "./...")
	want := []string{
		"drops/drops.go:14:2: future returned by runtime.Go is never awaited (gathervet)",
		"drops/drops.go:19:7: future returned by runtime.Go is overwritten at line 20 before it is awaited (gathervet)",
		"drops/drops.go:28:8: future returned by runtime.Go is never awaited: the slice it is appended to is never read (gathervet)",
	}
	if got := reports(res.out); res.code != 1 || !slices.Equal(got, want) {
		t.Errorf("custom-gcl run ./...: exit status %d, reports:\n\t%s\nwant exit status 1, reports:\n\t%s\noutput:\n%s",
			res.code, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"), res.out)
	}
	res = run(t, sample, env, customGCL, "run", "./keeps")
	if res.code != 0 || len(reports(res.out)) != 0 {
		t.Errorf("custom-gcl run ./keeps: exit status %d, want 0 and no report; output:\n%s", res.code, res.out)
	}
	res = run(t, sample, env, customGCL, "run", "-c", "settings.yml", "./...")
	if res.code == 0 || !strings.Contains(res.out, "gathervet takes no settings") {
		t.Errorf("custom-gcl run -c settings.yml: exit status %d, want an error that says gathervet takes no settings; output:\n%s",
			res.code, res.out)
	}
}

// golangciMirror makes, in work, a git repository of golangci-lint's module
// at golangciVersion, tagged with that version, and returns its folder.
func golangciMirror(t *testing.T, work string, env []string) string {
	t.Helper()
	out, err := command(t, work, env, "go", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciVersion).Output()
	if err != nil {
		cannotBuild(t, "go mod download golangci-lint: %v\n%s", err, out)
	}
	var module struct{ Dir string }
	if err := json.Unmarshal(out, &module); err != nil || module.Dir == "" {
		t.Fatalf("go mod download -json: %v\n%s", err, out)
	}
	mirror := filepath.Join(work, "golangci-lint")
	if err := os.CopyFS(mirror, os.DirFS(module.Dir)); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "-A"},
		{"-c", "user.name=gathergen", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false",
			"commit", "-q", "-m", "golangci-lint " + golangciVersion},
		{"tag", golangciVersion},
	} {
		if out, err := command(t, mirror, env, "git", args...).CombinedOutput(); err != nil {
			cannotBuild(t, "git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return mirror
}

// cannotBuild skips the test, or fails it when CI is set.
func cannotBuild(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("golangci-lint cannot be built: "+format, args...)
	}
	t.Skipf("golangci-lint cannot be built: "+format, args...)
}

// command returns a command that runs in dir with env.
func command(t *testing.T, dir string, env []string, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(t.Context(), name, args...)
	cmd.Dir = dir
	cmd.Env = env
	return cmd
}

// result is what a command did: its exit status and its output, standard
// output and standard error together.
type result struct {
	code int
	out  string
}

// run runs a command and returns what it did. It fails the test only when
// the command cannot be started.
func run(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	out, err := command(t, dir, env, name, args...).CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return result{exit.ExitCode(), string(out)}
	case err != nil:
		t.Fatalf("%s: %v", name, err)
	}
	return result{0, string(out)}
}

// report matches a line of golangci-lint's report: file:line:col: message.
var report = regexp.MustCompile(`^\S+\.go:\d+:\d+: `)

// reports returns the lines of out that report a problem, in their order.
func reports(out string) []string {
	var lines []string
	for line := range strings.Lines(out) {
		if line = strings.TrimSpace(line); report.MatchString(line) {
			lines = append(lines, line)
		}
	}
	return lines
}
