package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
	modzip "golang.org/x/mod/zip"
)

// A release module is one module of the repository that is released.
type releaseModule struct {
	// Path is the module path.
	Path string
	// Dir is the module's folder, slash-separated and relative to the
	// repository root; "" for the root.
	Dir string
}

// rootModule is the path of the module at the repository root, which the
// other released modules require.
const rootModule = "github.com/gathergen/gathergen"

// released are the modules that a release tags together.
var released = []releaseModule{
	{Path: rootModule, Dir: ""},
	{Path: rootModule + "/otel", Dir: "otel"},
	{Path: rootModule + "/temporal", Dir: "temporal"},
}

// license is the name of the licence file that every module's zip holds.
const license = "LICENSE"

// listFiles returns the files of the git work tree at repo that a commit
// would hold: tracked files and untracked ones that .gitignore does not
// exclude, as slash-separated paths relative to repo. Tracked files that
// were deleted from the work tree are left out.
func listFiles(repo string) ([]string, error) {
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = repo
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("listing the files of %s: git ls-files: %v\n%s", repo, err, stderr.Bytes())
	}
	var files []string
	seen := make(map[string]bool)
	for name := range strings.SplitSeq(string(out), "\x00") {
		if name == "" || seen[name] {
			continue
		}
		seen[name] = true
		if _, err := os.Lstat(filepath.Join(repo, filepath.FromSlash(name))); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		files = append(files, name)
	}
	return files, nil
}

// buildProxy writes, under out, a module proxy in the layout of the GOPROXY
// protocol that serves each module of mods at version: @v/list, .info,
// .mod and .zip. files are the repository's files (see listFiles), taken
// from repo. A module without a licence of its own gets the repository
// root's in its zip, as the go command does when it zips a module from a
// repository. buildProxy returns the paths of the zips it wrote.
func buildProxy(repo string, files []string, mods []releaseModule, version string, when time.Time, out string) ([]string, error) {
	if !isReleaseVersion(version) {
		return nil, fmt.Errorf("version %q is not a release version such as v0.1.0 (canonical, v0 or v1)", version)
	}
	var zips []string
	for _, m := range mods {
		z, err := writeModule(repo, files, m, version, when, out)
		if err != nil {
			return nil, fmt.Errorf("module %s: %w", m.Path, err)
		}
		zips = append(zips, z)
	}
	return zips, nil
}

// writeModule writes the proxy's files of one module and returns its zip.
func writeModule(repo string, files []string, m releaseModule, version string, when time.Time, out string) (string, error) {
	goMod, err := os.ReadFile(filepath.Join(repo, filepath.FromSlash(path.Join(m.Dir, "go.mod"))))
	if err != nil {
		return "", err
	}
	if got := modfile.ModulePath(goMod); got != m.Path {
		return "", fmt.Errorf("%s declares module %q", path.Join(m.Dir, "go.mod"), got)
	}
	escPath, err := module.EscapePath(m.Path)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(out, filepath.FromSlash(escPath), "@v")
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return "", err
	}
	info, err := json.Marshal(struct {
		Version string
		Time    time.Time
	}{version, when.UTC()})
	if err != nil {
		return "", err
	}
	base := filepath.Join(dir, version)
	for name, data := range map[string][]byte{
		filepath.Join(dir, "list"): []byte(version + "\n"),
		base + ".info":             info,
		base + ".mod":              goMod,
	} {
		if err := os.WriteFile(name, data, 0o666); err != nil {
			return "", err
		}
	}
	zipFiles := moduleFiles(repo, files, m.Dir)
	var buf bytes.Buffer
	if err := modzip.Create(&buf, module.Version{Path: m.Path, Version: version}, zipFiles); err != nil {
		return "", err
	}
	if err := os.WriteFile(base+".zip", buf.Bytes(), 0o666); err != nil {
		return "", err
	}
	return base + ".zip", nil
}

// moduleFiles returns the files under the folder dir of the repository
// (all of them for the root: the zip leaves out those of nested modules),
// named relative to dir, and the root's licence when dir has none.
func moduleFiles(repo string, files []string, dir string) []modzip.File {
	prefix := ""
	if dir != "" {
		prefix = dir + "/"
	}
	var out []modzip.File
	hasLicense := false
	for _, name := range files {
		rel, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		hasLicense = hasLicense || rel == license
		out = append(out, repoFile{rel: rel, abs: filepath.Join(repo, filepath.FromSlash(name))})
	}
	if !hasLicense && dir != "" {
		for _, name := range files {
			if name == license {
				out = append(out, repoFile{rel: license, abs: filepath.Join(repo, license)})
			}
		}
	}
	return out
}

// A repoFile is a file of the work tree as a zip entry.
type repoFile struct {
	rel, abs string
}

// Path returns the file's path in the module.
func (f repoFile) Path() string { return f.rel }

// Lstat describes the file in the work tree.
func (f repoFile) Lstat() (fs.FileInfo, error) { return os.Lstat(f.abs) }

// Open opens the file in the work tree.
func (f repoFile) Open() (io.ReadCloser, error) { return os.Open(f.abs) }

// checkLicense reports an error unless the zip at name of module m holds
// a licence file at the module's root.
func checkLicense(name string, m module.Version) error {
	r, err := zip.OpenReader(name)
	if err != nil {
		return err
	}
	defer r.Close()
	want := m.Path + "@" + m.Version + "/" + license
	for _, f := range r.File {
		if f.Name == want {
			return nil
		}
	}
	return fmt.Errorf("the zip of %s@%s holds no %s", m.Path, m.Version, license)
}

// isReleaseVersion reports whether v is a canonical semantic version of
// major version 0 or 1 (the module paths carry no /vN suffix) without a
// build suffix: what a tag of the released modules can be.
func isReleaseVersion(v string) bool {
	major := semver.Major(v)
	return semver.Canonical(v) == v && (major == "v0" || major == "v1")
}
