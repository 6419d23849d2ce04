package gtemporal

// GeneratedVersion is the version of generated activity code that this
// package serves. Every activity file that gathergen writes holds, after
// its imports,
//
//	const _ = gtemporal.UpgradeTemporalOrRegenerate(gtemporal.GeneratedVersion - N)
//
// where N is the version of the code that the gathergen which wrote it
// generates. A gtemporal older than that gathergen has a smaller
// GeneratedVersion, the constant is negative, and the file fails to
// compile with a message that says "constant -1 overflows" and names
// UpgradeTemporalOrRegenerate: upgrade the module that holds this package
// (go get github.com/gathergen/gathergen/temporal@latest), or generate the
// file again with the gathergen of this module's version. GeneratedVersion
// grows when generated code starts to need something that older versions
// lack: version 2 serves the activity files that declare a Map (they call
// NewMapper), and N is 2 in those files, 1 in the others.
const GeneratedVersion = 2

// UpgradeTemporalOrRegenerate is the unsigned type that generated activity
// files convert the difference of versions to (see GeneratedVersion): its
// name is what the compiler's message says to do when this package is
// older than the generated code.
type UpgradeTemporalOrRegenerate uint
