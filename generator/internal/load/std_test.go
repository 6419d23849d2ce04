package load

import (
	"go/build"
	"slices"
	"testing"
)

// TestIsStdPackage checks that only the folders of GOROOT's src are taken
// for the standard library, and nothing when GOROOT is not known.
func TestIsStdPackage(t *testing.T) {
	l := &Loader{Build: build.Default}
	if l.Build.GOROOT == "" {
		t.Skip("no GOROOT")
	}
	for path, want := range map[string]bool{"strings": true, "math/rand/v2": true, "mymod/sub": false, "example.com/x": false, "C": false} {
		if got := l.IsStdPackage(path); got != want {
			t.Errorf("isStdPackage(%q) = %v, want %v", path, got, want)
		}
	}
	l.Build.GOROOT = ""
	if l.IsStdPackage("strings") {
		t.Error(`isStdPackage("strings") without a GOROOT = true, want false`)
	}
}

// TestStdPackages checks the standard library's packages by name that a
// bare package name of a directive may mean.
func TestStdPackages(t *testing.T) {
	std := stdPackages(build.Default.GOROOT)
	for name, want := range map[string][]string{
		"rand":     {"crypto/rand", "math/rand", "math/rand/v2"},
		"errors":   {"errors"},
		"http":     {"net/http"},
		"template": {"html/template", "text/template"},
		"goarch":   nil, // internal
		"pprof":    {"net/http/pprof", "runtime/pprof"},
	} {
		if got := std[name]; !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
	if got := stdPackages(""); len(got) != 0 {
		t.Errorf("without GOROOT: %v", got)
	}
}
