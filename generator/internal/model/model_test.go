package model

import (
	"go/token"
	"testing"
)

func TestParsePos(t *testing.T) {
	for in, want := range map[string]token.Position{
		"a.go:3:4": {Filename: "a.go", Line: 3, Column: 4},
		"a.go:3":   {Filename: "a.go", Line: 3},
		"c:\\a.go": {Filename: "c:\\a.go"},
		"x:y:5":    {Filename: "x:y", Line: 5},
		"":         {},
		"-":        {},
	} {
		if got := ParsePos(in); got != want {
			t.Errorf("parsePos(%q) = %+v, want %+v", in, got, want)
		}
	}
}

func TestIsOwnOutput(t *testing.T) {
	for src, want := range map[string]bool{
		Header + "\n\npackage p\n\nimport runtime \"" + RuntimePath + "\"\n": true,
		HelpersHeader + "\n\npackage runtime\n\nimport \"context\"\n":        false,
		Header + "\n\npackage p\n\nimport \"example.com/m/gone\"\n":          true,
		Header + "package p\n":                                  false,
		"package p\n\nimport runtime \"" + RuntimePath + "\"\n": false,
		Header + "\n\npackage p\n\nimport (\n":                  true,
		Header + "\n\npackage p\n\nimport (\n<<<<<<< HEAD\n\t\"strings\"\n=======\n>>>>>>> b\n\truntime \"" + RuntimePath + "\"\n)\n": true,
		// an activity file imports gathergen's temporal package instead
		Header + "\n\npackage p\n\nimport gtemporal \"" + TemporalPath + "\"\n": true,
		// git with core.autocrlf=true checks files out with CRLF.
		Header + "\r\n\r\npackage p\r\n\r\nimport runtime \"" + RuntimePath + "\"\r\n": true,
	} {
		if got := IsOwnOutput([]byte(src)); got != want {
			t.Errorf("isOwnOutput(%q) = %v, want %v", src, got, want)
		}
	}
}
