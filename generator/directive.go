package generator

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// toolName is the tool part of every directive: //gathergen:verb args.
const toolName = "gathergen"

// maxGroup is the largest group a gather directive accepts: the runtime's
// widest helper is Gather9.
const maxGroup = 9

// word is one argument of a directive and where it starts.
type word struct {
	text string
	pos  token.Pos
}

// directive is one parsed //gathergen: line. Exactly one of async, activity
// and gather is set.
type directive struct {
	pos    token.Pos
	async  *asyncSpec
	gather *gatherSpec
	// activity is //gathergen:activity [PKG.FUNC] [as NAME], whose NAME
	// names the activity (see activity.go).
	activity *asyncSpec
}

// asyncSpec is //gathergen:async [TARGET] [as NAME].
type asyncSpec struct {
	// target is PKG.FUNC for a function of another package, a method
	// ((*PKG.TYPE).METHOD, PKG.TYPE.METHOD, TYPE.METHOD), or empty for the
	// function whose doc comment holds the directive.
	target word
	// t is the target parsed.
	t target
	// as is the wrapper's name when given.
	as word
}

// gatherSpec is //gathergen:gather NAME F G ...
type gatherSpec struct {
	name  word
	elems []word
}

// problem is a diagnostic before it has a file position.
type problem struct {
	pos token.Pos
	msg string
}

// errorf returns a problem at pos.
func errorf(pos token.Pos, format string, args ...any) *problem {
	return &problem{pos: pos, msg: fmt.Sprintf(format, args...)}
}

// parseDirective parses one comment line. It reports ok == false when the
// line is not a gathergen directive, and a problem when it is one that is
// malformed. It never panics, whatever the text.
func parseDirective(pos token.Pos, text string) (d directive, ok bool, p *problem) {
	dir, ok := ast.ParseDirective(pos, text)
	if !ok || dir.Tool != toolName {
		p := nearMiss(pos, text)
		return directive{pos: pos}, p != nil, p
	}
	d.pos = dir.Slash
	args, err := dir.ParseArgs()
	if err != nil {
		return d, true, errorf(dir.ArgsPos, "malformed //gathergen:%s arguments: %v", dir.Name, err)
	}
	words := make([]word, len(args))
	for i, a := range args {
		if strings.HasPrefix(a.Arg, "//") {
			return d, true, errorf(a.Pos, "malformed //gathergen:%s: a directive cannot have a trailing comment; put it on a line of its own", dir.Name)
		}
		words[i] = word{text: a.Arg, pos: a.Pos}
	}
	switch dir.Name {
	case "async":
		d.async, p = parseAsync(words)
	case "gather":
		d.gather, p = parseGather(dir.Slash, words)
	case "activity":
		d.activity, p = parseActivity(words)
	default:
		p = errorf(dir.Slash, "unknown directive //gathergen:%s (known: async, activity, gather)", dir.Name)
	}
	return d, true, p
}

// nearMiss returns a problem for a line comment that was meant as a
// directive but is not one, which would otherwise be ignored without a
// word: "// gathergen:async", "//gathergen: async", "//gathergen:Async".
func nearMiss(pos token.Pos, text string) *problem {
	rest, ok := strings.CutPrefix(text, "//")
	if !ok || !strings.HasPrefix(strings.TrimLeft(rest, " \t"), toolName+":") {
		return nil
	}
	return errorf(pos, "malformed directive %q: write //gathergen:VERB, in lower case, with no space after // or after the colon", text)
}

// asyncUsage is the shape of the async directive's arguments.
const asyncUsage = `want //gathergen:async, //gathergen:async as NAME, or //gathergen:async TARGET [as NAME] where TARGET is PKG.FUNC, (*PKG.TYPE).METHOD, PKG.TYPE.METHOD or TYPE.METHOD`

// parseAsync parses the arguments of //gathergen:async.
func parseAsync(args []word) (*asyncSpec, *problem) {
	spec := &asyncSpec{}
	if len(args) > 0 && args[0].text != "as" {
		spec.target, args = args[0], args[1:]
		if p := spec.splitTarget(); p != nil {
			return nil, p
		}
	}
	switch {
	case len(args) == 0:
		return spec, nil
	case args[0].text != "as":
		return nil, errorf(args[0].pos, "malformed //gathergen:async: unexpected %q; %s", args[0].text, asyncUsage)
	case len(args) == 1:
		return nil, errorf(args[0].pos, "malformed //gathergen:async: missing NAME after as; %s", asyncUsage)
	case len(args) > 2:
		return nil, errorf(args[2].pos, "malformed //gathergen:async: unexpected %q after the name; %s", args[2].text, asyncUsage)
	}
	spec.as = args[1]
	if p := checkName(spec.as, "wrapper name"); p != nil {
		return nil, p
	}
	return spec, nil
}

// splitTarget parses the target: PKG may be an import path.
func (s *asyncSpec) splitTarget() *problem {
	t, msg := parseTarget(s.target.text)
	if msg != "" {
		return errorf(s.target.pos, "malformed //gathergen:async: %q %s", s.target.text, msg)
	}
	s.t = t
	return nil
}

// splitQualified splits "a/b.c.F" into "a/b.c" and "F".
func splitQualified(s string) (qual, name string, ok bool) {
	i := strings.LastIndexByte(s, '.')
	if i <= 0 || i == len(s)-1 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// parseGather parses the arguments of //gathergen:gather.
func parseGather(pos token.Pos, args []word) (*gatherSpec, *problem) {
	if len(args) == 0 {
		return nil, errorf(pos, "malformed //gathergen:gather: missing NAME; want //gathergen:gather NAME F G ...")
	}
	spec := &gatherSpec{name: args[0], elems: args[1:]}
	if p := checkName(spec.name, "group name"); p != nil {
		return nil, p
	}
	switch n := len(spec.elems); {
	case n == 1:
		return nil, errorf(spec.name.pos, "//gathergen:gather %s names one function; a group takes 2 to %d: for one, call its Async wrapper and Await it", spec.name.text, maxGroup)
	case n < 2 || n > maxGroup:
		return nil, errorf(spec.name.pos, "//gathergen:gather %s names %d functions; a group takes 2 to %d", spec.name.text, n, maxGroup)
	}
	for _, e := range spec.elems {
		if p := checkElem(e); p != nil {
			return nil, p
		}
	}
	return spec, nil
}

// checkElem checks the syntax of a group element: F, or a target as an
// async directive names it (PKG.FUNC, Type.Method, (*PKG.TYPE).METHOD, ...).
func checkElem(e word) *problem {
	if token.IsIdentifier(e.text) {
		return nil
	}
	if _, msg := parseTarget(e.text); msg != "" {
		return errorf(e.pos, "malformed //gathergen:gather: %q is not F, Type.Method, PKG.FUNC or (*PKG.TYPE).METHOD", e.text)
	}
	return nil
}

// checkName checks that a name given by a directive can name a generated
// declaration.
func checkName(w word, what string) *problem {
	switch {
	case !token.IsIdentifier(w.text) || w.text == "_":
		return errorf(w.pos, "%s %q is not a valid identifier", what, w.text)
	case w.text == "init":
		return errorf(w.pos, "%s cannot be init", what)
	}
	return nil
}
