package emit

import (
	"github.com/dave/jennifer/jen"
)

// versionGuard declares the constant that makes a generated file fail to
// compile against a runtime (or gtemporal) older than the code it holds:
// the package's GeneratedVersion minus version (model.GeneratedVersion, or
// a later one for code that needs more), converted to an unsigned type
// whose name says what to do ("constant -1 overflows
// runtime.UpgradeRuntimeOrRegenerate"), as protobuf's generated code
// checks its runtime with protoimpl.EnforceVersion. pkg qualifies a name
// of the package, typ is that type's name, what names the package in the
// comment, and module is what to upgrade.
func versionGuard(f *jen.File, version int, pkg func(string) *jen.Statement, typ, what, module string) {
	docf(f, "This file needs %s at version %d of generated code or later: where the next line fails to compile, upgrade it (go get %s@latest), or generate the file again with the gathergen of its version.",
		what, version, module)
	f.Const().Id("_").Op("=").Add(pkg(typ)).Call(pkg("GeneratedVersion").Op("-").Lit(version))
}
