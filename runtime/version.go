package runtime

// GeneratedVersion is the version of generated code that this runtime
// serves. Every file that gathergen writes holds, after its imports,
//
//	const _ = runtime.UpgradeRuntimeOrRegenerate(runtime.GeneratedVersion - N)
//
// where N is the version of the code that the gathergen which wrote it
// generates. A runtime older than that gathergen has a smaller
// GeneratedVersion, the constant is negative, and the file fails to
// compile with a message that says "constant -1 overflows" and names
// UpgradeRuntimeOrRegenerate: upgrade the module that holds this package (go get
// github.com/gathergen/gathergen@latest), or generate the file again with
// the gathergen of the runtime's own version. GeneratedVersion grows when
// generated code starts to need something that older runtimes lack.
const GeneratedVersion = 1

// UpgradeRuntimeOrRegenerate is the unsigned type that generated files
// convert the difference of versions to (see GeneratedVersion): its name
// is what the compiler's message says to do when the runtime is older than
// the generated code.
type UpgradeRuntimeOrRegenerate uint
