package emit

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/model"
)

// RuntimeHelpers renders the runtime's own fixed-arity helpers (see
// generator.RuntimeHelpers).
func RuntimeHelpers() ([]byte, error) {
	f := jen.NewFile("runtime")
	for n := 2; n <= directive.MaxGroup; n++ {
		gatherHelper(f, n)
		settleHelper(f, n)
	}
	for n := 2; n <= directive.MaxGroup; n++ {
		goWithHelper(f, n)
	}
	return renderHelpers(f)
}

// renderHelpers renders f, a file of fixed-arity helpers, under the header
// that marks it as generated.
func renderHelpers(f *jen.File) ([]byte, error) {
	var body bytes.Buffer
	if err := f.Render(&body); err != nil {
		return nil, err
	}
	return append([]byte(model.HelpersHeader+"\n\n"), body.Bytes()...), nil
}

// slot is one argument of an arity-n helper: its type parameter and name.
type slot struct {
	typ, arg string // "A", "fa"
}

// slots returns the arguments of an arity-n helper.
func slots(n int) []slot {
	s := make([]slot, n)
	for i := range s {
		letter := string(rune('A' + i))
		s[i] = slot{typ: letter, arg: "f" + strings.ToLower(letter)}
	}
	return s
}

// helperSignature returns the type parameters ([A, B any]) and the
// parameters (ctx, fa *Future[A], ...) of an arity-n helper whose ctx is
// of type ctxType (context.Context, or workflow.Context in gtemporal).
func helperSignature(ctxType jen.Code, s []slot) (typeParams, params []jen.Code) {
	params = []jen.Code{jen.Id("ctx").Add(ctxType)}
	for _, x := range s {
		typeParams = append(typeParams, jen.Id(x.typ))
		params = append(params, jen.Id(x.arg).Op("*").Id("Future").Types(jen.Id(x.typ)))
	}
	typeParams[len(typeParams)-1] = jen.Id(s[len(s)-1].typ).Any()
	return typeParams, params
}

// coreArray declares cores, the array of the arguments' cores, checking
// each argument.
func coreArray(name string, s []slot) jen.Code {
	return jen.Id("cores").Op(":=").Index(jen.Op("...")).Op("*").Id("core").ValuesFunc(func(g *jen.Group) {
		for _, x := range s {
			g.Line().Id("mustFuture").Call(jen.Lit("runtime."+name), jen.Lit(x.arg), jen.Id(x.arg))
		}
		g.Line()
	})
}

// gatherHelper declares GatherN.
func gatherHelper(f *jen.File, n int) {
	s := slots(n)
	name := fmt.Sprintf("Gather%d", n)
	typeParams, params := helperSignature(contextType(), s)
	results, zeros, values := gatherResults(s)
	docLines(f, "%s waits for %s and returns their values in argument order, with\n"+
		"the fail-fast rules of [All]: the first failure cancels the other inputs and\n"+
		"returns at once with a *[TaskError]; when ctx is done first, the pending\n"+
		"inputs are cancelled and the error is a *[PendingError] that names them\n"+
		"and unwraps to context.Cause(ctx).", name, argList(s))
	f.Func().Id(name).Types(typeParams...).Params(params...).Params(results...).Block(
		coreArray(name, s),
		jen.If(jen.Err().Op(":=").Id("gather").Call(jen.Id("ctx"), jen.Id("cores").Index(jen.Op(":"))), jen.Err().Op("!=").Nil()).Block(
			jen.Return(append(zeros, jen.Err())...),
		),
		jen.Return(append(values, jen.Nil())...),
	)
}

// settleHelper declares SettleN.
func settleHelper(f *jen.File, n int) {
	s := slots(n)
	name := fmt.Sprintf("Settle%d", n)
	typeParams, params := helperSignature(contextType(), s)
	var results, outcomes []jen.Code
	for _, x := range s {
		results = append(results, jen.Id("Result").Types(jen.Id(x.typ)))
		outcomes = append(outcomes, jen.Id("outcome").Call(jen.Id(x.arg), jen.Id("cause")))
	}
	docLines(f, "%s waits for every one of %s, like [AllSettled], and returns\n"+
		"each outcome in argument order: a failure cancels nothing. When ctx is done\n"+
		"first, the pending inputs are cancelled and carry a *[PendingError] that\n"+
		"names them and unwraps to context.Cause(ctx).", name, argList(s))
	f.Func().Id(name).Types(typeParams...).Params(params...).Params(results...).Block(
		coreArray(name, s),
		jen.Id("cause").Op(":=").Id("settleAll").Call(jen.Id("ctx"), jen.Id("cores").Index(jen.Op(":"))),
		jen.Return(outcomes...),
	)
}

// goWithHelper declares GoWithN, the task type that carries its N
// arguments, and the task's run method.
func goWithHelper(f *jen.File, n int) {
	name := fmt.Sprintf("GoWith%d", n)
	task := fmt.Sprintf("argTask%d", n)
	// types: A, B, ...; names: a, b, ...; typed: a A, b B, ... (the
	// parameters and the task's fields); held: t.call, t.a, t.b, ...
	var types, names, typed, values, zeros []jen.Code
	held := []jen.Code{jen.Id("t").Dot("call")}
	var argNames []string
	for i := range n {
		typ := string(rune('A' + i))
		arg := strings.ToLower(typ)
		argNames = append(argNames, arg)
		types = append(types, jen.Id(typ))
		names = append(names, jen.Id(arg))
		typed = append(typed, jen.Id(arg).Id(typ))
		values = append(values, jen.Id(arg).Op(":").Id(arg))
		zeros = append(zeros, jen.Op("*").New(jen.Id(typ)))
		held = append(held, jen.Id("t").Dot(arg))
	}
	typeParams := append(slices.Clip(types), jen.Id("T").Any())
	typeArgs := append(slices.Clip(types), jen.Id("T"))
	fnType := jen.Func().Params(append([]jen.Code{contextType()}, types...)...).Params(jen.Id("T"), jen.Error())
	docLines(f, "%s is [GoWith] for a task of %d arguments: the task is fn(ctx, %s).\n"+
		"When fn captures nothing, the future, the arguments and fn take one\n"+
		"allocation: generated wrappers pass a function of this shape as it is.", name, n, strings.Join(argNames, ", "))
	f.Func().Id(name).Types(typeParams...).Params(append(append(
		[]jen.Code{jen.Id("ctx").Add(contextType()), jen.Id("name").String()}, typed...),
		jen.Id("fn").Add(fnType.Clone()))...).Op("*").Id("Future").Types(jen.Id("T")).Block(
		jen.Id("checkStart").Call(jen.Id("ctx"), jen.Id("fn").Op("==").Nil(), jen.Lit("runtime."+name)),
		jen.Id("t").Op(":=").Op("&").Id(task).Types(typeArgs...).Values(append(values, jen.Id("call").Op(":").Id("fn"))...),
		jen.Id("t").Dot("name").Op("=").Id("name"),
		jen.Id("launch").Call(jen.Id("ctx"), jen.Op("&").Id("t").Dot("core"), jen.Id("t")),
		jen.Return(jen.Op("&").Id("t").Dot("Future")),
	)
	docLines(f, "%s is a future with the function and the %d arguments of its task.", task, n)
	f.Type().Id(task).Types(typeParams...).Struct(append(append(
		[]jen.Code{jen.Id("Future").Types(jen.Id("T"))}, typed...),
		jen.Id("call").Add(fnType.Clone()))...)
	docLines(f, "run calls the function with the arguments as the future's task, and\n"+
		"drops them first, so that the future does not keep them alive.")
	f.Func().Params(jen.Id("t").Op("*").Id(task).Types(typeArgs...)).Id("run").Params().Block(
		jen.List(append([]jen.Code{jen.Id("call")}, names...)...).Op(":=").List(held...),
		jen.List(held...).Op("=").List(append([]jen.Code{jen.Nil()}, zeros...)...),
		jen.Id("t").Dot("runTask").Call(jen.Func().Params(jen.Id("ctx").Add(contextType())).Params(jen.Id("T"), jen.Error()).Block(
			jen.Return(jen.Id("call").Call(append([]jen.Code{jen.Id("ctx")}, names...)...)),
		)),
	)
}

// argList returns "fa and fb" or "fa, fb and fc".
func argList(s []slot) string {
	names := make([]string, len(s))
	for i, x := range s {
		names[i] = x.arg
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// docLines adds a doc comment of // lines (jennifer would write a comment of
// several lines as a block).
func docLines(f *jen.File, format string, args ...any) {
	for _, line := range strings.Split(fmt.Sprintf(format, args...), "\n") {
		f.Comment(line)
	}
}

// gatherResults returns, for the slots of a GatherN, its result types, the
// zero values it returns on failure, and the values it returns on success
// (each input's value field).
func gatherResults(s []slot) (results, zeros, values []jen.Code) {
	for _, x := range s {
		results = append(results, jen.Id(x.typ))
		zeros = append(zeros, jen.Op("*").New(jen.Id(x.typ)))
		values = append(values, jen.Id(x.arg).Dot("value"))
	}
	return append(results, jen.Error()), zeros, values
}
