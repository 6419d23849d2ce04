package emit

import (
	"github.com/dave/jennifer/jen"
	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/goname"
	"github.com/gathergen/gathergen/generator/internal/model"
	"github.com/gathergen/gathergen/generator/internal/typecode"
)

// activityMap declares what the Map of an activity gets: the name constant
// of its child workflow, the variable that holds its gtemporal.Mapper and
// the typed function that calls the Mapper's Map.
func (e *emitter) activityMap(act *model.Activity) {
	mp := act.Map
	tw := typecode.NewTypeWriter(act.Pkg, act.Lens)
	// the element is the activity's one parameter besides its context:
	// resolve gives a Map to no other activity
	elem, value := tw.Typ(act.OwnParams()[0].V.Type()), valueType(act.Wrapper, tw)
	docf(e.f, "%s is the name under which %s registers the child workflow of %s.", mp.ConstName, directive.RegisterWorkflowsName, mp.Name)
	e.f.Const().Id(mp.ConstName).Op("=").Lit(mp.Name)
	declare := func(code ...jen.Code) *jen.Statement { return jen.Var().Id(mp.Mapper).Op("=").Add(code...) }
	e.f.Add(fitCall(0, declare, gtemporal("NewMapper").Types(elem, value), func(int) []jen.Code {
		return []jen.Code{jen.Id(act.ConstName)}
	}))
	sc := goname.NewScope(e.reserved)
	ctx, in, o := sc.Fresh("ctx"), sc.Fresh("in"), sc.Fresh("o")
	decls := []jen.Code{
		jen.Id(ctx).Add(workflowContextType()),
		jen.Id(in).Index().Add(elem),
		jen.Id(o).Add(gtemporal("MapOptions")),
	}
	results := []jen.Code{jen.Index().Add(value), jen.Error()}
	docf(e.f, "%s runs the activity %s once per element of %s, in child workflows, and returns the results in input order: see gtemporal.Mapper.Map.", mp.Name, act.Label, in)
	e.f.Add(fitSignature(0, jen.Func().Id(mp.Name), nil, decls, results).Block(
		fitCall(1, jen.Return, jen.Id(mp.Mapper).Dot("Map"), func(int) []jen.Code {
			return []jen.Code{jen.Id(ctx), jen.Id(in), jen.Id(o)}
		}),
	))
}
