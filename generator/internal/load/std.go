package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/gathergen/gathergen/generator/internal/goname"
)

// IsStdPackage reports whether path is a package of the standard library:
// a folder below GOROOT's src. A path whose first element has no dot may
// name a package of a module too ("mymod/sub", of package other), whose
// name cannot be told from its path. Without a GOROOT it reports false,
// and the name is not guessed.
func (l *Loader) IsStdPackage(path string) bool {
	if !goname.IsStd(path) || l.Build.GOROOT == "" {
		return false
	}
	fi, err := os.Stat(filepath.Join(l.Build.GOROOT, "src", filepath.FromSlash(path)))
	return err == nil && fi.IsDir()
}

// IsMajorVersion reports whether a path element is a major version suffix:
// v2, v3, ...
func IsMajorVersion(elem string) bool {
	n, err := strconv.Atoi(strings.TrimPrefix(elem, "v"))
	return strings.HasPrefix(elem, "v") && err == nil && n >= 2
}

// StdNamed returns the import paths of the standard library's packages
// whose name is name (math/rand/v2 is rand), sorted; none without a
// GOROOT. The standard library is read once, when first needed.
func (l *Loader) StdNamed(name string) []string {
	l.stdOnce.Do(func() { l.std = stdPackages(l.Build.GOROOT) })
	return l.std[name]
}

// stdPackages maps each package name of the standard library under goroot
// to the import paths of its packages that code outside it may import (not
// internal, vendor or cmd), by the last element of their path.
func stdPackages(goroot string) map[string][]string {
	byName := map[string][]string{}
	if goroot == "" {
		return byName
	}
	src := filepath.Join(goroot, "src")
	filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(src, path)
		rel = filepath.ToSlash(rel)
		switch base := d.Name(); {
		case rel == ".":
			return nil
		case base == "internal" || base == "vendor" || base == "testdata" || rel == "cmd" || rel == "builtin" ||
			strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_"):
			return filepath.SkipDir
		}
		if hasGoFiles(path) {
			name := filepath.Base(rel)
			if dir := filepath.Dir(rel); dir != "." && IsMajorVersion(name) {
				name = filepath.Base(dir)
			}
			byName[name] = append(byName[name], rel)
		}
		return nil
	})
	for _, paths := range byName {
		slices.Sort(paths)
	}
	return byName
}

// hasGoFiles reports whether a folder holds a Go file other than a test.
func hasGoFiles(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if name := e.Name(); !e.IsDir() && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			return true
		}
	}
	return false
}
