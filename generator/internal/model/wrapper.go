package model

import (
	"go/build/constraint"
	"go/types"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/gathergen/gathergen/generator/internal/buildcfg"
	"github.com/gathergen/gathergen/generator/internal/goname"
)

// Wrappers returns the wrappers of a group's activities.
func (g *ActivityGroup) Wrappers() []*Wrapper {
	ws := make([]*Wrapper, len(g.Elems))
	for i, act := range g.Elems {
		ws[i] = act.Wrapper
	}
	return ws
}

// OwnParams returns the wrapped function's parameters that the wrapper
// declares itself, in order and with their indexes in the signature: all but
// a leading context.
func (w *Wrapper) OwnParams() []Indexed {
	var vars []Indexed
	for i := range w.Sig.Params().Len() {
		if !w.TakesCtx || i != w.CtxIndex {
			vars = append(vars, Indexed{w.Sig.Params().At(i), i})
		}
	}
	return vars
}

// RecvName is the name that the wrapper of a method gives its receiver:
// the method's own for a method of this package, and otherwise the first
// letter of the type's name, in lower case (c for http.Client).
func (w *Wrapper) RecvName() string {
	if w.Self == nil {
		return goname.BaseName(w.Sig.Recv().Name(), "recv")
	}
	first, _ := utf8.DecodeRuneInString(w.Self.Obj.Name())
	return string(unicode.ToLower(first))
}

// HasRecv reports whether the wrapper carries a receiver: it wraps a
// method, as a method or as a function.
func (w *Wrapper) HasRecv() bool {
	return w.Recv != nil || w.Self != nil
}

// RecvType returns the type of the receiver that the wrapper carries.
func (w *Wrapper) RecvType() types.Type {
	if w.Self != nil {
		return w.Self.Typ
	}
	return w.Sig.Recv().Type()
}

// TypeParams returns the type parameters that the wrapper declares: its
// receiver's, then the function's own.
func (w *Wrapper) TypeParams() []*types.TypeParam {
	if w.Self != nil {
		return append(append([]*types.TypeParam(nil), w.Self.Tparams...), Flatten(w.Sig.TypeParams())...)
	}
	return Flatten(w.Sig.RecvTypeParams(), w.Sig.TypeParams())
}

// RecvName names a method group's receiver as its first method does.
func (g *Group) RecvName() string {
	for _, w := range g.Elems {
		if w.Recv != nil {
			return goname.BaseName(w.Sig.Recv().Name(), "recv")
		}
	}
	return "recv"
}

// RecvType is the type of a method group's receiver: T or *T.
func (g *Group) RecvType() types.Type {
	if g.Ptr {
		return types.NewPointer(g.Recv.Type())
	}
	return g.Recv.Type()
}

// Values returns the results that the future's value holds (all but a final
// error).
func (w *Wrapper) Values() []*types.Var {
	res := w.Sig.Results()
	n := res.Len()
	if w.LastErr {
		n--
	}
	vars := make([]*types.Var, n)
	for i := range vars {
		vars[i] = res.At(i)
	}
	return vars
}

// GroupConstraint returns the constraint under which a group builds: its
// directive's file's and each of its elements', joined by &&, each once.
func GroupConstraint(file string, elems []*Wrapper) string {
	var parts []string
	for _, c := range append([]string{file}, constraintsOf(elems)...) {
		if c != "" && !slices.Contains(parts, c) {
			parts = append(parts, c)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	all := buildcfg.ParseConstraint(parts[0])
	for _, p := range parts[1:] {
		all = &constraint.AndExpr{X: all, Y: buildcfg.ParseConstraint(p)}
	}
	return all.String()
}

// constraintsOf lists the constraints of wrappers.
func constraintsOf(ws []*Wrapper) []string {
	cs := make([]string, len(ws))
	for i, w := range ws {
		cs[i] = w.Constraint
	}
	return cs
}

// Flatten lists the type parameters of several lists in order.
func Flatten(lists ...*types.TypeParamList) []*types.TypeParam {
	var all []*types.TypeParam
	for _, l := range lists {
		for i := range l.Len() {
			all = append(all, l.At(i))
		}
	}
	return all
}
