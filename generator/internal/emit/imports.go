package emit

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/gathergen/gathergen/generator/internal/goname"
)

// importName is how a generated file names an imported package: the local
// name that its code uses, and the name in the package's clause.
type importName struct {
	local, pkg string
}

// groupImports rewrites the imports that jennifer rendered in src (a
// package clause, its imports, and maybe declarations) as goimports writes
// them: the standard library's first, then a blank line and the others,
// each group sorted by path, with a local name only where the one that the
// code uses differs from the name that goimports assumes from the path.
// names holds the local and package name of each path. src comes back as
// it is when it does not parse, for format.Source to report.
func groupImports(src []byte, names map[string]importName) []byte {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly)
	if err != nil || len(f.Imports) == 0 {
		return src
	}
	var std, other []string
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			return src
		}
		if goname.IsStd(p) {
			std = append(std, p)
		} else {
			other = append(other, p)
		}
	}
	slices.Sort(std)
	slices.Sort(other)
	var block bytes.Buffer
	block.WriteString("import (\n")
	for i, group := range [][]string{std, other} {
		if i > 0 && len(std) > 0 && len(other) > 0 {
			block.WriteString("\n")
		}
		for _, p := range group {
			block.WriteString("\t" + importSpec(p, names[p]) + "\n")
		}
	}
	block.WriteString(")")
	first, last := f.Decls[0], f.Decls[len(f.Decls)-1]
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			last = d
		}
	}
	start, end := int(first.Pos())-1, int(last.End())-1
	return slices.Concat(src[:start], block.Bytes(), src[end:])
}

// importSpec writes the import of path: quoted, after the local name where
// goimports would not assume it.
func importSpec(path string, name importName) string {
	quoted := strconv.Quote(path)
	if name.local == "" || name.local == name.pkg && name.pkg == assumedName(path) {
		return quoted
	}
	return name.local + " " + quoted
}

// assumedName is the package name that goimports assumes from an import
// path: its last element, or the one before a major version suffix (v2),
// without a go- prefix, up to its first character that cannot be in an
// identifier.
func assumedName(importPath string) string {
	base := path.Base(importPath)
	if n, ok := strings.CutPrefix(base, "v"); ok && path.Dir(importPath) != "." {
		if _, err := strconv.Atoi(n); err == nil {
			base = path.Base(path.Dir(importPath))
		}
	}
	base = strings.TrimPrefix(base, "go-")
	if i := strings.IndexFunc(base, func(r rune) bool { return r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) }); i >= 0 {
		base = base[:i]
	}
	return base
}
