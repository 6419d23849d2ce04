package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"
	"github.com/gathergen/gathergen/generator/internal/directive"
)

// TemporalHelpers renders the fixed-arity helpers of the Temporal module's
// workflow-side runtime (see generator.TemporalHelpers).
func TemporalHelpers() ([]byte, error) {
	f := jen.NewFile("gtemporal")
	for n := 2; n <= directive.MaxGroup; n++ {
		temporalGather(f, n)
		temporalSettle(f, n)
	}
	return renderHelpers(f)
}

// temporalInputs declares ins, the array of the checked arguments, and
// checks ctx.
func temporalInputs(name string, s []slot) []jen.Code {
	caller := "gtemporal." + name
	return []jen.Code{
		jen.Id("ins").Op(":=").Index(jen.Op("...")).Id("input").ValuesFunc(func(g *jen.Group) {
			for _, x := range s {
				g.Line().Id("check").Call(jen.Lit(caller), jen.Lit(x.arg), jen.Id(x.arg))
			}
			g.Line()
		}),
		jen.Id("checkCtx").Call(jen.Lit(caller), jen.Id("ctx")),
	}
}

// temporalGather declares GatherN of the workflow-side runtime.
func temporalGather(f *jen.File, n int) {
	s := slots(n)
	name := fmt.Sprintf("Gather%d", n)
	typeParams, params := helperSignature(workflowContextType(), s)
	results, zeros, values := gatherResults(s)
	docLines(f, "%s waits for the activities of %s and returns their values in\n"+
		"argument order, with the fail-fast rules of [All]: the first failure cancels\n"+
		"the other pending inputs and returns at once with a *[TaskError]; when ctx\n"+
		"is done first, the pending inputs are cancelled and the error is ctx.Err().", name, argList(s))
	body := append(temporalInputs(name, s),
		jen.If(jen.Err().Op(":=").Id("gather").Call(jen.Id("ctx"), jen.Id("ins").Index(jen.Op(":"))), jen.Err().Op("!=").Nil()).Block(
			jen.Return(append(zeros, jen.Err())...),
		),
		jen.Return(append(values, jen.Nil())...),
	)
	f.Func().Id(name).Types(typeParams...).Params(params...).Params(results...).Block(body...)
}

// temporalSettle declares SettleN of the workflow-side runtime.
func temporalSettle(f *jen.File, n int) {
	s := slots(n)
	name := fmt.Sprintf("Settle%d", n)
	typeParams, params := helperSignature(workflowContextType(), s)
	var results, outcomes []jen.Code
	for _, x := range s {
		results = append(results, jen.Id("Result").Types(jen.Id(x.typ)))
		outcomes = append(outcomes, jen.Id("outcome").Call(jen.Id("ctx"), jen.Id(x.arg), jen.Id("cut")))
	}
	docLines(f, "%s waits for every one of the activities of %s, like\n"+
		"[AllSettled], and returns each outcome in argument order: a failure cancels\n"+
		"nothing. When ctx is done first, the pending inputs are cancelled and carry\n"+
		"ctx.Err().", name, argList(s))
	body := append(temporalInputs(name, s),
		jen.Id("cut").Op(":=").Id("settle").Call(jen.Id("ctx"), jen.Id("ins").Index(jen.Op(":"))),
		jen.Return(outcomes...),
	)
	f.Func().Id(name).Types(typeParams...).Params(params...).Params(results...).Block(body...)
}
