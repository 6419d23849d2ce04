package resolve

import (
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestIsUnusedImport tells the type checker's unused-import errors from
// others.
func TestIsUnusedImport(t *testing.T) {
	for msg, want := range map[string]bool{
		`"strings" imported and not used`:              true,
		`"example.com/x/y" imported as z and not used`: true,
		`declared and not used: x`:                     false,
		`label L declared and not used`:                false,
		`"x" imported as 1z and not used`:              false,
		`"x imported and not used`:                     false,
		`"x" imported and used`:                        false,
	} {
		if got := isUnusedImport(packages.Error{Msg: msg, Kind: packages.TypeError}); got != want {
			t.Errorf("isUnusedImport(%q) = %v, want %v", msg, got, want)
		}
	}
	if isUnusedImport(packages.Error{Msg: `"strings" imported and not used`, Kind: packages.ListError}) {
		t.Error("isUnusedImport of a list error = true, want false")
	}
}

func TestListMessage(t *testing.T) {
	for msg, want := range map[string]string{
		"no required module provides package example.com/x; to add it:\n\tgo get example.com/x": "no required module provides package example.com/x; to add it: go get example.com/x",
		"stat /m/nosuch: directory not found":                                                   "no folder /m/nosuch: name an existing package folder (./dir, ./...) or an import path",
		"found packages a (a.go) and b (b.go) in /m":                                            "found packages a (a.go) and b (b.go) in /m",
	} {
		if got := listMessage(msg); got != want {
			t.Errorf("listMessage(%q) = %q, want %q", msg, got, want)
		}
	}
}
