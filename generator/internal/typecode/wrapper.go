package typecode

import (
	"go/types"

	"github.com/gathergen/gathergen/generator/internal/model"
)

// OfWrapper returns a TypeWriter for the wrapper's code, which names the
// receiver's type parameters as the directive does.
func OfWrapper(w *model.Wrapper, local *types.Package, lens *model.Lengths) *TypeWriter {
	tw := NewTypeWriter(local, lens)
	NameTypeParams(w, tw)
	return tw
}

// NameTypeParams tells tw the names that the directive gives the
// receiver's type parameters, if any.
func NameTypeParams(w *model.Wrapper, tw *TypeWriter) {
	if w.Self != nil && w.Self.Names != nil {
		for i, tp := range w.Self.Tparams {
			tw.names[tp] = w.Self.Names[i]
		}
	}
}
