package main

import (
	"strings"
	"testing"
)

func TestRequirements(t *testing.T) {
	repo := t.TempDir()
	writeTree(t, repo, testTree)
	if v, err := requiredVersion(repo, testModules[1]); err != nil || v != "v0.1.0" {
		t.Errorf("requiredVersion = %q, %v, want v0.1.0", v, err)
	}
	if err := checkRequirements(repo, testModules, "v0.1.0"); err != nil {
		t.Errorf("checkRequirements at the required version: %v", err)
	}
	err := checkRequirements(repo, testModules, "v0.2.0")
	want := "sub/go.mod:5:1: requires " + rootModule + " v0.1.0, not the version released with it, v0.2.0: run .ci/prepare-release v0.2.0"
	if err == nil || err.Error() != want {
		t.Errorf("checkRequirements at another version = %v, want %q", err, want)
	}
	if _, err := requiredVersion(repo, testModules[0]); err == nil || !strings.Contains(err.Error(), "go.mod does not require "+rootModule) {
		t.Errorf("requiredVersion of a module without the requirement = %v", err)
	}
	writeTree(t, repo, map[string]string{"sub/go.mod": "module x\nrequire (\n"})
	if err := checkRequirements(repo, testModules, "v0.1.0"); err == nil || !strings.Contains(err.Error(), "sub/go.mod:") {
		t.Errorf("checkRequirements of a malformed go.mod = %v, want its position", err)
	}
	if _, err := requiredVersion(t.TempDir(), testModules[1]); err == nil {
		t.Error("requiredVersion without go.mod: no error")
	}
}
