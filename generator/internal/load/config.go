package load

import (
	"cmp"
	"fmt"
	"go/build"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strings"

	"github.com/gathergen/gathergen/generator/internal/model"
)

// Config tells Generate what to load and where its output goes.
type Config struct {
	// Dir is the folder in which the go command runs and patterns are
	// resolved; empty means the current folder.
	Dir string
	// Patterns name the packages, as for go build; none means ".".
	Patterns []string
	// Output is the name of the generated file in each package's folder;
	// empty means DefaultOutput.
	Output string
	// ActivityOutput is the name of the file that holds a package's
	// activities; empty means DefaultActivityOutput.
	ActivityOutput string
	// Tags are build tags for loading the packages.
	Tags []string
	// Env is the environment of the go command; nil means the current one.
	Env []string
}

// LoadPatterns returns the patterns to load.
func (c Config) LoadPatterns() []string {
	if len(c.Patterns) == 0 {
		return []string{"."}
	}
	return c.Patterns
}

// BuildContext returns the build configuration that the go command loads
// the packages for, as its environment (Env, or this process's) tells:
// GOOS, GOARCH and CGO_ENABLED, cgo being off for another platform than
// this one unless CGO_ENABLED turns it on, as the go command has it; and
// the tags, those of GOFLAGS unless Tags are given (the go command's -tags
// flag overrides GOFLAGS). A variable set twice has its last value, as
// os/exec passes it on; an empty one is unset.
func (c Config) BuildContext() build.Context {
	env := c.Env
	if env == nil {
		env = os.Environ()
	}
	vars := map[string]string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		vars[k] = v
	}
	bc := build.Default
	bc.GOOS = cmp.Or(vars["GOOS"], goruntime.GOOS)
	bc.GOARCH = cmp.Or(vars["GOARCH"], goruntime.GOARCH)
	switch cgo := vars["CGO_ENABLED"]; {
	case cgo != "":
		bc.CgoEnabled = cgo == "1"
	case bc.GOOS != goruntime.GOOS || bc.GOARCH != goruntime.GOARCH:
		bc.CgoEnabled = false
	}
	bc.BuildTags = c.Tags
	if len(c.Tags) == 0 {
		bc.BuildTags = goflagsTags(vars["GOFLAGS"])
	}
	return bc
}

// goflagsTags returns the tags that a -tags=a,b flag of GOFLAGS sets, the
// last one winning.
func goflagsTags(goflags string) []string {
	var tags []string
	for _, flag := range strings.Fields(goflags) {
		name, value, ok := strings.Cut(strings.TrimLeft(flag, "-"), "=")
		if ok && name == "tags" {
			tags = slices.DeleteFunc(strings.Split(value, ","), func(tag string) bool { return tag == "" })
		}
	}
	return tags
}

// NotModule returns an error that names the folder and says what to do
// when the go command finds no module there (no go.mod in it or above it),
// or nil. It is asked only once a load has failed or found nothing.
func (c Config) NotModule() error {
	cmd := exec.Command("go", "env", "GOMOD")
	cmd.Dir, cmd.Env = c.Dir, c.Env
	out, err := cmd.Output()
	if gomod := strings.TrimSpace(string(out)); err != nil || gomod != "" && gomod != os.DevNull {
		return nil
	}
	dir, err := filepath.Abs(cmp.Or(c.Dir, "."))
	if err != nil {
		dir = c.Dir
	}
	return fmt.Errorf("%s: no go.mod here or in any folder above: gathergen works in a module; create one with go mod init MODULE_PATH", dir)
}

// noModuleProvides starts the go command's message about an import path
// that no module provides.
const noModuleProvides = "no required module provides package "

// InMainModules rewrites the go command's message about an import path that
// no module provides, when the path lies in a main module: go get, which
// it suggests, cannot help; the folder is missing. The main modules are
// asked for only when there is such a message.
func (c Config) InMainModules(diags []model.Diagnostic) {
	var mods []string
	for i, d := range diags {
		rest, ok := strings.CutPrefix(d.Message, noModuleProvides)
		if !ok {
			continue
		}
		path, _, _ := strings.Cut(rest, ";")
		if mods == nil {
			mods = c.mainModules()
		}
		for _, mod := range mods {
			if strings.HasPrefix(path, mod+"/") {
				diags[i].Message = "no folder of module " + mod + " holds package " + path + ": check the path, or create the package's folder"
			}
		}
	}
}

// mainModules returns the paths of the main modules (those of a workspace,
// or the one module), or an empty list.
func (c Config) mainModules() []string {
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Path}}")
	cmd.Dir, cmd.Env = c.Dir, c.Env
	out, err := cmd.Output()
	if err != nil {
		return []string{}
	}
	return strings.Fields(string(out))
}

// OutputName returns the name of the generated file.
func (c Config) OutputName() string {
	if c.Output == "" {
		return model.DefaultOutput
	}
	return c.Output
}

// ActivityOutputName returns the name of the activity file.
func (c Config) ActivityOutputName() string {
	if c.ActivityOutput == "" {
		return model.DefaultActivityOutput
	}
	return c.ActivityOutput
}
