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
// one shared by every file that holds a directive. Files with different
// constraints are a problem: one generated file cannot keep both.
func (a *analyzer) constraint() string {
	first := map[string]found{}
	var keys []string
	for _, f := range a.found {
		expr := a.constraintOf(f.file)
		if _, ok := first[expr]; !ok {
			first[expr] = f
			keys = append(keys, expr)
		}
	}
	if len(keys) > 1 {
		a.report(first[keys[1]].d.pos, "directives come from files with different build constraints (%s and %s), but one generated file keeps one constraint: move the directives to files with the same constraint", describeConstraint(keys[0]), describeConstraint(keys[1]))
		return ""
	}
	return keys[0]
}

// constraintOf returns the build constraint of the source file that f was
// parsed from. A file that imports "C" reaches the type checker as cgo
// rewrote it, without its import of "C", so the original's header is read
// again.
func (a *analyzer) constraintOf(f *ast.File) string {
	name := a.pkg.Fset.Position(f.Package).Filename
	if a.pkg.Fset.File(f.Pos()).Name() != name {
		const mode = parser.ImportsOnly | parser.ParseComments
		if orig, err := parser.ParseFile(token.NewFileSet(), name, nil, mode); err == nil {
			f = orig
		}
	}
	return fileConstraint(f, name)
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
	for _, tag := range nameTags(filepath.Base(filename)) {
		exprs = append(exprs, &constraint.TagExpr{Tag: tag})
	}
	if importsC(f) {
		exprs = append(exprs, &constraint.TagExpr{Tag: "cgo"})
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
