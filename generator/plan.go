package generator

import (
	"errors"
	"fmt"
	"go/build/constraint"
	"go/token"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// A package's directives may come from files with different build
// constraints. Each declaration goes to the output file of the constraint
// under which it builds (planFiles): a wrapper that of its directive's
// file, a group the conjunction of its directive's file's and its
// elements' (it goes where all of them build). Constraints that hold in
// the same configurations share a file, spelled as the first one met; a
// constraint that always holds for the module's Go version is none. When
// one constraint remains, its file is the output (gather_gen.go), with
// the constraint kept, as ever; otherwise the output holds the
// declarations without constraint (if any), and each constraint gets a
// file named after it: gather_gen.linux.go, gather_gen.not_windows.go,
// gather_gen.integration.go (outputName). The go command reads no GOOS or
// GOARCH from a name past its first dot, so the file builds exactly where
// its //go:build line says.

// outputName returns the name of the file that holds the declarations of a
// constraint, beside output: its base, a dot, the constraint spelled with
// words and underscores, .go. A long one is cut short and ends in a hash.
func outputName(output, expr string) string {
	var words []string
	for _, f := range strings.FieldsFunc(expr, func(r rune) bool { return r == ' ' || r == '(' || r == ')' }) {
		switch {
		case f == "&&":
			words = append(words, "and")
		case f == "||":
			words = append(words, "or")
		default:
			for strings.HasPrefix(f, "!") {
				words = append(words, "not")
				f = f[1:]
			}
			words = append(words, strings.ReplaceAll(f, ".", "_"))
		}
	}
	slug := strings.Join(words, "_")
	if len(slug) > 48 {
		h := fnv.New32a()
		h.Write([]byte(expr))
		slug = fmt.Sprintf("%s_%08x", slug[:39], h.Sum32())
	}
	return strings.TrimSuffix(output, ".go") + "." + slug + ".go"
}

// isOutputName reports whether a file name is one that planFiles gives
// for output: output itself, or its base, a dot, anything, .go.
func isOutputName(name, output string) bool {
	rest, ok := strings.CutPrefix(name, strings.TrimSuffix(output, ".go")+".")
	return name == output || ok && strings.HasSuffix(rest, ".go") && rest != "go"
}

// groupConstraint returns the constraint under which a group builds: its
// directive's file's and each of its elements', joined by &&, each once.
func groupConstraint(file string, elems []*wrapper) string {
	var parts []string
	for _, c := range append([]string{file}, constraintsOf(elems)...) {
		if c != "" && !slices.Contains(parts, c) {
			parts = append(parts, c)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	all := parseConstraint(parts[0])
	for _, p := range parts[1:] {
		all = &constraint.AndExpr{X: all, Y: parseConstraint(p)}
	}
	return all.String()
}

// constraintsOf lists the constraints of wrappers.
func constraintsOf(ws []*wrapper) []string {
	cs := make([]string, len(ws))
	for i, w := range ws {
		cs[i] = w.constraint
	}
	return cs
}

// packageParts is what the analyzers of one package folder found: that of
// the run's configuration first, then those of other configurations.
type packageParts struct {
	dir       string
	goVersion string
	analyzers []*analyzer
	models    []*model
}

// planFiles splits what a package's analyzers found into one model per
// constraint, renders each into its file, and adds the removal of earlier
// output that no directive asks for any more; or returns the package's
// problems. Activities go to their own file, activityOutput (see
// planActivities).
func planFiles(output, activityOutput string, p packageParts, buildable func(string) bool) ([]File, []Diagnostic) {
	var diags []Diagnostic
	for _, a := range p.analyzers {
		diags = append(diags, a.diags...)
	}
	wrappers, groups, groupDiags := chooseUnits(p, buildable)
	diags = append(diags, groupDiags...)
	for _, g := range groups {
		if !buildable(g.constraint) {
			diags = append(diags, Diagnostic{Pos: parsePos(g.key), Message: fmt.Sprintf(
				"the elements of %s never build together (%s): a group goes where all its elements build", g.name, elementConstraints(g.elems))})
		}
	}
	if len(diags) > 0 || p.dir == "" {
		return nil, diags
	}
	models := splitModels(p, wrappers, groups)
	names := modelNames(output, models)
	var files []File
	for i, m := range models {
		f, problems := renderFile(filepath.Join(p.dir, names[i]), m, emit, "-output")
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
	files = append(files, staleOutputs(p.dir, output, names)...)
	return append(files, activityFiles...), nil
}

// elementConstraints describes the constraints of a group's elements.
func elementConstraints(elems []*wrapper) string {
	var parts []string
	for _, w := range elems {
		parts = append(parts, w.label+": "+describeConstraint(w.constraint))
	}
	return strings.Join(parts, ", ")
}

// chooseUnits returns the wrappers that each analyzer owns, and the
// groups: each group from the first analyzer that resolved it, and again
// from each other one that resolved it under a constraint that no earlier
// one holds with (a group of F, where x_linux.go and x_windows.go each
// declare F, goes to both files); for a group that none resolved, the
// problems that the first one found.
func chooseUnits(p packageParts, buildable func(string) bool) ([]*wrapper, []*group, []Diagnostic) {
	var wrappers []*wrapper
	var groups []*group
	seen := map[string][]string{} // the constraints of each group taken
	for _, m := range p.models {
		if m == nil {
			continue
		}
		for _, w := range m.wrappers {
			if w.owned {
				wrappers = append(wrappers, w)
			}
		}
		for _, g := range m.groups {
			if !slices.ContainsFunc(seen[g.key], func(c string) bool { return buildable(andConstraint(c, g.constraint)) }) {
				seen[g.key] = append(seen[g.key], g.constraint)
				groups = append(groups, g)
			}
		}
		for _, g := range m.activityGroups {
			seen[g.key] = append(seen[g.key], g.constraint) // planActivities takes them
		}
	}
	var diags []Diagnostic
	reported := map[string]bool{}
	for _, a := range p.analyzers {
		for key, ds := range a.groupDiags {
			if seen[key] != nil || reported[key] {
				continue
			}
			reported[key] = true
			if apart := apartElements(p, key); apart != "" {
				ds = []Diagnostic{{Pos: parsePos(key), Message: apart}}
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
func apartElements(p packageParts, key string) string {
	var name string
	var elems []*wrapper
	for _, a := range p.analyzers {
		partial, ok := a.partial[key]
		if !ok {
			continue
		}
		if elems == nil {
			elems = make([]*wrapper, len(partial))
		}
		for i, w := range partial {
			if elems[i] == nil && w != nil {
				elems[i] = w
			}
		}
		name = a.groupName(key)
	}
	if elems == nil || slices.Contains(elems, nil) {
		return ""
	}
	return fmt.Sprintf("the elements of %s never build together (%s): a group goes where all its elements build",
		name, elementConstraints(elems))
}

// andConstraint joins two constraints with &&; "" is none.
func andConstraint(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return (&constraint.AndExpr{X: parseConstraint(a), Y: parseConstraint(b)}).String()
}

// splitModels makes one model per class of constraints that hold in the
// same configurations, in the order in which the classes are first met:
// wrappers, then groups.
func splitModels(p packageParts, wrappers []*wrapper, groups []*group) []*model {
	var models []*model
	class := func(u *unit) *model {
		c := u.constraint
		if alwaysTrue(c, p.goVersion) {
			c = ""
		}
		for _, m := range models {
			if sameConstraint(m.constraint, c, p.goVersion) {
				return m
			}
		}
		m := &model{pkg: u.pkg, constraint: c, reserved: map[string]bool{}, testNames: map[string]bool{}}
		models = append(models, m)
		return m
	}
	for _, w := range wrappers {
		m := class(&w.unit)
		m.wrappers = append(m.wrappers, w)
	}
	for _, g := range groups {
		m := class(&g.unit)
		m.groups = append(m.groups, g)
	}
	for _, m := range models {
		for _, part := range p.models {
			if part == nil {
				continue
			}
			for name := range part.reserved {
				m.reserved[name] = true
			}
			for name := range part.testNames {
				m.testNames[name] = true
			}
		}
	}
	return models
}

// modelNames names the file of each model: output for the only one, and
// for the one without constraint; outputName for the others, numbered
// where two would share a name.
func modelNames(output string, models []*model) []string {
	names := make([]string, len(models))
	taken := map[string]bool{}
	for i, m := range models {
		if len(models) == 1 || m.constraint == "" {
			names[i] = output
			continue
		}
		name := outputName(output, m.constraint)
		for n := 2; taken[name]; n++ {
			name = strings.TrimSuffix(outputName(output, m.constraint), ".go") + fmt.Sprint("_", n) + ".go"
		}
		taken[name] = true
		names[i] = name
	}
	return names
}

// renderFile renders a model into the file at path with emit, unless a file
// there is not gathergen's (flag names the file otherwise).
func renderFile(path string, m *model, emit func(*model) ([]byte, error), flag string) (*File, []Diagnostic) {
	old, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		old = nil
	case isFolder(path):
		return nil, []Diagnostic{{
			Pos:     token.Position{Filename: path},
			Message: "a folder has the output's name: rename or remove it, or name the output otherwise with " + flag,
		}}
	case err != nil:
		return nil, []Diagnostic{{Pos: token.Position{Filename: path}, Message: err.Error()}}
	case !isOwnOutput(old):
		return nil, []Diagnostic{{
			Pos:     token.Position{Filename: path, Line: 1, Column: 1},
			Message: filepath.Base(path) + " was not written by gathergen: rename it, or name the output otherwise with " + flag,
		}}
	}
	src, err := emit(m)
	if err != nil {
		msg, _, _ := strings.Cut(err.Error(), "\n")
		return nil, []Diagnostic{{Pos: token.Position{Filename: path}, Message: "internal error: generated code does not format: " + msg}}
	}
	return &File{Path: path, Old: old, New: src}, nil
}

// staleOutputs returns the removal of every earlier output in dir (a file
// whose name is one that planFiles gives and that starts with gathergen's
// header) other than the files named keep.
func staleOutputs(dir, output string, keep []string) []File {
	names, _ := filepath.Glob(filepath.Join(dir, strings.TrimSuffix(output, ".go")+".*go"))
	var files []File
	for _, name := range names {
		base := filepath.Base(name)
		if slices.Contains(keep, base) || !isOutputName(base, output) {
			continue
		}
		if old, err := os.ReadFile(name); err == nil && isOwnOutput(old) {
			files = append(files, File{Path: name, Old: old})
		}
	}
	return files
}
