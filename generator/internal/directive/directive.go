package directive

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// ToolName is the tool part of every directive: //gathergen:verb args.
const ToolName = "gathergen"

// MaxGroup is the largest group a gather directive accepts: the runtime's
// widest helper is Gather9.
const MaxGroup = 9

// Word is one argument of a directive and where it starts.
type Word struct {
	Text string
	Pos  token.Pos
}

// Directive is one parsed //gathergen: line. Exactly one of async, activity,
// gather and workflow is set.
type Directive struct {
	Pos    token.Pos
	Async  *AsyncSpec
	Gather *gatherSpec
	// Activity is //gathergen:activity [PKG.FUNC] [as NAME], whose NAME
	// names the activity (see activity.go).
	Activity *AsyncSpec
	// Local reports //gathergen:activity local: a local activity.
	Local bool
	// Map reports //gathergen:activity map: the activity gets a Map too,
	// which runs it once per element of a slice in child workflows (see
	// MapName).
	Map bool
	// Workflow is //gathergen:workflow [as NAME] (see workflow.go).
	Workflow *WorkflowSpec
}

// AsyncSpec is //gathergen:async [TARGET] [as NAME].
type AsyncSpec struct {
	// Target is PKG.FUNC for a function of another package, a method
	// ((*PKG.TYPE).METHOD, PKG.TYPE.METHOD, TYPE.METHOD), or empty for the
	// function whose doc comment holds the directive.
	Target Word
	// T is the target parsed.
	T Target
	// As is the wrapper's name when given.
	As Word
}

// gatherSpec is //gathergen:gather [-scoped] NAME F G ...
type gatherSpec struct {
	Name  Word
	Elems []Word
	// Scoped is the option -scoped: the helper runs its gather in a scope
	// (runtime.Scope, gtemporal.Scope) and returns only once every task
	// that it started has returned.
	Scoped bool
}

// Problem is a diagnostic before it has a file position.
type Problem struct {
	Pos token.Pos
	Msg string
}

// errorf returns a problem at pos.
func errorf(pos token.Pos, format string, args ...any) *Problem {
	return &Problem{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// parseDirective parses one comment line. It reports ok == false when the
// line is not a gathergen directive, and a problem when it is one that is
// malformed. It never panics, whatever the text.
func parseDirective(pos token.Pos, text string) (d Directive, ok bool, p *Problem) {
	dir, ok := ast.ParseDirective(pos, text)
	if !ok || dir.Tool != ToolName {
		p := nearMiss(pos, text)
		return Directive{Pos: pos}, p != nil, p
	}
	d.Pos = dir.Slash
	args, err := dir.ParseArgs()
	if err != nil {
		return d, true, errorf(dir.ArgsPos, "malformed //gathergen:%s arguments: %v", dir.Name, err)
	}
	words := make([]Word, len(args))
	for i, a := range args {
		if strings.HasPrefix(a.Arg, "//") {
			return d, true, errorf(a.Pos, "malformed //gathergen:%s: a directive cannot have a trailing comment; put it on a line of its own", dir.Name)
		}
		words[i] = Word{Text: a.Arg, Pos: a.Pos}
	}
	switch dir.Name {
	case "async":
		d.Async, p = parseAsync(words)
	case "gather":
		d.Gather, p = parseGather(dir.Slash, words)
	case "activity":
		words, p = d.activityOptions(words)
		if p == nil {
			d.Activity, p = parseActivity(words)
		}
	case "workflow":
		d.Workflow, p = parseWorkflow(words)
	default:
		p = errorf(dir.Slash, "unknown directive //gathergen:%s (known: async, activity, gather, workflow)", dir.Name)
	}
	return d, true, p
}

// nearMiss returns a problem for a line comment that was meant as a
// directive but is not one, which would otherwise be ignored without a
// word: "// gathergen:async", "//gathergen: async", "//gathergen:Async".
func nearMiss(pos token.Pos, text string) *Problem {
	rest, ok := strings.CutPrefix(text, "//")
	if !ok || !strings.HasPrefix(strings.TrimLeft(rest, " \t"), ToolName+":") {
		return nil
	}
	return errorf(pos, "malformed directive %q: write //gathergen:VERB, in lower case, with no space after // or after the colon", text)
}

// asyncUsage is the shape of the async directive's arguments.
const asyncUsage = `want //gathergen:async, //gathergen:async as NAME, or //gathergen:async TARGET [as NAME] where TARGET is PKG.FUNC, (*PKG.TYPE).METHOD, PKG.TYPE.METHOD or TYPE.METHOD`

// parseAsync parses the arguments of //gathergen:async.
func parseAsync(args []Word) (*AsyncSpec, *Problem) {
	spec := &AsyncSpec{}
	if len(args) > 0 && args[0].Text != "as" {
		spec.Target, args = args[0], args[1:]
		if p := spec.splitTarget(); p != nil {
			return nil, p
		}
	}
	switch {
	case len(args) == 0:
		return spec, nil
	case args[0].Text != "as":
		return nil, errorf(args[0].Pos, "malformed //gathergen:async: unexpected %q; %s", args[0].Text, asyncUsage)
	case len(args) == 1:
		return nil, errorf(args[0].Pos, "malformed //gathergen:async: missing NAME after as; %s", asyncUsage)
	case len(args) > 2:
		return nil, errorf(args[2].Pos, "malformed //gathergen:async: unexpected %q after the name; %s", args[2].Text, asyncUsage)
	}
	spec.As = args[1]
	if p := checkName(spec.As, "wrapper name"); p != nil {
		return nil, p
	}
	return spec, nil
}

// splitTarget parses the target: PKG may be an import path.
func (s *AsyncSpec) splitTarget() *Problem {
	t, msg := ParseTarget(s.Target.Text)
	if msg != "" {
		return errorf(s.Target.Pos, "malformed //gathergen:async: %q %s", s.Target.Text, msg)
	}
	s.T = t
	return nil
}

// SplitQualified splits "a/b.c.F" into "a/b.c" and "F".
func SplitQualified(s string) (qual, name string, ok bool) {
	i := strings.LastIndexByte(s, '.')
	if i <= 0 || i == len(s)-1 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// parseGather parses the arguments of //gathergen:gather.
func parseGather(pos token.Pos, args []Word) (*gatherSpec, *Problem) {
	spec := &gatherSpec{}
	for len(args) > 0 && strings.HasPrefix(args[0].Text, "-") {
		if args[0].Text != "-scoped" {
			return nil, errorf(args[0].Pos, "unknown option %s of //gathergen:gather (known: -scoped)", args[0].Text)
		}
		spec.Scoped = true
		args = args[1:]
	}
	if len(args) == 0 {
		return nil, errorf(pos, "malformed //gathergen:gather: missing NAME; want //gathergen:gather [-scoped] NAME F G ...")
	}
	spec.Name, spec.Elems = args[0], args[1:]
	if p := checkName(spec.Name, "group name"); p != nil {
		return nil, p
	}
	switch n := len(spec.Elems); {
	case n == 1:
		return nil, errorf(spec.Name.Pos, "//gathergen:gather %s names one function; a group takes 2 to %d: for one, call its Async wrapper and Await it", spec.Name.Text, MaxGroup)
	case n < 2 || n > MaxGroup:
		return nil, errorf(spec.Name.Pos, "//gathergen:gather %s names %d functions; a group takes 2 to %d", spec.Name.Text, n, MaxGroup)
	}
	for _, e := range spec.Elems {
		if p := checkElem(e); p != nil {
			return nil, p
		}
	}
	return spec, nil
}

// checkElem checks the syntax of a group element: F, or a target as an
// async directive names it (PKG.FUNC, Type.Method, (*PKG.TYPE).METHOD, ...).
func checkElem(e Word) *Problem {
	if token.IsIdentifier(e.Text) {
		return nil
	}
	if _, msg := ParseTarget(e.Text); msg != "" {
		return errorf(e.Pos, "malformed //gathergen:gather: %q is not F, Type.Method, PKG.FUNC or (*PKG.TYPE).METHOD", e.Text)
	}
	return nil
}

// checkName checks that a name given by a directive can name a generated
// declaration.
func checkName(w Word, what string) *Problem {
	switch {
	case !token.IsIdentifier(w.Text) || w.Text == "_":
		return errorf(w.Pos, "%s %q is not a valid identifier", what, w.Text)
	case w.Text == "init":
		return errorf(w.Pos, "%s cannot be init", what)
	}
	return nil
}
