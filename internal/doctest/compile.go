package doctest

import (
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The modules of the repository, by folder.
var modules = []struct{ dir, path string }{
	{".", "github.com/gathergen/gathergen"},
	{"otel", "github.com/gathergen/gathergen/otel"},
	{"temporal", "github.com/gathergen/gathergen/temporal"},
}

// needs tells which of the repository's submodules an import path comes
// from or through ("" for the root module or none).
func needs(path string) string {
	switch {
	case path == modules[1].path || strings.HasPrefix(path, modules[1].path+"/"),
		strings.HasPrefix(path, "go.opentelemetry.io/"):
		return "otel"
	case path == modules[2].path || strings.HasPrefix(path, modules[2].path+"/"),
		strings.HasPrefix(path, "go.temporal.io/"):
		return "temporal"
	}
	return ""
}

// Checker compiles blocks in a temporary module that uses the repository's
// modules through replace directives. Its go.sum holds every checksum that
// the repository's modules know, so the other modules come from the module
// cache, or from the module proxy when the cache lacks them.
type Checker struct {
	Root string // the repository's root folder
	Work string // an empty folder for the temporary module
}

// group is one package of blocks.
type group struct {
	dir       string
	pkg       string
	files     []int // indexes into the blocks
	generated []int
	outputs   []int
}

// env is the environment of every go command in the temporary module: no
// workspace, and go.mod completed from the modules that the replaced ones
// require. The settings come last: os/exec keeps the last value of a
// variable.
func env() []string {
	return append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
}

// Compile writes the blocks into the temporary module, runs gathergen on
// the packages whose files hold directives, compares the generated blocks
// with what it wrote, and vets (so compiles) every package. It returns the
// problems found, each with its page's position; the error is for a
// failure of the check itself.
func (c *Checker) Compile(blocks []Block) ([]string, error) {
	groups, mods, problems := c.plan(blocks)
	if len(problems) > 0 || len(groups) == 0 {
		return problems, nil
	}
	if err := c.writeModule(mods); err != nil {
		return nil, err
	}
	var generate []string
	for _, g := range groups {
		dir := filepath.Join(c.Work, g.dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		directives := false
		for _, i := range g.files {
			if err := os.WriteFile(filepath.Join(dir, fileName(i)), []byte(blocks[i].Code), 0o644); err != nil {
				return nil, err
			}
			directives = directives || strings.Contains(blocks[i].Code, "\n//gathergen:")
		}
		if directives {
			generate = append(generate, "./"+g.dir)
		}
	}
	mapper := newMapper(c.Work, blocks)
	if len(generate) > 0 {
		bin := filepath.Join(c.Work, "bin", "gathergen")
		if out, err := c.run(c.Root, os.Environ(), "go", "build", "-o", bin, "./cmd/gathergen"); err != nil {
			return nil, fmt.Errorf("building gathergen: %v\n%s", err, out)
		}
		if out, err := c.run(c.Work, env(), bin, generate...); err != nil {
			return []string{"gathergen failed on the documentation's packages:\n" + mapper(out)}, nil
		}
		for _, g := range groups {
			for _, i := range g.generated {
				problems = append(problems, c.compare(blocks[i], filepath.Join(c.Work, g.dir, blocks[i].Name))...)
			}
		}
	}
	if out, err := c.run(c.Work, env(), "go", "vet", "./..."); err != nil {
		return append(problems, "the documentation's Go code does not compile or vet:\n"+mapper(out)), nil
	}
	for _, g := range groups {
		for _, i := range g.outputs {
			problems = append(problems, c.output(blocks[i], g.dir)...)
		}
	}
	return problems, nil
}

// plan groups the blocks into packages and finds the submodules they need.
func (c *Checker) plan(blocks []Block) ([]*group, []string, []string) {
	var groups []*group
	var problems []string
	byKey := map[string]*group{}
	lastMain := map[string]*group{} // a page's last package main
	mods := map[string]bool{}
	for i, b := range blocks {
		if b.Kind == Output {
			if g := lastMain[b.Page]; g != nil {
				g.outputs = append(g.outputs, i)
			} else {
				problems = append(problems, fmt.Sprintf("%s:%d: an output block with no package main before it on the page", b.Page, b.Line))
			}
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), fileName(i), b.Code, parser.ImportsOnly)
		if err != nil {
			problems = append(problems, newMapper("", blocks)(err.Error()))
			continue
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if m := needs(path); m != "" {
				mods[m] = true
			}
		}
		pkg := f.Name.Name
		key := b.Page + "\x00" + pkg
		if b.Kind == Program {
			key += "\x00" + strconv.Itoa(b.Line)
		}
		g := byKey[key]
		if g == nil {
			g = &group{dir: fmt.Sprintf("p%d_%s", len(groups), pkg), pkg: pkg}
			byKey[key] = g
			groups = append(groups, g)
		}
		if pkg == "main" && b.Kind != Generated {
			lastMain[b.Page] = g
		}
		if b.Kind == Generated {
			g.generated = append(g.generated, i)
		} else {
			g.files = append(g.files, i)
		}
	}
	for _, g := range groups {
		if len(g.files) == 0 {
			b := blocks[g.generated[0]]
			problems = append(problems, fmt.Sprintf("%s:%d: a generated block of package %s, and no file block of that package on the page", b.Page, b.Line, g.pkg))
		}
	}
	var names []string
	for m := range mods {
		names = append(names, m)
	}
	slices.Sort(names)
	return groups, names, problems
}

// writeModule writes go.mod and go.sum: the root module and the
// submodules mods, each replaced by its folder, and every checksum that the
// repository's modules and workspace know.
func (c *Checker) writeModule(mods []string) error {
	var mod, sum bytes.Buffer
	mod.WriteString("module doctest.invalid\n\ngo 1.26.0\n\n")
	seen := map[string]bool{}
	for _, m := range modules {
		if m.dir != "." && !slices.Contains(mods, m.dir) {
			continue
		}
		dir := filepath.Join(c.Root, m.dir)
		fmt.Fprintf(&mod, "require %s v0.0.0-00010101000000-000000000000\n", m.path)
		fmt.Fprintf(&mod, "replace %s => %s\n", m.path, dir)
		for _, name := range []string{"go.sum", "go.work.sum"} {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if os.IsNotExist(err) {
				continue
			} else if err != nil {
				return err
			}
			for line := range strings.Lines(string(data)) {
				if !seen[line] {
					seen[line] = true
					sum.WriteString(line)
				}
			}
		}
	}
	if err := os.WriteFile(filepath.Join(c.Work, "go.mod"), mod.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(c.Work, "go.sum"), sum.Bytes(), 0o644)
}

// compare reports where the generated block differs from the file.
func (c *Checker) compare(b Block, file string) []string {
	data, err := os.ReadFile(file)
	if err != nil {
		return []string{fmt.Sprintf("%s:%d: gathergen wrote no %s for this package", b.Page, b.Line, b.Name)}
	}
	if i, w, g, ok := firstDiff(b.Code, string(data)); ok {
		return []string{fmt.Sprintf("%s:%d: the block differs from the %s that gathergen writes:\n\tblock:     %q\n\tgathergen: %q\ngathergen's whole file:\n%s",
			b.Page, b.Line+i, b.Name, w, g, data)}
	}
	return nil
}

// output runs the program in dir and reports where its standard output
// differs from the block.
func (c *Checker) output(b Block, dir string) []string {
	cmd := exec.Command("go", "run", "./"+dir)
	cmd.Dir, cmd.Env = c.Work, env()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return []string{fmt.Sprintf("%s:%d: the program failed (%v):\n%s", b.Page, b.Line, err, stderr.String())}
	}
	if i, w, g, ok := firstDiff(b.Code, string(out)); ok {
		return []string{fmt.Sprintf("%s:%d: the program prints another line here:\n\tblock:   %q\n\tprogram: %q", b.Page, b.Line+i, w, g)}
	}
	return nil
}

// firstDiff finds the first line where want and got differ: its index from
// 0 and the two lines.
func firstDiff(want, got string) (int, string, string, bool) {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		if at(w, i) != at(g, i) {
			return i, at(w, i), at(g, i), true
		}
	}
	return 0, "", "", false
}

// at is lines[i], or "(end of file)" past the end.
func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of file)"
}

// run runs a command and returns its combined output.
func (c *Checker) run(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// fileName is the name of block i's file in the temporary module.
func fileName(i int) string { return fmt.Sprintf("b%d.go", i) }

var filePos = regexp.MustCompile(`[\w./-]*\bb(\d+)\.go:(\d+)(:\d+)?`)

// newMapper returns a function that rewrites the positions in the blocks'
// files as positions in their pages, and the temporary module's folder as
// a short name.
func newMapper(work string, blocks []Block) func(string) string {
	return func(s string) string {
		s = filePos.ReplaceAllStringFunc(s, func(m string) string {
			sub := filePos.FindStringSubmatch(m)
			i, _ := strconv.Atoi(sub[1])
			line, _ := strconv.Atoi(sub[2])
			if i >= len(blocks) {
				return m
			}
			return fmt.Sprintf("%s:%d%s", blocks[i].Page, blocks[i].Line+line-1, sub[3])
		})
		if work != "" {
			s = strings.ReplaceAll(s, work, "$DOCTEST")
		}
		return s
	}
}
