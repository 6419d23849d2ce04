package output

import (
	"errors"
	"fmt"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gathergen/gathergen/generator/internal/buildcfg"
	"github.com/gathergen/gathergen/generator/internal/emit"
	"github.com/gathergen/gathergen/generator/internal/model"
)

// PackageParts is what the analyzers of one package folder found: that of
// the run's configuration first, then those of other configurations.
type PackageParts struct {
	Dir       string
	GoVersion string
	// Resolved holds what resolving found in each configuration.
	Resolved []*model.Resolved
}

// PlanFiles splits what a package's analyzers found into one model per
// constraint, renders each into its file, and adds the removal of earlier
// output that no directive asks for any more; or returns the package's
// problems. Activities go to their own file, activityOutput (see
// planActivities).
func PlanFiles(output, activityOutput string, p PackageParts, buildable func(string) bool) ([]File, []model.Diagnostic) {
	var diags []model.Diagnostic
	for _, a := range p.Resolved {
		diags = append(diags, a.Diags...)
	}
	wrappers, groups, groupDiags := chooseUnits(p, buildable)
	diags = append(diags, groupDiags...)
	for _, g := range groups {
		if !buildable(g.Constraint) {
			diags = append(diags, model.Diagnostic{Pos: model.ParsePos(g.Key), Message: fmt.Sprintf(
				"the elements of %s never build together (%s): a group goes where all its elements build", g.Name, elementConstraints(g.Elems))})
		}
	}
	if len(diags) > 0 || p.Dir == "" {
		return nil, diags
	}
	models := splitModels(p, wrappers, groups)
	names := modelNames(output, models)
	var files []File
	for i, m := range models {
		f, problems := renderFile(filepath.Join(p.Dir, names[i]), m, emit.Gathers, "-output")
		diags = append(diags, problems...)
		if f != nil {
			files = append(files, *f)
		}
	}
	activityFiles, problems := planActivities(activityOutput, p)
	diags = append(diags, problems...)
	if len(diags) > 0 {
		return nil, diags
	}
	files = append(files, staleOutputs(p.Dir, output, names)...)
	return append(files, activityFiles...), nil
}

// elementConstraints describes the constraints of a group's elements.
func elementConstraints(elems []*model.Wrapper) string {
	var parts []string
	for _, w := range elems {
		parts = append(parts, w.Label+": "+buildcfg.DescribeConstraint(w.Constraint))
	}
	return strings.Join(parts, ", ")
}

// chooseUnits returns the wrappers that each analyzer owns, and the
// groups: each group from the first analyzer that resolved it, and again
// from each other one that resolved it under a constraint that no earlier
// one holds with (a group of F, where x_linux.go and x_windows.go each
// declare F, goes to both files); for a group that none resolved, the
// problems that the first one found.
func chooseUnits(p PackageParts, buildable func(string) bool) ([]*model.Wrapper, []*model.Group, []model.Diagnostic) {
	var wrappers []*model.Wrapper
	var groups []*model.Group
	seen := map[string][]string{} // the constraints of each group taken
	for _, r := range p.Resolved {
		m := r.Model
		if m == nil {
			continue
		}
		for _, w := range m.Wrappers {
			if w.Owned {
				wrappers = append(wrappers, w)
			}
		}
		for _, g := range m.Groups {
			if !slices.ContainsFunc(seen[g.Key], func(c string) bool { return buildable(buildcfg.AndConstraint(c, g.Constraint)) }) {
				seen[g.Key] = append(seen[g.Key], g.Constraint)
				groups = append(groups, g)
			}
		}
		for _, g := range m.ActivityGroups {
			seen[g.Key] = append(seen[g.Key], g.Constraint) // planActivities takes them
		}
	}
	var diags []model.Diagnostic
	reported := map[string]bool{}
	for _, a := range p.Resolved {
		for key, ds := range a.GroupDiags {
			if seen[key] != nil || reported[key] {
				continue
			}
			reported[key] = true
			if apart := apartElements(p, key); apart != "" {
				ds = []model.Diagnostic{{Pos: model.ParsePos(key), Message: apart}}
			}
			diags = append(diags, ds...)
		}
	}
	return wrappers, groups, diags
}

// apartElements says why a group that no configuration resolves whole
// never builds, when every element is resolved in some configuration: its
// elements build under constraints that never hold together. It returns ""
// otherwise.
func apartElements(p PackageParts, key string) string {
	var name string
	var elems []*model.Wrapper
	for _, a := range p.Resolved {
		partial, ok := a.Partial[key]
		if !ok {
			continue
		}
		if elems == nil {
			elems = make([]*model.Wrapper, len(partial))
		}
		for i, w := range partial {
			if elems[i] == nil && w != nil {
				elems[i] = w
			}
		}
		name = a.GroupNames[key]
	}
	if elems == nil || slices.Contains(elems, nil) {
		return ""
	}
	return fmt.Sprintf("the elements of %s never build together (%s): a group goes where all its elements build",
		name, elementConstraints(elems))
}

// splitModels makes one model per class of constraints that hold in the
// same configurations, in the order in which the classes are first met:
// wrappers, then groups.
func splitModels(p PackageParts, wrappers []*model.Wrapper, groups []*model.Group) []*model.Model {
	var models []*model.Model
	class := func(u *model.Unit) *model.Model {
		c := u.Constraint
		if buildcfg.AlwaysTrue(c, p.GoVersion) {
			c = ""
		}
		for _, m := range models {
			if buildcfg.SameConstraint(m.Constraint, c, p.GoVersion) {
				return m
			}
		}
		m := &model.Model{Pkg: u.Pkg, Constraint: c, Reserved: map[string]bool{}, TestNames: map[string]bool{}}
		models = append(models, m)
		return m
	}
	for _, w := range wrappers {
		m := class(&w.Unit)
		m.Wrappers = append(m.Wrappers, w)
	}
	for _, g := range groups {
		m := class(&g.Unit)
		m.Groups = append(m.Groups, g)
	}
	for _, m := range models {
		for _, r := range p.Resolved {
			part := r.Model
			if part == nil {
				continue
			}
			for name := range part.Reserved {
				m.Reserved[name] = true
			}
			for name := range part.TestNames {
				m.TestNames[name] = true
			}
		}
	}
	return models
}

// modelNames names the file of each model: output for the only one, and
// for the one without constraint; OutputName for the others, numbered
// where two would share a name.
func modelNames(output string, models []*model.Model) []string {
	names := make([]string, len(models))
	taken := map[string]bool{}
	for i, m := range models {
		if len(models) == 1 || m.Constraint == "" {
			names[i] = output
			continue
		}
		name := model.OutputName(output, m.Constraint)
		for n := 2; taken[name]; n++ {
			name = strings.TrimSuffix(model.OutputName(output, m.Constraint), ".go") + fmt.Sprint("_", n) + ".go"
		}
		taken[name] = true
		names[i] = name
	}
	return names
}

// renderFile renders a model into the file at path with emit, unless a file
// there is not gathergen's (flag names the file otherwise).
func renderFile(path string, m *model.Model, emit func(*model.Model) ([]byte, error), flag string) (*File, []model.Diagnostic) {
	old, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		old = nil
	case isFolder(path):
		return nil, []model.Diagnostic{{
			Pos:     token.Position{Filename: path},
			Message: "a folder has the output's name: rename or remove it, or name the output otherwise with " + flag,
		}}
	case err != nil:
		return nil, []model.Diagnostic{{Pos: token.Position{Filename: path}, Message: err.Error()}}
	case !model.IsOwnOutput(old):
		return nil, []model.Diagnostic{{
			Pos:     token.Position{Filename: path, Line: 1, Column: 1},
			Message: filepath.Base(path) + " was not written by gathergen: rename it, or name the output otherwise with " + flag,
		}}
	}
	src, err := emit(m)
	if err != nil {
		msg, _, _ := strings.Cut(err.Error(), "\n")
		return nil, []model.Diagnostic{{Pos: token.Position{Filename: path}, Message: "internal error: generated code does not format: " + msg}}
	}
	return &File{Path: path, Old: old, New: src}, nil
}

// staleOutputs returns the removal of every earlier output in dir (a file
// whose name is one that PlanFiles gives and that starts with gathergen's
// header) other than the files named keep.
func staleOutputs(dir, output string, keep []string) []File {
	names, _ := filepath.Glob(filepath.Join(dir, strings.TrimSuffix(output, ".go")+".*go"))
	var files []File
	for _, name := range names {
		base := filepath.Base(name)
		if slices.Contains(keep, base) || !model.IsOutputName(base, output) {
			continue
		}
		if old, err := os.ReadFile(name); err == nil && model.IsOwnOutput(old) {
			files = append(files, File{Path: name, Old: old})
		}
	}
	return files
}
