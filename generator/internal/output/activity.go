package output

import (
	"fmt"
	"path/filepath"

	"github.com/gathergen/gathergen/generator/internal/buildcfg"
	"github.com/gathergen/gathergen/generator/internal/emit"
	"github.com/gathergen/gathergen/generator/internal/model"
)

// planActivities renders the activity file of a package: every activity
// that its analyzers own, and each group of activities once, in one file
// that keeps their constraint; with the removal of earlier activity output
// that no directive asks for any more. The activities of a package must
// share one build constraint (always true for the module's Go version
// counting as none): RegisterActivities registers them all, and a workflow
// that gathers them must build where they do.
func planActivities(output string, p PackageParts) ([]File, []model.Diagnostic) {
	m, diags := activityModel(p)
	if len(diags) > 0 {
		return nil, diags
	}
	var files []File
	var keep []string
	if m != nil {
		f, problems := renderFile(filepath.Join(p.Dir, output), m, emit.Activities, "-activity-output")
		if len(problems) > 0 {
			return nil, problems
		}
		files, keep = append(files, *f), []string{output}
	}
	return append(files, staleOutputs(p.Dir, output, keep)...), nil
}

// activityModel gathers the activities, groups of activities and workflows
// of a package's models into the model of its activity file, or nil when it has
// none; or returns a problem at each one whose constraint differs from the
// first's.
func activityModel(p PackageParts) (*model.Model, []model.Diagnostic) {
	m := &model.Model{Reserved: map[string]bool{}, TestNames: map[string]bool{}}
	taken := map[string]bool{}
	firstAt := "" // where the first activity or group is
	var diags []model.Diagnostic
	check := func(u *model.Unit, at string) {
		c := u.Constraint
		if buildcfg.AlwaysTrue(c, p.GoVersion) {
			c = ""
		}
		if firstAt == "" {
			firstAt, m.Constraint, m.Pkg, m.Lens = at, c, u.Pkg, u.Lens
			return
		}
		if !buildcfg.SameConstraint(m.Constraint, c, p.GoVersion) {
			diags = append(diags, model.Diagnostic{Pos: model.ParsePos(at), Message: fmt.Sprintf(
				"activities and workflows come from files with different build constraints (%s here, %s at %s), but one file registers them all: move their directives to files with the same constraint",
				buildcfg.DescribeConstraint(c), buildcfg.DescribeConstraint(m.Constraint), baseWhere(firstAt))})
		}
	}
	for _, r := range p.Resolved {
		part := r.Model
		if part == nil {
			continue
		}
		for _, act := range part.Activities {
			if act.Owned {
				check(&act.Unit, act.Key)
				m.Activities = append(m.Activities, act)
			}
		}
		for _, wf := range part.Workflows {
			if wf.Owned {
				check(&wf.Unit, wf.Key)
				m.Workflows = append(m.Workflows, wf)
			}
		}
		for _, g := range part.ActivityGroups {
			if !taken[g.Key] {
				taken[g.Key] = true
				check(&g.Unit, g.Key)
				m.ActivityGroups = append(m.ActivityGroups, g)
			}
		}
		for name := range part.Reserved {
			m.Reserved[name] = true
		}
		for name := range part.TestNames {
			m.TestNames[name] = true
		}
	}
	if len(diags) > 0 {
		return nil, diags
	}
	if len(m.Activities) == 0 && len(m.Workflows) == 0 {
		return nil, nil
	}
	return m, nil
}

// baseWhere shortens a position "dir/file.go:3:1" to "file.go:3:1".
func baseWhere(at string) string {
	pos := model.ParsePos(at)
	pos.Filename = filepath.Base(pos.Filename)
	return pos.String()
}
