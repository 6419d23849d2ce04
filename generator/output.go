package generator

import (
	"errors"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// outputFile is one of the files that a package's model renders into.
type outputFile struct {
	name string
	// flag is the command's flag that names the file otherwise.
	flag string
	// has reports whether the model declares anything in the file.
	has  func(m *model) bool
	emit func(m *model) ([]byte, error)
}

// outputFiles lists the files of a package: the gather file for async
// wrappers and their groups, the activity file for activities and theirs.
func (a *analyzer) outputFiles() []outputFile {
	return []outputFile{
		{a.l.output, "-output", func(m *model) bool { return len(m.wrappers)+len(m.groups) > 0 }, emit},
		{a.l.activityOutput, "-activity-output", func(m *model) bool { return len(m.activities) > 0 }, emitActivities},
	}
}

// files renders the model of a package into its Files. A file that the
// model (nil without directives) declares nothing in is there only when
// its earlier output is to be removed.
func (a *analyzer) files(m *model) ([]File, []Diagnostic) {
	var files []File
	for _, out := range a.outputFiles() {
		f, diags := a.file(m, out)
		if len(diags) > 0 {
			return nil, diags
		}
		if f != nil {
			files = append(files, *f)
		}
	}
	return files, nil
}

// file renders the model of a package into one of its files.
func (a *analyzer) file(m *model, out outputFile) (*File, []Diagnostic) {
	if m == nil || !out.has(m) {
		return a.staleOutput(out.name), nil
	}
	path := filepath.Join(a.dir(), out.name)
	old, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		old = nil
	case err != nil:
		return nil, a.fail(err.Error())
	case !isOwnOutput(old):
		return nil, []Diagnostic{{
			Pos:     token.Position{Filename: path, Line: 1, Column: 1},
			Message: out.name + " was not written by gathergen: rename it, or name the output otherwise with " + out.flag,
		}}
	}
	src, err := out.emit(m)
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

// staleOutput returns the removal of earlier output under the name output
// that no directive asks for any more, or nil.
func (a *analyzer) staleOutput(output string) *File {
	name := a.l.skippedOutput(a.pkg, output)
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
