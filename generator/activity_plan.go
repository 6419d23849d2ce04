package generator

import (
	"fmt"
	"path/filepath"
)

// planActivities renders the activity file of a package: every activity
// that its analyzers own, and each group of activities once, in one file
// that keeps their constraint; with the removal of earlier activity output
// that no directive asks for any more. The activities of a package must
// share one build constraint (always true for the module's Go version
// counting as none): RegisterActivities registers them all, and a workflow
// that gathers them must build where they do.
func planActivities(output string, p packageParts) ([]File, []Diagnostic) {
	m, diags := activityModel(p)
	if len(diags) > 0 {
		return nil, diags
	}
	var files []File
	var keep []string
	if m != nil {
		f, problems := renderFile(filepath.Join(p.dir, output), m, emitActivities, "-activity-output")
		if len(problems) > 0 {
			return nil, problems
		}
		files, keep = append(files, *f), []string{output}
	}
	return append(files, staleOutputs(p.dir, output, keep)...), nil
}

// activityModel gathers the activities and groups of activities of a
// package's models into the model of its activity file, or nil when it has
// none; or returns a problem at each one whose constraint differs from the
// first's.
func activityModel(p packageParts) (*model, []Diagnostic) {
	m := &model{reserved: map[string]bool{}, testNames: map[string]bool{}}
	taken := map[string]bool{}
	firstAt := "" // where the first activity or group is
	var diags []Diagnostic
	check := func(u *unit, at string) {
		c := u.constraint
		if alwaysTrue(c, p.goVersion) {
			c = ""
		}
		if firstAt == "" {
			firstAt, m.constraint, m.pkg, m.lens = at, c, u.pkg, u.lens
			return
		}
		if !sameConstraint(m.constraint, c, p.goVersion) {
			diags = append(diags, Diagnostic{Pos: parsePos(at), Message: fmt.Sprintf(
				"activities come from files with different build constraints (%s here, %s at %s), but RegisterActivities registers them all: move the activity directives to files with the same constraint",
				describeConstraint(c), describeConstraint(m.constraint), baseWhere(firstAt))})
		}
	}
	for _, part := range p.models {
		if part == nil {
			continue
		}
		for _, act := range part.activities {
			if act.owned {
				check(&act.unit, act.key)
				m.activities = append(m.activities, act)
			}
		}
		for _, g := range part.activityGroups {
			if !taken[g.key] {
				taken[g.key] = true
				check(&g.unit, g.key)
				m.activityGroups = append(m.activityGroups, g)
			}
		}
		for name := range part.reserved {
			m.reserved[name] = true
		}
		for name := range part.testNames {
			m.testNames[name] = true
		}
	}
	if len(diags) > 0 {
		return nil, diags
	}
	if len(m.activities) == 0 {
		return nil, nil
	}
	return m, nil
}

// baseWhere shortens a position "dir/file.go:3:1" to "file.go:3:1".
func baseWhere(at string) string {
	pos := parsePos(at)
	pos.Filename = filepath.Base(pos.Filename)
	return pos.String()
}
