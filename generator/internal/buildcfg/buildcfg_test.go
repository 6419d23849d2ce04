package buildcfg

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func TestNameTags(t *testing.T) {
	for name, want := range map[string]string{
		"a.go": "", "linux.go": "", "a_linux.go": "linux", "a_linux_amd64.go": "linux amd64",
		"a_arm64.go": "arm64", "a_linux_test.go": "linux", "a_unix.go": "", "x_windows_386_test.go": "windows 386",
	} {
		if got := strings.Join(NameTags(name), " "); got != want {
			t.Errorf("nameTags(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestFileConstraint(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"a.go", "package a", ""},
		{"a_linux.go", "//go:build cgo\n\npackage a", "cgo && linux"},
		{"a.go", "// +build x y\n\npackage a", "x || y"},
		{"a.go", "//go:build a\n// +build b\n\npackage a", "a"},
		{"a.go", "package a\n\n//go:build late\n", ""},
		{"a_linux.go", "//go:build linux\n\npackage a", "linux"},
		// a file that imports "C" builds only with cgo
		{"a.go", "// Package a.\npackage a\n\n// int one(void) { return 1; }\nimport \"C\"\n", "cgo"},
		{"a_linux.go", "//go:build x\n\npackage a\n\nimport (\n\t\"C\"\n\t\"os\"\n)\n", "x && linux && cgo"},
	} {
		f, err := parser.ParseFile(token.NewFileSet(), tt.name, tt.src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if got := FileConstraint(f, tt.name); got != tt.want {
			t.Errorf("%s %q: constraint %q, want %q", tt.name, tt.src, got, tt.want)
		}
	}
}

func TestSameConstraint(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"", "", true},
		{"linux && amd64", "amd64 && linux", true},
		{"!(a || b)", "!a && !b", true},
		{"linux", "linux && linux", true},
		{"linux", "", false},
		{"", "cgo", false},
		{"linux", "linux || darwin", false},
		{"a && b && c && d && e && f && g && h && i && j && k", "k && a && b && c && d && e && f && g && h && i && j", true},
		{"a && b && c && d && e && f && g && h && i && j && k && l && m", "m && a && b && c && d && e && f && g && h && i && j && k && l", false},
		{"go1.22 && linux", "linux", true},
		{"go1.26", "", true},
		{"go1.27 && linux", "linux", false},
		{"!go1.21 || linux", "linux", true},
	} {
		if got := SameConstraint(tt.a, tt.b, "1.26"); got != tt.want {
			t.Errorf("sameConstraint(%q, %q, 1.26) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestAlwaysTrue(t *testing.T) {
	for expr, want := range map[string]bool{
		"":                   true,
		"go1.13":             true,
		"go1.26":             true,
		"go1.13 && go1.21":   true,
		"go1.27":             false,
		"linux || !linux":    true,
		"go1.13 && linux":    false,
		"!go1.13 || special": false,
	} {
		if got := AlwaysTrue(expr, "1.26.1"); got != want {
			t.Errorf("alwaysTrue(%q, 1.26.1) = %v, want %v", expr, got, want)
		}
	}
}

func TestSatisfy(t *testing.T) {
	ports := []string{"aix/ppc64", "darwin/arm64", "js/wasm", "linux/amd64", "linux/arm64", "windows/amd64"}
	here := BuildConfig{Goos: "linux", Goarch: "amd64", Tags: []string{"mine"}}
	for _, c := range []struct {
		expr string
		want string // key, or "" for none
	}{
		{"linux", "linux/amd64/mine/"},
		{"windows", "windows/amd64/mine/"},
		{"!linux && !mine", "darwin/arm64//"},
		{"integration && (arm64 || wasm)", "linux/arm64/integration,mine/"},
		{"js && !wasm", ""},
		{"linux && windows", ""},
		{"cgo && ios", ""},
		{"unix && !linux", "darwin/arm64/mine/"},
		{"go1.1 && linux", "linux/amd64/mine/"},
	} {
		got, ok := Satisfy(ParseConstraint(c.expr), here, ports)
		if ok != (c.want != "") || ok && got.Key() != c.want {
			t.Errorf("satisfy(%q) = %q, %v; want %q", c.expr, got.Key(), ok, c.want)
		}
	}
}
