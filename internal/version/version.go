// Package version reports which version of the gathergen module a command
// was built from, as the build information in the binary records it.
package version

import "runtime/debug"

// Module is the path of the module whose version is reported.
const Module = "github.com/gathergen/gathergen"

// Of returns the version of Module that info records. A command installed
// with go install or go run pkg@version reports that version. A command
// run as a tool of another module (go tool, go run pkg) reports the
// version that module requires, followed by " => " and the replacement
// when a replace directive points elsewhere. A command built in a clone
// reports what the go command stamped: "(devel)", or a pseudo-version
// derived from the commit when it stamps version control information.
// Of returns "unknown" when info is nil or does not name Module.
func Of(info *debug.BuildInfo) string {
	if info == nil {
		return "unknown"
	}
	if info.Main.Path == Module {
		return describe(&info.Main)
	}
	for _, dep := range info.Deps {
		if dep.Path == Module {
			return describe(dep)
		}
	}
	return "unknown"
}

// describe prints a module's version and its replacement, if any.
func describe(m *debug.Module) string {
	v := m.Version
	if v == "" {
		v = "(devel)"
	}
	if r := m.Replace; r != nil {
		if r.Version == "" || r.Version == "(devel)" { // a folder
			return v + " => " + r.Path
		}
		return v + " => " + r.Path + " " + r.Version
	}
	return v
}

// String returns the version of Module in the running binary.
func String() string {
	info, _ := debug.ReadBuildInfo()
	return Of(info)
}
