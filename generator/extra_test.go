package generator

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gathergen/gathergen/generator/internal/load"
	"github.com/gathergen/gathergen/generator/internal/resolve"
)

// TestMissingPackages checks which packages the directives of a package
// make gathergen load besides it: none when they name imported packages
// and this package's types only (the load stays one packages.Load), the
// standard library's one package of a bare name, and a path as it is.
func TestMissingPackages(t *testing.T) {
	const imports = "package p\n\nimport (\n\t\"context\"\n\t\"strconv\"\n\t\"strings\"\n\tstd \"net/http\"\n)\n\n" +
		"var _ = strconv.Itoa\nvar _ strings.Builder\nvar _ std.Client\n\n" +
		"// Store is an interface.\ntype Store interface{ Get(context.Context) error }\n\n"
	tests := []struct {
		directives string
		want       []string
	}{
		{"//gathergen:async strconv.Atoi\n\n//gathergen:async (*strings.Builder).Len\n\n//gathergen:async Store.Get\n\n" +
			"//gathergen:async (*std.Client).Do\n\n//gathergen:async (*net/http.Client).Get\n\n//gathergen:gather G strconv.Atoi Store.Get\n", nil},
		{"//gathergen:async errors.Join\n", []string{"errors"}},
		{"//gathergen:async net/url.Parse\n", []string{"net/url"}},
		{"//gathergen:async (*bufio.Reader).Read\n", []string{"bufio"}},
		{"//gathergen:async time.Time.Format\n", []string{"time"}},
		{"//gathergen:async math/rand/v2.N\n", []string{"math/rand/v2"}},
		{"//gathergen:gather G errors.Join io.Reader.Read\n", []string{"errors", "io"}},
		{"//gathergen:async rand.Int\n", nil},     // ambiguous: reported, not loaded
		{"//gathergen:async nosuchpkg.F\n", nil},  // no such package
		{"//gathergen:async net/nosuch.F\n", nil}, // not in GOROOT
		{"//gathergen:async Missing.M\n", nil},    // no local type, no package
		{"//gathergen:async (*Missing).M\n", nil}, // a type of this package
		{"//gathergen:async example.com/x/y.F\n", []string{"example.com/x/y"}},
	}
	files := map[string]string{}
	for i, tt := range tests {
		files[fmt.Sprintf("c%d/p.go", i)] = imports + tt.directives
	}
	dir, env := tempModule(t, files)
	cfg := load.Config{Dir: dir, Env: env, Patterns: []string{"./..."}}
	l := &load.Loader{Output: cfg.OutputName(), Build: cfg.BuildContext()}
	pkgs, err := l.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != len(tests) {
		t.Fatalf("%d packages for %d cases", len(pkgs), len(tests))
	}
	for _, a := range scanAll(pkgs, l) {
		var i int
		fmt.Sscanf(a.Pkg.PkgPath, "example.com/m/c%d", &i)
		if got, tt := resolve.MissingPackages(a), tests[i]; !slices.Equal(got, tt.want) {
			t.Errorf("%s: loads %q, want %q", tt.directives, got, tt.want)
		}
	}
}

// TestUnknownPackageFailsAlone checks that a directive naming a package
// that no module provides fails for its own package only: the go
// command, in its default -mod=readonly, refuses the whole list of the
// extra load for that one path, and the other package's directive, which
// names the standard library's errors, must still resolve.
func TestUnknownPackageFailsAlone(t *testing.T) {
	dir, env := tempModule(t, map[string]string{
		"a/a.go": "package a\n\n//gathergen:async example.com/nope/x.F\n",
		"b/b.go": "package b\n\n//gathergen:async errors.Join\n",
	})
	res, err := Generate(Config{Dir: dir, Env: append(env, "GOFLAGS="), Patterns: []string{"./..."}})
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "a", "a.go") + ":3:19: unknown package example.com/nope/x"
	if len(res.Diagnostics) != 1 || !strings.HasPrefix(res.Diagnostics[0].String(), want) {
		t.Errorf("diagnostics %v, want one that starts with %s", res.Diagnostics, want)
	}
	if len(res.Files) != 1 || res.Files[0].Path != filepath.Join(dir, "b", DefaultOutput) ||
		!strings.Contains(string(res.Files[0].New), "func JoinAsync(ctx context.Context, errs ...error)") {
		t.Errorf("files %v, want b's output with JoinAsync", res.Files)
	}
}
