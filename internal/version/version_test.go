package version

import (
	"runtime/debug"
	"testing"
)

func TestOf(t *testing.T) {
	other := debug.Module{Path: "example.com/shop"}
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"no build information", nil, "unknown"},
		{"installed at a version", &debug.BuildInfo{
			Main: debug.Module{Path: Module, Version: "v0.1.0"},
		}, "v0.1.0"},
		{"built in a clone", &debug.BuildInfo{
			Main: debug.Module{Path: Module, Version: "(devel)"},
		}, "(devel)"},
		{"main module without a version", &debug.BuildInfo{
			Main: debug.Module{Path: Module},
		}, "(devel)"},
		{"a tool of another module", &debug.BuildInfo{
			Main: other,
			Deps: []*debug.Module{
				{Path: Module + "/otel", Version: "v0.2.0"},
				{Path: Module, Version: "v0.1.0"},
			},
		}, "v0.1.0"},
		{"a tool replaced by a clone", &debug.BuildInfo{
			Main: other,
			Deps: []*debug.Module{{Path: Module, Version: "v0.1.0",
				Replace: &debug.Module{Path: "../gathergen", Version: "(devel)"}}},
		}, "v0.1.0 => ../gathergen"},
		{"a tool replaced by a fork", &debug.BuildInfo{
			Main: other,
			Deps: []*debug.Module{{Path: Module, Version: "v0.1.0",
				Replace: &debug.Module{Path: "example.com/fork", Version: "v0.1.1"}}},
		}, "v0.1.0 => example.com/fork v0.1.1"},
		{"a binary without the module", &debug.BuildInfo{Main: other}, "unknown"},
	}
	for _, tt := range tests {
		if got := Of(tt.info); got != tt.want {
			t.Errorf("%s: Of = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestString checks the test binary's own build information, in which
// this module is the main module.
func TestString(t *testing.T) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		t.Skip("the test binary carries no build information")
	}
	if got, want := String(), Of(info); got != want || got == "unknown" {
		t.Errorf("String() = %q, want %q (and not unknown)", got, want)
	}
}
