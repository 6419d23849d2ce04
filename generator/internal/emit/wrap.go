package emit

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// Generated lines are at most maxWidth columns wide, a tab counting
// tabWidth: a signature or a call that would be wider takes one parameter
// or argument per line, and a doc comment wraps between words.
const (
	maxWidth = 100
	tabWidth = 4
)

// multiline writes a list one element per line, as gofmt-minded people wrap
// a long signature or call.
var multiline = jen.Options{Open: "(", Close: ")", Separator: ",", Multi: true}

// multilineTypes writes a list of type parameters one per line.
var multilineTypes = jen.Options{Open: "[", Close: "]", Separator: ",", Multi: true}

// fits reports whether the first line of code, a declaration at depth 0
// or a statement deeper, indented depth tabs, is at most maxWidth wide.
// It formats code on its own, inside a function for a statement; an
// import is named by its path's last element there, which may differ from
// the file's name for it by a digit.
func fits(code jen.Code, depth int) bool {
	var out bytes.Buffer
	stmt := jen.Add(code)
	if depth > 0 {
		stmt = jen.Func().Id("_").Params().Block(code)
	}
	if err := stmt.Render(&out); err != nil {
		return false
	}
	text := out.String()
	if depth > 0 {
		_, text, _ = strings.Cut(text, "\n\t")
	}
	first, _, _ := strings.Cut(text, "\n")
	return depth*tabWidth+utf8.RuneCountInString(first) <= maxWidth
}

// fitSignature adds the type parameters, parameters and results to the
// head of a function (func, receiver and name) that starts a line at depth
// and is followed by " {": on one line, or, when that line would be wider
// than maxWidth, one parameter per line, and one type parameter per line
// too when the type parameters alone are that wide. A single unnamed
// result is written without parentheses, and no result without any.
func fitSignature(depth int, head *jen.Statement, tparams, params, results []jen.Code) *jen.Statement {
	build := func(multiTypes, multiParams bool) *jen.Statement {
		s := jen.Add(head)
		switch {
		case len(tparams) > 0 && multiTypes:
			s.Custom(multilineTypes, tparams...)
		case len(tparams) > 0:
			s.Types(tparams...)
		}
		if multiParams {
			s.Custom(multiline, params...)
		} else {
			s.Params(params...)
		}
		switch len(results) {
		case 0:
			return s
		case 1:
			return s.Add(results[0])
		}
		return s.Params(results...)
	}
	if oneLine := build(false, false); fits(jen.Add(oneLine).Block(), depth) {
		return oneLine
	}
	if multi := build(false, true); fits(jen.Add(multi).Block(), depth) {
		return multi
	}
	return build(true, true)
}

// fitCall writes lead (return, or nothing) and the call of fn with the
// arguments that args builds for the depth they are written at: on the
// line of lead, at depth, when that line fits, and otherwise one argument
// per line at depth+1.
func fitCall(depth int, lead func(...jen.Code) *jen.Statement, fn *jen.Statement, args func(depth int) []jen.Code) *jen.Statement {
	oneLine := lead(jen.Add(fn).Call(args(depth)...))
	if fits(oneLine, depth) {
		return oneLine
	}
	return lead(jen.Add(fn).Custom(multiline, args(depth+1)...))
}

// statement is a lead that writes nothing: the call is the statement.
func statement(code ...jen.Code) *jen.Statement {
	return jen.Add(code...)
}

// docf adds a doc comment to f, its words wrapped so that no line is wider
// than maxWidth.
func docf(f *jen.File, format string, args ...any) {
	var line strings.Builder
	for _, word := range strings.Fields(fmt.Sprintf(format, args...)) {
		if line.Len() > 0 && utf8.RuneCountInString("// "+line.String()+" "+word) > maxWidth {
			f.Comment(line.String())
			line.Reset()
		}
		if line.Len() > 0 {
			line.WriteString(" ")
		}
		line.WriteString(word)
	}
	f.Comment(line.String())
}
