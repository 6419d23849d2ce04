package generator

import (
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
)

// constraint returns the build constraint that the generated file keeps: the
// one shared by every file that holds a directive (the first file's
// spelling, when others spell it differently). Files with different
// constraints are a problem: one generated file cannot keep both. Each file
// is read once, however many directives it holds (that of a file that
// imports "C" is parsed again).
func (a *analyzer) constraint() string {
	kept := a.constraintOf(a.found[0].file)
	seen := map[*ast.File]bool{a.found[0].file: true}
	for _, f := range a.found[1:] {
		if seen[f.file] {
			continue
		}
		seen[f.file] = true
		if expr := a.constraintOf(f.file); !sameConstraint(kept, expr) {
			a.report(f.d.pos, "directives come from files with different build constraints (%s and %s), but one generated file keeps one constraint: move the directives to files with the same constraint", describeConstraint(kept), describeConstraint(expr))
			return ""
		}
	}
	return kept
}

// sameConstraint reports whether two constraints hold in the same
// configurations, by trying every assignment of their tags (or, past ten
// tags, by comparing their spelling).
func sameConstraint(a, b string) bool {
	if a == b {
		return true
	}
	x, y := parseConstraint(a), parseConstraint(b)
	tags := map[string]int{}
	note := func(tag string) bool {
		if _, ok := tags[tag]; !ok {
			tags[tag] = len(tags)
		}
		return false
	}
	evalConstraint(x, note)
	evalConstraint(y, note)
	if len(tags) > 10 {
		return false
	}
	for bits := range 1 << len(tags) {
		holds := func(tag string) bool { return bits&(1<<tags[tag]) != 0 }
		if evalConstraint(x, holds) != evalConstraint(y, holds) {
			return false
		}
	}
	return true
}

// parseConstraint parses a constraint that fileConstraint wrote; nil for
// none.
func parseConstraint(expr string) constraint.Expr {
	x, err := constraint.Parse("//go:build " + expr)
	if err != nil {
		return nil
	}
	return x
}

// evalConstraint evaluates a constraint (nil holds always), calling ok for
// every tag.
func evalConstraint(x constraint.Expr, ok func(tag string) bool) bool {
	return x == nil || x.Eval(ok)
}

// constraintOf returns the build constraint of the source file that f was
// parsed from. A file that imports "C" reaches the type checker as cgo
// rewrote it, without its import of "C", so the original's header is read
// again.
func (a *analyzer) constraintOf(f *ast.File) string {
	name := a.pkg.Fset.Position(f.Package).Filename
	if a.rewrittenByCgo(f) {
		const mode = parser.ImportsOnly | parser.ParseComments
		if orig, err := parser.ParseFile(token.NewFileSet(), name, nil, mode); err == nil {
			f = orig
		}
	}
	return fileConstraint(f, name)
}

// rewrittenByCgo reports whether f is what cgo made of a file that imports
// "C": the file parsed is not one of the package's source files (whose
// positions lead back to one through line directives, as those of a file
// with a //line comment of its own may lead elsewhere).
func (a *analyzer) rewrittenByCgo(f *ast.File) bool {
	return !slices.Contains(a.pkg.GoFiles, a.pkg.Fset.File(f.Pos()).Name())
}

// describeConstraint quotes a constraint for a message.
func describeConstraint(expr string) string {
	if expr == "" {
		return "none"
	}
	return "//go:build " + expr
}

// fileConstraint returns a file's build constraint: its //go:build line
// (or // +build lines), the GOOS and GOARCH of its name and, for a file that
// imports "C", cgo, joined by &&.
func fileConstraint(f *ast.File, filename string) string {
	var exprs []constraint.Expr
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		exprs = append(exprs, commentConstraints(cg)...)
	}
	tags := nameTags(filepath.Base(filename))
	if importsC(f) {
		tags = append(tags, "cgo")
	}
	for _, tag := range tags {
		if !slices.ContainsFunc(exprs, func(x constraint.Expr) bool { return x.String() == tag }) {
			exprs = append(exprs, &constraint.TagExpr{Tag: tag})
		}
	}
	if len(exprs) == 0 {
		return ""
	}
	all := exprs[0]
	for _, x := range exprs[1:] {
		all = &constraint.AndExpr{X: all, Y: x}
	}
	return all.String()
}

// commentConstraints parses the build lines of a comment group; a
// //go:build line wins over // +build lines, as for the go command.
func commentConstraints(cg *ast.CommentGroup) []constraint.Expr {
	var goBuild, plusBuild []constraint.Expr
	for _, c := range cg.List {
		x, err := constraint.Parse(c.Text)
		switch {
		case err != nil:
		case constraint.IsGoBuild(c.Text):
			goBuild = append(goBuild, x)
		default:
			plusBuild = append(plusBuild, x)
		}
	}
	if len(goBuild) > 0 {
		return goBuild
	}
	return plusBuild
}

// knownOS and knownArch are the values of GOOS and GOARCH that a file name
// suffix constrains (x_linux.go, x_linux_amd64.go, x_arm64.go).
var (
	knownOS = strings.Fields(`aix android darwin dragonfly freebsd hurd illumos ios js
		linux nacl netbsd openbsd plan9 solaris wasip1 windows zos`)
	knownArch = strings.Fields(`386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips
		mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64
		s390 s390x sparc sparc64 wasm`)
)

// nameTags returns the GOOS and GOARCH tags implied by a file name.
func nameTags(name string) []string {
	parts := strings.Split(strings.TrimSuffix(name, ".go"), "_")
	if len(parts) > 0 && parts[len(parts)-1] == "test" {
		parts = parts[:len(parts)-1]
	}
	n := len(parts)
	switch {
	case n >= 3 && slices.Contains(knownOS, parts[n-2]) && slices.Contains(knownArch, parts[n-1]):
		return []string{parts[n-2], parts[n-1]}
	case n >= 2 && (slices.Contains(knownOS, parts[n-1]) || slices.Contains(knownArch, parts[n-1])):
		return []string{parts[n-1]}
	}
	return nil
}

// importsC reports whether a file imports "C", which the go command builds
// only when cgo is enabled.
func importsC(f *ast.File) bool {
	for _, spec := range f.Imports {
		if spec.Path.Value == `"C"` {
			return true
		}
	}
	return false
}
