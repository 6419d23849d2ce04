package output

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// File is the generated file of one package: what is on disk and what should
// be.
type File struct {
	// Path is the file's absolute path.
	Path string
	// Old is the content on disk; nil when there is no file.
	Old []byte
	// New is the content that should be on disk; nil when the file should
	// be removed (earlier output of a package that has no directive left).
	New []byte
}

// Changed reports whether the file on disk differs from what should be there.
func (f File) Changed() bool {
	return !bytes.Equal(f.Old, f.New) || (f.Old == nil) != (f.New == nil)
}

// isFolder reports whether path names a folder.
func isFolder(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// Write brings one file on disk up to date, if it changed: it writes New to
// a temporary file in the same folder and renames it over Path, or removes
// Path when New is nil.
func (f File) Write() error {
	if !f.Changed() {
		return nil
	}
	tmp, err := f.Stage()
	if err != nil {
		return err
	}
	defer RemoveAll([]string{tmp})
	return f.Commit(tmp)
}

// Stage writes New to a temporary file beside Path, with the permissions
// of the file it will replace, and returns its name, or "" when the file is
// to be removed.
func (f File) Stage() (string, error) {
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

// Commit renames a staged file over Path, or removes Path when New is nil.
func (f File) Commit(tmp string) error {
	if f.New != nil {
		return os.Rename(tmp, f.Path)
	}
	err := os.Remove(f.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// RemoveAll removes the named files, ignoring names that are empty.
func RemoveAll(names []string) {
	for _, name := range names {
		if name != "" {
			os.Remove(name)
		}
	}
}
