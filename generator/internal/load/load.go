package load

import (
	"errors"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/gathergen/gathergen/generator/internal/model"
	"golang.org/x/tools/go/packages"
)

// loadMode asks for the syntax and types of the named packages only: their
// dependencies come from export data.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
	packages.NeedTypes | packages.NeedTypesInfo | packages.NeedModule

// Loader loads packages while leaving gathergen's earlier output out, so that
// a stale generated file never blocks its own regeneration.
type Loader struct {
	// Output and ActivityOutput name the files gathergen writes.
	Output, ActivityOutput string
	// Build is the configuration that the packages are loaded for, for
	// the files that the load leaves out (the _test.go files).
	Build build.Context
	mu    sync.Mutex
	// skipped holds the files that were earlier output, by absolute path.
	skipped map[string]bool
	// foreign holds those among them whose names are neither output's:
	// written with another -output or -activity-output.
	foreign map[string]bool
	// names holds, by folder, the package name of the source file whose
	// name sorts first.
	names map[string]source
	// std maps the standard library's package names to their paths,
	// once StdNamed first needs it.
	std     map[string][]string
	stdOnce sync.Once
}

// source is a file and the name in its package clause.
type source struct {
	file, pkg string
}

// Load runs one packages.Load for all patterns. When the go command refuses
// earlier output (its package clause is from before the package was
// renamed, or its imports no longer parse), a second load sees that output
// as a stub with the current package name.
func (l *Loader) Load(cfg Config) ([]*packages.Package, error) {
	pkgs, err := l.loadWith(cfg, nil)
	if err != nil {
		return nil, err
	}
	if overlay := l.brokenOutputs(pkgs); len(overlay) > 0 {
		return l.loadWith(cfg, overlay)
	}
	return pkgs, nil
}

// loadWith runs packages.Load with an overlay.
func (l *Loader) loadWith(cfg Config, overlay map[string][]byte) ([]*packages.Package, error) {
	l.skipped = map[string]bool{}
	l.foreign = map[string]bool{}
	l.names = map[string]source{}
	pc := &packages.Config{
		Mode:      loadMode,
		Dir:       cfg.Dir,
		Env:       cfg.Env,
		ParseFile: l.parseFile,
		Overlay:   overlay,
	}
	if len(cfg.Tags) > 0 {
		pc.BuildFlags = []string{"-tags=" + strings.Join(cfg.Tags, ",")}
	}
	return packages.Load(pc, cfg.LoadPatterns()...)
}

// parseFile parses a file for packages.Load; earlier output of gathergen is
// reduced to its package clause, and the bodies of other files' functions
// to stand-ins (see standInBodies).
func (l *Loader) parseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	if model.IsOwnOutput(src) {
		l.mu.Lock()
		l.skipped[filename] = true
		l.foreign[filename] = !l.isOutputName(filepath.Base(filename))
		l.mu.Unlock()
		return parser.ParseFile(fset, filename, src, parser.PackageClauseOnly)
	}
	const mode = parser.AllErrors | parser.ParseComments | parser.SkipObjectResolution
	f, err := parser.ParseFile(fset, filename, src, mode)
	if f != nil && f.Name != nil {
		l.noteSource(filename, f.Name.Name)
	}
	if f != nil {
		standInBodies(f)
	}
	return f, err
}

// standInBodies replaces the body of every function declared in f by
// "{ for {} }", between the same braces, so that the type checker checks
// signatures only, which is all that the generator needs. The loop ends
// no statement and names nothing, so the stand-in never makes an error of
// its own (no missing return, unlike an empty body; no missing body of
// init or of a generic function, unlike none). What goes with the bodies:
// type errors inside them, which the compiler reports, and the uses of
// imports that only bodies make, whose unused-import errors typeErrors
// drops. Functions without a body (implemented in assembly) keep none.
// Directives inside a body are still found, in the file's comments, and
// still placed inside it.
func standInBodies(f *ast.File) {
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		lbrace := fd.Body.Lbrace
		loop := &ast.ForStmt{For: lbrace, Body: &ast.BlockStmt{Lbrace: lbrace, Rbrace: lbrace}}
		fd.Body = &ast.BlockStmt{Lbrace: lbrace, List: []ast.Stmt{loop}, Rbrace: fd.Body.Rbrace}
	}
}

// noteSource records the package name of a source file, if its name sorts
// first in its folder.
func (l *Loader) noteSource(filename, pkg string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	dir := filepath.Dir(filename)
	if prev, ok := l.names[dir]; !ok || filename < prev.file {
		l.names[dir] = source{file: filename, pkg: pkg}
	}
}

// brokenOutputs returns an overlay that replaces with a stub (the header and
// the package name of the folder's first source file) each earlier output
// that the go command complained about, and each output path that is a
// symbolic link to nothing, which the go command cannot open: the output
// replaces the link.
func (l *Loader) brokenOutputs(pkgs []*packages.Package) map[string][]byte {
	overlay := map[string][]byte{}
	for _, pkg := range pkgs {
		for _, output := range []string{l.Output, l.ActivityOutput} {
			if !l.blamed(pkg, output) {
				continue
			}
			for _, out := range append(l.skippedOutputs(pkg, output), danglingOutput(pkg, output)) {
				if src, known := l.names[filepath.Dir(out)]; out != "" && known {
					overlay[out] = []byte(model.Header + "\n\npackage " + src.pkg + "\n")
				}
			}
		}
	}
	return overlay
}

// isOutputName reports whether a file name is one that either output may
// take (see the function IsOutputName).
func (l *Loader) isOutputName(base string) bool {
	return model.IsOutputName(base, l.Output) || model.IsOutputName(base, l.ActivityOutput)
}

// danglingOutput returns the output path in the folder of a package's first
// file when it is a symbolic link to nothing, or "".
func danglingOutput(pkg *packages.Package, output string) string {
	if len(pkg.GoFiles) == 0 {
		return ""
	}
	path := filepath.Join(filepath.Dir(pkg.GoFiles[0]), output)
	if info, err := os.Lstat(path); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return ""
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return path
	}
	return ""
}

// skippedOutputs returns the earlier outputs of the name output (one per
// constraint) among a package's files.
func (l *Loader) skippedOutputs(pkg *packages.Package, output string) []string {
	var outs []string
	for _, name := range pkg.GoFiles {
		if model.IsOutputName(filepath.Base(name), output) && l.WasSkipped(name) {
			outs = append(outs, name)
		}
	}
	return outs
}

// blamed reports whether the go command complained about a package's
// output file of the name output: at a position in it ("no required
// module provides package" for an import of an activity file, say), or
// naming it ("found packages renamed (a.go) and old (gather_gen.go)",
// "open .../gather_gen.go: no such file or directory").
func (l *Loader) blamed(pkg *packages.Package, output string) bool {
	for _, e := range pkg.Errors {
		if e.Kind == packages.ListError &&
			(model.IsOutputName(filepath.Base(model.ParsePos(e.Pos).Filename), output) || strings.Contains(e.Msg, "("+output+")") ||
				strings.Contains(e.Msg, string(filepath.Separator)+output+":")) {
			return true
		}
	}
	return false
}

// IsForeign reports whether filename was left out of the load as earlier
// output under another name than the output's.
func (l *Loader) IsForeign(filename string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.foreign[filename]
}

// WasSkipped reports whether filename was left out of the load as earlier
// output.
func (l *Loader) WasSkipped(filename string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.skipped[filename]
}
