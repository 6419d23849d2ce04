package buildcfg

import (
	"go/build/constraint"
	"os/exec"
	goruntime "runtime"
	"slices"
	"strings"
)

// Files that the run's configuration (GOOS, GOARCH, cgo and tags) leaves
// out of a package may hold directives too: x_windows.go on Linux, a
// //go:build integration file without that tag. Each such file is loaded
// and type-checked in a configuration that includes it (BuildConfig), found
// from its constraint (satisfy), with one more packages.Load per distinct
// configuration, for all the packages that need it. A package none of whose
// left-out files holds a directive costs nothing more: the load lists those
// files anyway (IgnoredFiles), and each is read once, for its directives.

// BuildConfig is a configuration that the go command can load packages for.
type BuildConfig struct {
	Goos, Goarch string
	Cgo          bool
	// Tags are the build tags that hold, sorted.
	Tags []string
}

// Key identifies a configuration, for grouping.
func (c BuildConfig) Key() string {
	return c.Goos + "/" + c.Goarch + "/" + strings.Join(c.Tags, ",") + "/" + map[bool]string{true: "cgo", false: ""}[c.Cgo]
}

// KnownPorts returns the GOOS/GOARCH pairs that the go command can build
// for, or, when it cannot tell, the common ones.
func KnownPorts(dir string, env []string) []string {
	cmd := exec.Command("go", "tool", "dist", "list")
	cmd.Dir, cmd.Env = dir, env
	if out, err := cmd.Output(); err == nil {
		return strings.Fields(string(out))
	}
	return strings.Fields("linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64 " +
		"freebsd/amd64 openbsd/amd64 netbsd/amd64 dragonfly/amd64 solaris/amd64 illumos/amd64 aix/ppc64 " +
		"android/arm64 ios/arm64 plan9/amd64 js/wasm wasip1/wasm")
}

// unixOS are the GOOS values that the unix tag matches.
var unixOS = strings.Fields("aix android darwin dragonfly freebsd hurd illumos ios linux netbsd openbsd solaris")

// Satisfy finds a configuration in which x holds: the current one where it
// can, then one that changes as little as it can: the platform (the
// current one first, then those that x names, among the ports the go
// command knows), cgo, and the tags that x names. Release tags (go1.N) are
// the toolchain's and cannot change. It reports false when none holds.
func Satisfy(x constraint.Expr, current BuildConfig, ports []string) (BuildConfig, bool) {
	var named []string // tags of x that a configuration may set
	note := func(tag string) bool {
		if !slices.Contains(named, tag) && !isPlatformTag(tag) && !isReleaseTag(tag) && tag != "cgo" {
			named = append(named, tag)
		}
		return false
	}
	evalConstraint(x, note)
	if len(named) > 12 {
		return BuildConfig{}, false
	}
	for _, port := range orderedPorts(x, current, ports) {
		goos, goarch, _ := strings.Cut(port, "/")
		for _, cgo := range []bool{current.Cgo, !current.Cgo} {
			for bits := range 1 << len(named) {
				c := BuildConfig{Goos: goos, Goarch: goarch, Cgo: cgo}
				set := map[string]bool{}
				for _, tag := range current.Tags {
					set[tag] = true
				}
				for i, tag := range named {
					set[tag] = set[tag] != (bits&(1<<i) != 0)
				}
				for tag, on := range set {
					if on {
						c.Tags = append(c.Tags, tag)
					}
				}
				slices.Sort(c.Tags)
				if evalConstraint(x, c.holds) {
					return c, true
				}
			}
		}
	}
	return BuildConfig{}, false
}

// orderedPorts lists the ports to try: the current one; those whose GOOS
// or GOARCH x names, the current GOOS first; this machine's and the most
// common ones (whose standard library is most likely built already); then
// the rest, in the go command's order.
func orderedPorts(x constraint.Expr, current BuildConfig, ports []string) []string {
	var mentioned []string
	evalConstraint(x, func(tag string) bool {
		mentioned = append(mentioned, tag)
		return false
	})
	common := []string{goruntime.GOOS + "/" + goruntime.GOARCH, "linux/amd64", "linux/arm64", "darwin/arm64", "windows/amd64"}
	score := func(port string) int {
		goos, goarch, _ := strings.Cut(port, "/")
		named := slices.Contains(mentioned, goos) || slices.Contains(mentioned, goarch)
		switch {
		case goos == current.Goos && goarch == current.Goarch:
			return 0
		case named && goos == current.Goos:
			return 1
		case named:
			return 2
		case slices.Contains(common, port):
			return 3 + slices.Index(common, port)
		}
		return 3 + len(common)
	}
	order := slices.Clone(ports)
	if !slices.Contains(order, current.Goos+"/"+current.Goarch) {
		order = append([]string{current.Goos + "/" + current.Goarch}, order...)
	}
	slices.SortStableFunc(order, func(a, b string) int { return score(a) - score(b) })
	return order
}

// holds reports whether a build tag holds in c, as the go command has it.
func (c BuildConfig) holds(tag string) bool {
	switch {
	case tag == c.Goos || tag == c.Goarch:
		return true
	case tag == "unix":
		return slices.Contains(unixOS, c.Goos)
	case tag == "linux" && c.Goos == "android", tag == "solaris" && c.Goos == "illumos", tag == "darwin" && c.Goos == "ios":
		return true
	case tag == "cgo":
		return c.Cgo
	case tag == "gc":
		return true
	case isPlatformTag(tag):
		return false
	case isReleaseTag(tag):
		return toolchainRelease(tag)
	}
	return slices.Contains(c.Tags, tag)
}

// isPlatformTag reports whether a tag names a GOOS or GOARCH, unix, or a
// compiler.
func isPlatformTag(tag string) bool {
	return slices.Contains(knownOS, tag) || slices.Contains(knownArch, tag) || tag == "unix" || tag == "gc" || tag == "gccgo"
}

// isReleaseTag reports whether a tag is a Go release tag: go1.N.
func isReleaseTag(tag string) bool {
	minor, ok := strings.CutPrefix(tag, "go1.")
	return ok && minor != "" && strings.Trim(minor, "0123456789") == ""
}

// toolchainRelease reports whether the toolchain that loads the packages
// satisfies a release tag.
func toolchainRelease(tag string) bool {
	return slices.Contains(buildDefaultReleaseTags(), tag)
}
