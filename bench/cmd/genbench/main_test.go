package main

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func TestSyntheticParses(t *testing.T) {
	src := synthetic("p07", 3, 4)
	f, err := parser.ParseFile(token.NewFileSet(), "synth.go", src, parser.ParseComments)
	if err != nil {
		t.Fatalf("synthetic source does not parse: %v\n%s", err, src)
	}
	if f.Name.Name != "p07" {
		t.Errorf("package %s; want p07", f.Name.Name)
	}
	if n := strings.Count(string(src), "//gathergen:async\n"); n != 3 {
		t.Errorf("%d directives; want 3", n)
	}
	if !strings.Contains(string(src), "\tKind0003\n") {
		t.Errorf("no fourth constant in\n%s", src)
	}
}
