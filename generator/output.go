package generator

import (
	"errors"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// file renders the model of a package into its File. A package without
// directives gets a File only when its earlier output is to be removed.
func (a *analyzer) file(m *model) (*File, []Diagnostic) {
	if m == nil {
		return a.staleOutput(), nil
	}
	path := filepath.Join(a.dir(), a.l.output)
	old, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		old = nil
	case isFolder(path):
		return nil, []Diagnostic{{
			Pos:     token.Position{Filename: path},
			Message: "a folder has the output's name: rename or remove it, or name the output otherwise with -output",
		}}
	case err != nil:
		return nil, a.fail(err.Error())
	case !isOwnOutput(old):
		return nil, []Diagnostic{{
			Pos:     token.Position{Filename: path, Line: 1, Column: 1},
			Message: a.l.output + " was not written by gathergen: rename it, or name the output otherwise with -output",
		}}
	}
	src, err := emit(m)
	if err != nil {
		msg, _, _ := strings.Cut(err.Error(), "\n")
		return nil, a.fail("internal error: generated code does not format: " + msg)
	}
	return &File{Path: path, Old: old, New: src}, nil
}

// fail returns a diagnostic for the whole package.
func (a *analyzer) fail(msg string) []Diagnostic {
	return []Diagnostic{{Pos: positionOf(a.pkg.PkgPath), Message: msg}}
}

// staleOutput returns the removal of earlier output that no directive asks
// for any more, or nil.
func (a *analyzer) staleOutput() *File {
	name := a.l.skippedOutput(a.pkg)
	if name == "" {
		return nil
	}
	old, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	return &File{Path: name, Old: old}
}

// positionOf is the position of a problem of a whole package: its path.
func positionOf(pkgPath string) token.Position {
	return token.Position{Filename: pkgPath}
}

// isFolder reports whether path names a folder.
func isFolder(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
