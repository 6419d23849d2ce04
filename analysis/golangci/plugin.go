// Package golangci makes gathervet a golangci-lint module plugin: importing
// it registers, under the name gathervet, a linter that runs the unawaited
// analyzer (package github.com/gathergen/gathergen/analysis/unawaited), the
// one that the gathervet command runs.
//
// golangci-lint builds plugins into a binary of its own with
// golangci-lint custom, which reads .custom-gcl.yml:
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/gathergen/gathergen
//	    import: github.com/gathergen/gathergen/analysis/golangci
//	    version: v0.1.0
//
// and the binary that it writes, ./custom-gcl, runs the linter that
// .golangci.yml enables:
//
//	version: "2"
//	linters:
//	  enable:
//	    - gathervet
//	  settings:
//	    custom:
//	      gathervet:
//	        type: module
//	        description: reports futures that are never awaited
//
// The linter takes no settings: a settings block under gathervet in
// .golangci.yml is refused with an error that names the unknown field.
// docs/gathervet.md has the whole recipe.
package golangci

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/gathergen/gathergen/analysis/unawaited"
)

// Name is the name under which the plugin registers itself: the key of its
// entry under linters.settings.custom in .golangci.yml.
const Name = "gathervet"

func init() {
	register.Plugin(Name, New)
}

// settings are the linter's settings in .golangci.yml: none, so that a
// misspelt or unknown one is refused rather than ignored.
type settings struct{}

// plugin is the linter that golangci-lint builds from this package.
type plugin struct{}

// New returns the linter for the settings that golangci-lint read from
// .golangci.yml, and an error when they hold anything.
func New(conf any) (register.LinterPlugin, error) {
	if _, err := register.DecodeSettings[settings](conf); err != nil {
		return nil, fmt.Errorf("%s takes no settings: %w", Name, err)
	}
	return plugin{}, nil
}

// BuildAnalyzers returns the unawaited analyzer under the linter's name, so
// that golangci-lint prints its reports as they are, without the name of the
// analyzer in front.
func (plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	gathervet := *unawaited.Analyzer
	gathervet.Name = Name
	return []*analysis.Analyzer{&gathervet}, nil
}

// GetLoadMode asks golangci-lint for type information, which the analyzer
// needs to recognise futures.
func (plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
