package goname

import (
	"strings"
	"testing"
)

func TestCase(t *testing.T) {
	for in, want := range map[string]string{"id": "ID", "name": "Name", "url": "URL", "éa": "Éa", "_x": "_x"} {
		if got := UpperFirst(in); got != want {
			t.Errorf("upperFirst(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"FetchUser": "fetchUser", "URL": "url", "X": "x", "Éa": "éa",
		"URLFetch": "urlFetch", "HTTPServer": "httpServer", "A1": "a1", "ABC": "abc",
	} {
		if got := LowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScope(t *testing.T) {
	sc := NewScope(map[string]bool{"ctx": true, "ctx1": true})
	for _, want := range []string{"ctx2", "a", "a1", "v", "v1"} {
		base := strings.TrimRight(want, "0123456789")
		if want == "v" || want == "v1" {
			base = "_"
		}
		if got := sc.Fresh(base); got != want {
			t.Errorf("fresh(%q) = %q, want %q", base, got, want)
		}
	}
	if sc.Free("a") || !sc.Free("b") {
		t.Error("free disagrees with fresh")
	}
}

func TestCanImport(t *testing.T) {
	for _, tt := range []struct {
		from, to string
		want     bool
	}{
		{"a.com/m/p", "a.com/m/q", true},
		{"a.com/m/p", "a.com/m/internal/x", true},
		{"a.com/m", "a.com/m/internal", true},
		{"a.com/m/p/q", "a.com/m/p/internal/x/internal/y", false},
		{"a.com/m/p/internal/x/q", "a.com/m/p/internal/x/internal/y", true},
		{"a.com/n", "a.com/m/internal/x", false},
		{"a.com/mm", "a.com/m/internal", false},
		{"a.com/m", "internal/poll", false},
		{"os", "internal/poll", true},
	} {
		if got := CanImport(tt.from, tt.to); got != tt.want {
			t.Errorf("canImport(%q, %q) = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}
