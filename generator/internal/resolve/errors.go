package resolve

import (
	"fmt"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/goname"
	"github.com/gathergen/gathergen/generator/internal/model"
	"golang.org/x/tools/go/packages"
)

// foreignOutput reports earlier output of gathergen under another name than
// the outputs': it would declare what the new output declares.
func foreignOutput(a *Analyzer) {
	for _, name := range a.Pkg.GoFiles {
		if a.l.IsForeign(name) {
			base := filepath.Base(name)
			a.Diags = append(a.Diags, model.Diagnostic{
				Pos:     token.Position{Filename: name, Line: 1, Column: 1},
				Message: fmt.Sprintf("%s holds gathergen's output under another name than %s and %s: remove it, or pass -output %s (-activity-output for an activity file)", base, a.l.Output, a.l.ActivityOutput, base),
			})
		}
	}
}

// SuspectImports returns the import paths that the package's type errors
// about undefined names may come from: the package named by "undefined:
// q.F", and every imported package outside the standard library of a file
// with "x.M undefined (type T has no field or method M)".
func SuspectImports(a *Analyzer) []string {
	var paths []string
	for _, e := range a.Pkg.Errors {
		if e.Kind != packages.TypeError {
			continue
		}
		qual := ""
		if name, ok := strings.CutPrefix(e.Msg, "undefined: "); ok {
			qual, _, _ = directive.SplitQualified(name)
		}
		method := strings.Contains(e.Msg, "has no field or method ")
		if qual != "" || method {
			paths = append(paths, importsOf(a, model.ParsePos(e.Pos).Filename, qual, method)...)
		}
	}
	return paths
}

// importsOf returns the import paths of a file of the package: the one it
// imports as qual, and, when all is set, every one outside the standard
// library.
func importsOf(a *Analyzer, filename, qual string, all bool) []string {
	var paths []string
	for _, f := range a.Pkg.Syntax {
		if a.Pkg.TypesInfo == nil || a.Pkg.Fset.Position(f.Package).Filename != filename {
			continue
		}
		for _, spec := range f.Imports {
			pn := a.Pkg.TypesInfo.PkgNameOf(spec)
			if pn != nil && (pn.Name() == qual || all && !goname.IsStd(pn.Imported().Path())) {
				paths = append(paths, pn.Imported().Path())
			}
		}
	}
	return paths
}

// typeErrors reports the package's own errors, except those in earlier
// output, those that mention a name gathergen is about to generate and
// unused imports (function bodies, which may use them, are not checked). It
// reports whether any remained.
func typeErrors(a *Analyzer) bool {
	n := len(a.Diags)
	for _, e := range a.Pkg.Errors {
		pos := model.ParsePos(e.Pos)
		if a.l.WasSkipped(pos.Filename) || missingCandidate(a, e.Msg) || isCompilerOutput(e) || isUnusedImport(e) {
			continue
		}
		if pos.Filename == "" {
			pos.Filename = a.Pkg.PkgPath
		}
		a.Diags = append(a.Diags, model.Diagnostic{Pos: pos, Message: e.Msg})
	}
	return len(a.Diags) > n || hasListErrors(a.Pkg)
}

// excludedHere reports whether e says that the run's configuration leaves
// every file of the package out, when other configurations check those
// that hold directives.
func excludedHere(a *Analyzer, e packages.Error) bool {
	return a.HasOthers && strings.Contains(e.Msg, "build constraints exclude all Go files")
}

// listErrors reports, for a package in which no directive was found, the
// errors of a package that the go command could not list (a pattern that
// matches no folder, a missing module) and its syntax errors, which may hide
// directives: its earlier output must then not be removed as if none were
// left.
func listErrors(a *Analyzer) {
	for _, e := range a.Pkg.Errors {
		pos := model.ParsePos(e.Pos)
		syntax := e.Kind == packages.ParseError && !a.l.WasSkipped(pos.Filename)
		if syntax || e.Kind == packages.ListError && !isCompilerOutput(e) && !excludedHere(a, e) {
			if pos.Filename == "" {
				pos.Filename = a.Pkg.PkgPath
			}
			a.Diags = append(a.Diags, model.Diagnostic{Pos: pos, Message: listMessage(e.Msg)})
		}
	}
}

// listMessage puts on one line a message of the go command about a package
// it could not list ("no required module provides package example.com/x;
// to add it:\n\tgo get example.com/x"), and says what to do about a folder
// that does not exist.
func listMessage(msg string) string {
	if path, ok := strings.CutSuffix(msg, ": directory not found"); ok {
		path = strings.TrimPrefix(path, "stat ")
		return "no folder " + path + ": name an existing package folder (./dir, ./...) or an import path"
	}
	return strings.Join(strings.Fields(msg), " ")
}

// isCompilerOutput reports whether e is the compiler's output for the
// package, which the go command reports when it builds export data: the
// type checker reports the same problems with their positions, and those in
// earlier output must not count.
func isCompilerOutput(e packages.Error) bool {
	return e.Kind == packages.ListError && e.Pos == "" && strings.HasPrefix(e.Msg, "# ")
}

// isUnusedImport reports whether e is the type checker's error for an
// import that no code uses ("\"strings\" imported and not used", "\"x/y\"
// imported as z and not used"): function bodies are not checked (see
// standInBodies), so an import that only they use looks unused; the
// compiler reports those that are.
func isUnusedImport(e packages.Error) bool {
	rest, ok := strings.CutSuffix(e.Msg, " and not used")
	if e.Kind != packages.TypeError || !ok {
		return false
	}
	path, err := strconv.QuotedPrefix(rest)
	if err != nil {
		return false
	}
	rest = rest[len(path):]
	name, renamed := strings.CutPrefix(rest, " imported as ")
	return rest == " imported" || renamed && token.IsIdentifier(name)
}

// hasListErrors reports whether the go command could not list the package.
func hasListErrors(pkg *packages.Package) bool {
	for _, e := range pkg.Errors {
		if e.Kind == packages.ListError && !isCompilerOutput(e) {
			return true
		}
	}
	return false
}

// missingCandidate reports whether msg says that a declaration gathergen
// will generate is missing: "undefined: FAsync", "undefined: other.FAsync"
// (a loaded package's), or "t.MAsync undefined (type T has no field or
// method MAsync)". Other errors that merely name one (a local variable of a
// group's name declared and not used) count.
func missingCandidate(a *Analyzer, msg string) bool {
	if name, ok := strings.CutPrefix(msg, "undefined: "); ok {
		if qual, name, ok := directive.SplitQualified(name); ok {
			return importedCandidate(a, qual, name)
		}
		return a.Scan.Candidates[name]
	}
	const method = "has no field or method "
	if i := strings.Index(msg, method); i >= 0 {
		words := strings.FieldsFunc(msg[i+len(method):], func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
		})
		return len(words) > 0 && anyCandidate(a, words[0])
	}
	return false
}

// importedCandidate reports whether a loaded package that a file of this
// package imports as qual will generate name.
func importedCandidate(a *Analyzer, qual, name string) bool {
	if a.Pkg.TypesInfo == nil {
		return false
	}
	for _, f := range a.Pkg.Syntax {
		for _, spec := range f.Imports {
			if pn := a.Pkg.TypesInfo.PkgNameOf(spec); pn != nil && pn.Name() == qual && a.Loaded[pn.Imported().Path()][name] {
				return true
			}
		}
	}
	return false
}

// anyCandidate reports whether this package or another loaded one will
// generate name (a method's wrapper, whose receiver may be of either).
func anyCandidate(a *Analyzer, name string) bool {
	for _, names := range a.Loaded {
		if names[name] {
			return true
		}
	}
	return a.Scan.Candidates[name]
}
