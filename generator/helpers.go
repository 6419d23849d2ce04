package generator

import (
	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/emit"
)

// MaxArity is the widest fixed-arity helper of the runtime: Gather9 and
// Settle9. A gather directive takes at most this many functions.
const MaxArity = directive.MaxGroup

// RuntimeHelpers renders the runtime's own fixed-arity helpers, Gather2 to
// Gather9, Settle2 to Settle9 and GoWith2 to GoWith9, as the file
// gather_gen.go of package runtime. They are written in terms of the
// runtime's unexported core (core, mustFuture, gather, settleAll, outcome,
// checkStart, launch), so only the runtime itself can hold them;
// internal/genarity writes them with go generate.
func RuntimeHelpers() ([]byte, error) {
	return emit.RuntimeHelpers()
}

// TemporalHelpers renders the fixed-arity helpers of the Temporal module's
// workflow-side runtime (package gtemporal in temporal/), Gather2 to Gather9
// and Settle2 to Settle9, as its file gather_gen.go. Like RuntimeHelpers,
// they are written in terms of that package's unexported core (input,
// check, checkCtx, gather, settle, outcome); internal/genarity -temporal
// writes them with go generate.
func TemporalHelpers() ([]byte, error) {
	return emit.TemporalHelpers()
}
