package buildcfg

import (
	"go/ast"
	"go/build"
	"go/build/constraint"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// SameConstraint reports whether two constraints hold in the same
// configurations of a module whose go directive says goVersion ("1.26"),
// by trying every assignment of their tags (or, past twelve tags, by
// comparing their spelling). Release tags up to the module's version hold
// in every toolchain that builds the module.
func SameConstraint(a, b, goVersion string) bool {
	if a == b {
		return true
	}
	x, y := ParseConstraint(a), ParseConstraint(b)
	return allAssignments(goVersion, func(holds func(string) bool) bool {
		return evalConstraint(x, holds) == evalConstraint(y, holds)
	}, x, y)
}

// AlwaysTrue reports whether a constraint holds in every configuration of
// a module whose go directive says goVersion: //go:build go1.13 in a go
// 1.26 module, which is then treated as none.
func AlwaysTrue(expr, goVersion string) bool {
	x := ParseConstraint(expr)
	return x == nil || allAssignments(goVersion, func(holds func(string) bool) bool {
		return evalConstraint(x, holds)
	}, x)
}

// allAssignments reports whether ok holds for every assignment of the tags
// of xs, release tags up to goVersion holding always; false past twelve
// free tags.
func allAssignments(goVersion string, ok func(holds func(string) bool) bool, xs ...constraint.Expr) bool {
	tags := map[string]int{}
	note := func(tag string) bool {
		if _, seen := tags[tag]; !seen && !releasedBy(tag, goVersion) {
			tags[tag] = len(tags)
		}
		return false
	}
	for _, x := range xs {
		evalConstraint(x, note)
	}
	if len(tags) > 12 {
		return false
	}
	for bits := range 1 << len(tags) {
		holds := func(tag string) bool {
			i, free := tags[tag]
			return !free || bits&(1<<i) != 0
		}
		if !ok(holds) {
			return false
		}
	}
	return true
}

// releasedBy reports whether tag is a release tag (go1.N) that a module
// whose go directive says goVersion ("1.26", "1.22.3") always satisfies.
func releasedBy(tag, goVersion string) bool {
	if !isReleaseTag(tag) {
		return false
	}
	want, _ := strconv.Atoi(strings.TrimPrefix(tag, "go1."))
	have, ok := strings.CutPrefix(goVersion, "1.")
	minor, _, _ := strings.Cut(have, ".")
	n, err := strconv.Atoi(minor)
	return ok && err == nil && want <= n
}

// buildDefaultReleaseTags returns the release tags of the toolchain that
// gathergen was built with, which stands for the one that loads.
func buildDefaultReleaseTags() []string {
	return build.Default.ReleaseTags
}

// ParseConstraint parses a constraint that FileConstraint wrote; nil for
// none.
func ParseConstraint(expr string) constraint.Expr {
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

// DescribeConstraint quotes a constraint for a message.
func DescribeConstraint(expr string) string {
	if expr == "" {
		return "none"
	}
	return "//go:build " + expr
}

// FileConstraint returns a file's build constraint: its //go:build line
// (or // +build lines), the GOOS and GOARCH of its name and, for a file that
// imports "C", cgo, joined by &&.
func FileConstraint(f *ast.File, filename string) string {
	var exprs []constraint.Expr
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		exprs = append(exprs, commentConstraints(cg)...)
	}
	tags := NameTags(filepath.Base(filename))
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

// NameTags returns the GOOS and GOARCH tags implied by a file name: by its
// part before the first dot, as the go command reads it.
func NameTags(name string) []string {
	name, _, _ = strings.Cut(name, ".")
	parts := strings.Split(name, "_")
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

// AndConstraint joins two constraints with &&; "" is none.
func AndConstraint(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return (&constraint.AndExpr{X: ParseConstraint(a), Y: ParseConstraint(b)}).String()
}
