package generator

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Write brings every changed file on disk up to date, unless r has
// diagnostics: then it writes nothing and returns ErrProblems. Each file is
// written to a temporary file in its own folder and renamed over the old
// one, so that a failed write leaves the old file whole. Earlier output that
// no directive asks for any more is removed. It returns the files it
// changed.
func (r *Result) Write() ([]File, error) {
	if len(r.Diagnostics) > 0 {
		return nil, ErrProblems
	}
	var changed []File
	for _, f := range r.Files {
		if !f.Changed() {
			continue
		}
		if err := f.Write(); err != nil {
			return changed, err
		}
		changed = append(changed, f)
	}
	return changed, nil
}

// ErrProblems is returned by Result.Write when Generate found problems.
var ErrProblems = errors.New("gathergen: not writing: the packages have problems")

// Write brings one file on disk up to date, if it changed: it writes New to
// a temporary file in the same folder and renames it over Path, or removes
// Path when New is nil.
func (f File) Write() error {
	if !f.Changed() {
		return nil
	}
	if f.New == nil {
		err := os.Remove(f.Path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.Path), "."+filepath.Base(f.Path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(f.New); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), f.Path)
}
