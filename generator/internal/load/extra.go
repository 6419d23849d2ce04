package load

import (
	"go/types"
	"maps"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Directives may name packages that no file of the package imports
// (//gathergen:async errors.Join, net/http.Get): an import that only a
// directive used would be unused, which the compiler refuses and editors
// delete. After the load of the named packages, Extra loads those
// packages alone, from export data, in one more packages.Load, and only
// when some directive needs one: a package whose directives name imported
// packages only costs nothing more.

// extraMode asks for the types of the extra packages only, which come from
// export data.
const extraMode = packages.NeedName | packages.NeedTypes

// Extra loads, in one packages.Load, the packages of paths (those that
// directives name but that their packages do not import), from export
// data, and returns those that loaded without errors, by path; none
// without a load when paths is empty. A path that fails fails alone: when
// some did not load, each of those is loaded again on its own, since the
// go command may refuse a whole list for one path that no module provides
// (example.com/nope/x beside errors).
func Extra(cfg Config, paths []string) (map[string]*types.Package, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	extra, err := loadTypes(cfg, paths)
	if err != nil && len(paths) == 1 {
		return nil, err
	}
	if len(extra) == len(paths) || len(paths) == 1 {
		return extra, nil
	}
	if extra == nil {
		extra = map[string]*types.Package{}
	}
	for _, path := range paths {
		if extra[path] != nil {
			continue
		}
		alone, err := loadTypes(cfg, []string{path})
		if err != nil {
			return nil, err
		}
		maps.Copy(extra, alone)
	}
	return extra, nil
}

// loadTypes loads the packages of paths in one packages.Load and returns
// those that loaded without errors, by path.
func loadTypes(cfg Config, paths []string) (map[string]*types.Package, error) {
	pc := &packages.Config{Mode: extraMode, Dir: cfg.Dir, Env: cfg.Env}
	if len(cfg.Tags) > 0 {
		pc.BuildFlags = []string{"-tags=" + strings.Join(cfg.Tags, ",")}
	}
	pkgs, err := packages.Load(pc, paths...)
	if err != nil {
		return nil, err
	}
	extra := map[string]*types.Package{}
	for _, pkg := range pkgs {
		if pkg.Types != nil && len(pkg.Errors) == 0 {
			extra[pkg.PkgPath] = pkg.Types
		}
	}
	return extra, nil
}

// Names loads the names and files of the packages of paths, no more: a
// package that a loaded one imports, whose directives are read from syntax
// alone. It loads nothing when paths is empty.
func Names(cfg Config, paths []string) ([]*packages.Package, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	pc := &packages.Config{Mode: packages.NeedName | packages.NeedFiles, Dir: cfg.Dir, Env: cfg.Env}
	if len(cfg.Tags) > 0 {
		pc.BuildFlags = []string{"-tags=" + strings.Join(cfg.Tags, ",")}
	}
	return packages.Load(pc, paths...)
}
