package generator

import (
	"errors"
	"fmt"

	"github.com/gathergen/gathergen/generator/internal/output"
)

// Write brings every changed file on disk up to date, unless r has
// diagnostics: then it writes nothing and returns ErrProblems. It writes all
// new contents to temporary files beside their targets first, and renames
// them over the old files only once every one is written, so that a folder
// that cannot be written (read-only, say) leaves every file as it was.
// Earlier output that no directive asks for any more is removed. It returns
// the files it changed.
func (r *Result) Write() ([]File, error) {
	if len(r.Diagnostics) > 0 {
		return nil, ErrProblems
	}
	var files []File
	for _, f := range r.Files {
		if f.Changed() {
			files = append(files, f)
		}
	}
	tmps := make([]string, len(files))
	defer output.RemoveAll(tmps) // fails harmlessly once renamed
	for i, f := range files {
		tmp, err := output.File(f).Stage()
		if err != nil {
			return nil, fmt.Errorf("writing %s: %w", f.Path, err)
		}
		tmps[i] = tmp
	}
	for i, f := range files {
		if err := output.File(f).Commit(tmps[i]); err != nil {
			return files[:i], fmt.Errorf("writing %s: %w", f.Path, err)
		}
	}
	return files, nil
}

// ErrProblems is returned by Result.Write when Generate found problems.
var ErrProblems = errors.New("gathergen: not writing: the packages have problems")

// Write brings one file on disk up to date, if it changed: it writes New to
// a temporary file in the same folder and renames it over Path, or removes
// Path when New is nil.
func (f File) Write() error {
	return output.File(f).Write()
}
