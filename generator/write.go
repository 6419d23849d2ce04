package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
	defer removeAll(tmps) // fails harmlessly once renamed
	for i, f := range files {
		tmp, err := f.stage()
		if err != nil {
			return nil, fmt.Errorf("writing %s: %w", f.Path, err)
		}
		tmps[i] = tmp
	}
	for i, f := range files {
		if err := f.commit(tmps[i]); err != nil {
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
	if !f.Changed() {
		return nil
	}
	tmp, err := f.stage()
	if err != nil {
		return err
	}
	defer removeAll([]string{tmp})
	return f.commit(tmp)
}

// stage writes New to a temporary file beside Path, with the permissions
// of the file it will replace, and returns its name, or "" when the file is
// to be removed.
func (f File) stage() (string, error) {
	if f.New == nil {
		return "", nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.Path), "."+filepath.Base(f.Path)+".*.tmp")
	if err != nil {
		return "", err
	}
	_, err = tmp.Write(f.New)
	if err == nil {
		err = tmp.Chmod(f.mode())
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// mode returns the permissions of the file on disk, which a rewrite keeps,
// or 0644 for a new file.
func (f File) mode() fs.FileMode {
	if info, err := os.Stat(f.Path); err == nil && info.Mode().IsRegular() {
		return info.Mode().Perm()
	}
	return 0o644
}

// commit renames a staged file over Path, or removes Path when New is nil.
func (f File) commit(tmp string) error {
	if f.New != nil {
		return os.Rename(tmp, f.Path)
	}
	err := os.Remove(f.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// removeAll removes the named files, ignoring names that are empty.
func removeAll(names []string) {
	for _, name := range names {
		if name != "" {
			os.Remove(name)
		}
	}
}
