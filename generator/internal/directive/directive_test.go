package directive

import (
	"go/token"
	"strings"
	"testing"
)

func TestParseDirective(t *testing.T) {
	tests := []struct {
		text    string
		ok      bool
		problem string
		want    string
	}{
		{text: "// gathergen:async", ok: true, problem: "no space after // or after the colon"},
		{text: "//  gathergen:gather G F H", ok: true, problem: "no space after // or after the colon"},
		{text: "//gathergen: async", ok: true, problem: "no space after // or after the colon"},
		{text: "//gathergen:Async", ok: true, problem: "in lower case"},
		{text: "//gathergen:", ok: true, problem: "write //gathergen:VERB"},
		{text: "// gathergen writes wrappers", ok: false},
		{text: "// see gathergen:async", ok: false},
		{text: "//gathergen:async as X // the wrapper", ok: true, problem: "trailing comment"},
		{text: "//gathergen:async strconv.Atoi //", ok: true, problem: "trailing comment"},
		{text: "//go:generate gathergen", ok: false},
		{text: "/*gathergen:async*/", ok: false},
		{text: "//gathergen:async", ok: true, want: "async  as "},
		{text: "//gathergen:async as Other", ok: true, want: "async  as Other"},
		{text: "//gathergen:async strconv.Atoi", ok: true, want: "async strconv.Atoi as "},
		{text: "//gathergen:async net/http.Get as Fetch", ok: true, want: "async net/http.Get as Fetch"},
		{text: "//gathergen:async gopkg.in/yaml.v3.Marshal", ok: true, want: "async gopkg.in/yaml.v3.Marshal as "},
		{text: `//gathergen:async "strconv.Atoi" as "P"`, ok: true, want: "async strconv.Atoi as P"},
		{text: "//gathergen:gather G F T.M pkg.F", ok: true, want: "gather G F T.M pkg.F"},
		{text: "//gathergen:async (*http.Client).Do", ok: true, want: "async (*http.Client).Do as "},
		{text: "//gathergen:async (*net/http.Client).Do as Fetch", ok: true, want: "async (*net/http.Client).Do as Fetch"},
		{text: "//gathergen:async (*atomic.Pointer[T]).Load", ok: true, want: "async (*atomic.Pointer[T]).Load as "},
		{text: "//gathergen:async Cache[K,V].Get", ok: true, want: "async Cache[K,V].Get as "},
		{text: "//gathergen:async time.Time.Format", ok: true, want: "async time.Time.Format as "},
		{text: "//gathergen:gather G (*T).M io.Reader.Read", ok: true, want: "gather G (*T).M io.Reader.Read"},
		{text: "//gathergen:async (*http.Client.Do", ok: true, problem: `is not (*TYPE).METHOD`},
		{text: "//gathergen:async (*).Do", ok: true, problem: `is not PKG.FUNC`},
		{text: "//gathergen:async (**T).Do", ok: true, problem: `is not PKG.FUNC`},
		{text: "//gathergen:async x[T.M", ok: true, problem: `type parameters that do not follow the type`},
		{text: "//gathergen:async x[T]", ok: true, problem: `type parameters that do not follow the type`},
		{text: "//gathergen:async T[K,K].M", ok: true, problem: `write distinct names`},
		{text: "//gathergen:async T[string].M", ok: true, problem: `not types`},
		{text: "//gathergen:gather G F (*T.M", ok: true, problem: `is not F, Type.Method, PKG.FUNC or (*PKG.TYPE).METHOD`},
		{text: "//gathergen:async as", ok: true, problem: "missing NAME after as"},
		{text: "//gathergen:async x.F as", ok: true, problem: "missing NAME after as"},
		{text: "//gathergen:async as A B", ok: true, problem: `unexpected "B" after the name`},
		{text: "//gathergen:async F", ok: true, problem: `"F" is not PKG.FUNC`},
		{text: "//gathergen:async .F", ok: true, problem: `".F" is not PKG.FUNC`},
		{text: "//gathergen:async x.1", ok: true, problem: `"x.1" is not PKG.FUNC`},
		{text: "//gathergen:async x.F is Y", ok: true, problem: `unexpected "is"`},
		{text: "//gathergen:async as x-y", ok: true, problem: `wrapper name "x-y" is not a valid identifier`},
		{text: "//gathergen:async as init", ok: true, problem: "wrapper name cannot be init"},
		{text: "//gathergen:async `unterminated", ok: true, problem: "malformed //gathergen:async arguments"},
		{text: "//gathergen:gather", ok: true, problem: "missing NAME"},
		{text: "//gathergen:gather G F", ok: true, problem: "names one function; a group takes 2 to 9: for one, call its Async wrapper"},
		{text: "//gathergen:gather G", ok: true, problem: "names 0 functions; a group takes 2 to 9"},
		{text: "//gathergen:gather G a b c d e f g h i j", ok: true, problem: "names 10 functions; a group takes 2 to 9"},
		{text: "//gathergen:gather _ F G", ok: true, problem: `group name "_" is not a valid identifier`},
		{text: "//gathergen:gather G F x..", ok: true, problem: `"x.." is not F, Type.Method, PKG.FUNC or (*PKG.TYPE).METHOD`},
		{text: "//gathergen:wait", ok: true, problem: "unknown directive //gathergen:wait"},
		{text: "//gathergen:activity", ok: true, want: "activity  as "},
		{text: "//gathergen:activity as FetchUser", ok: true, want: "activity  as FetchUser"},
		{text: "//gathergen:activity net/http.Get as Fetch", ok: true, want: "activity net/http.Get as Fetch"},
		{text: "//gathergen:activity as", ok: true, problem: "malformed //gathergen:activity: missing NAME after as; want //gathergen:activity [local|map],"},
		{text: "//gathergen:activity F", ok: true, problem: `malformed //gathergen:activity: "F" is not PKG.FUNC`},
		{text: "//gathergen:activity as x-y", ok: true, problem: `activity name "x-y" is not a valid identifier`},
		{text: "//gathergen:activity (*T).M", ok: true, problem: `malformed //gathergen:activity: "(*T).M" names a method of a type; an activity is a method of this package`},
		{text: "//gathergen:activity x.1", ok: true, problem: `"x.1" is not PKG.FUNC; want //gathergen:activity [local|map], //gathergen:activity [local|map] as NAME, or //gathergen:activity [local|map] PKG.FUNC [as NAME]`},
		{text: "//gathergen:activity local", ok: true, want: "local activity  as "},
		{text: "//gathergen:activity local strconv.Atoi as Parse", ok: true, want: "local activity strconv.Atoi as Parse"},
		{text: "//gathergen:activity local as", ok: true, problem: "malformed //gathergen:activity: missing NAME after as"},
		{text: "//gathergen:activity map", ok: true, want: "map activity  as "},
		{text: "//gathergen:activity map as Fetch", ok: true, want: "map activity  as Fetch"},
		{text: "//gathergen:activity map strconv.Itoa as Format", ok: true, want: "map activity strconv.Itoa as Format"},
		{text: "//gathergen:activity map as", ok: true, problem: "malformed //gathergen:activity: missing NAME after as; want //gathergen:activity [local|map],"},
		{text: "//gathergen:activity map F", ok: true, problem: `malformed //gathergen:activity: "F" is not PKG.FUNC`},
		{text: "//gathergen:activity map map", ok: true, problem: "malformed //gathergen:activity: map given twice; want //gathergen:activity [local|map],"},
		{text: "//gathergen:activity local local", ok: true, problem: "malformed //gathergen:activity: local given twice"},
		{text: "//gathergen:activity local map", ok: true, problem: "//gathergen:activity cannot be both local and map: a Map runs its activity as an ordinary activity in child workflows"},
		{text: "//gathergen:activity map local strconv.Itoa", ok: true, problem: "//gathergen:activity cannot be both local and map"},
		{text: "//gathergen:activity as map", ok: true, problem: `activity name "map" is not a valid identifier`},
		{text: "//gathergen:workflow", ok: true, want: "workflow as "},
		{text: "//gathergen:workflow as Ship", ok: true, want: "workflow as Ship"},
		{text: "//gathergen:workflow as", ok: true, problem: "malformed //gathergen:workflow: missing NAME after as"},
		{text: "//gathergen:workflow as 9", ok: true, problem: `workflow name "9" is not a valid identifier`},
		{text: "//gathergen:workflow Ship", ok: true, problem: `malformed //gathergen:workflow: unexpected "Ship"`},
		{text: "//gathergen:workflow as A B", ok: true, problem: `unexpected "B" after the name`},
		{text: "//gathergen:activity x.F is", ok: true, problem: `malformed //gathergen:activity: unexpected "is"; want //gathergen:activity [local|map], //gathergen:activity [local|map] as NAME, or //gathergen:activity [local|map] PKG.FUNC [as NAME]`},
	}
	for _, tt := range tests {
		d, ok, p := parseDirective(token.Pos(1), tt.text)
		switch {
		case ok != tt.ok:
			t.Errorf("%s: ok = %v, want %v", tt.text, ok, tt.ok)
		case tt.problem != "" && (p == nil || !strings.Contains(p.Msg, tt.problem)):
			t.Errorf("%s: problem = %v, want one that says %q", tt.text, p, tt.problem)
		case tt.problem == "" && p != nil:
			t.Errorf("%s: unexpected problem %q", tt.text, p.Msg)
		case tt.want != "" && describeDirective(d) != tt.want:
			t.Errorf("%s: parsed as %q, want %q", tt.text, describeDirective(d), tt.want)
		}
	}
}

// describeDirective prints a parsed directive for comparison.
func describeDirective(d Directive) string {
	if d.Gather != nil {
		words := []string{"gather", d.Gather.Name.Text}
		for _, e := range d.Gather.Elems {
			words = append(words, e.Text)
		}
		return strings.Join(words, " ")
	}
	if d.Activity != nil && d.Map {
		return "map activity " + d.Activity.Target.Text + " as " + d.Activity.As.Text
	}
	if d.Activity != nil && d.Local {
		return "local activity " + d.Activity.Target.Text + " as " + d.Activity.As.Text
	}
	if d.Activity != nil {
		return "activity " + d.Activity.Target.Text + " as " + d.Activity.As.Text
	}
	if d.Workflow != nil {
		return "workflow as " + d.Workflow.As.Text
	}
	return "async " + d.Async.Target.Text + " as " + d.Async.As.Text
}

// TestDirectivePositions checks that problems point at the argument at
// fault.
func TestDirectivePositions(t *testing.T) {
	for _, tt := range []struct{ text, at string }{
		{"//gathergen:async as A B", "B"},
		{"//gathergen:activity local map", "map"},
		{"//gathergen:activity map map as F", "map as"},
	} {
		_, _, p := parseDirective(token.Pos(100), tt.text)
		if want := token.Pos(100 + strings.Index(tt.text, tt.at)); p == nil || p.Pos != want {
			t.Errorf("%s: problem %v, want one at %d", tt.text, p, want)
		}
	}
}

// FuzzParseDirective checks that no comment line makes the parser panic,
// and that what it accepts is well formed.
func FuzzParseDirective(f *testing.F) {
	for _, seed := range []string{
		"//gathergen:async",
		"//gathergen:async as Other",
		"//gathergen:async strconv.Atoi as ParseIntAsync",
		"//gathergen:async example.com/a/b.v2.F",
		"//gathergen:gather LoadPage FetchUser Client.FetchOrders strconv.Atoi",
		`//gathergen:gather "G" "F" ` + "`H`",
		"//gathergen:async as",
		"//gathergen:unknown x y",
		"//gathergen:",
		"// gathergen:async",
		"//gathergen:async \"\\x",
		"//gathergen:gather G . .. ...",
		"//gathergen:activity strconv.Atoi as Parse",
		"//gathergen:activity local as Tax",
		"//gathergen:activity map strconv.Itoa as Format",
		"//gathergen:workflow as Ship",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, ok, p := parseDirective(token.Pos(1), text)
		if !ok || p != nil {
			return
		}
		spec := d.Async
		if d.Activity != nil {
			spec = d.Activity
		}
		verbs := 0
		for _, set := range []bool{d.Async != nil, d.Activity != nil, d.Gather != nil, d.Workflow != nil} {
			if set {
				verbs++
			}
		}
		switch {
		case verbs != 1:
			t.Fatalf("%q: parsed as no verb or several", text)
		case spec != nil && spec.As.Text != "" && !token.IsIdentifier(spec.As.Text):
			t.Fatalf("%q: accepted name %q", text, spec.As.Text)
		case spec != nil && spec.Target.Text != "" && !token.IsIdentifier(spec.T.Name):
			t.Fatalf("%q: accepted function %q", text, spec.T.Name)
		case (d.Local || d.Map) && d.Activity == nil:
			t.Fatalf("%q: local or map without an activity", text)
		case d.Local && d.Map:
			t.Fatalf("%q: accepted an activity both local and map", text)
		case d.Workflow != nil && d.Workflow.As.Text != "" && !token.IsIdentifier(d.Workflow.As.Text):
			t.Fatalf("%q: accepted workflow name %q", text, d.Workflow.As.Text)
		case d.Gather != nil && (len(d.Gather.Elems) < 2 || len(d.Gather.Elems) > MaxGroup):
			t.Fatalf("%q: accepted a group of %d", text, len(d.Gather.Elems))
		}
	})
}
