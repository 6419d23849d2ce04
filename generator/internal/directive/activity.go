package directive

import (
	"go/token"
	"strings"
)

// LocalWord is the first argument of the directive of a local activity:
// //gathergen:activity local [PKG.FUNC] [as NAME]. A target PKG.FUNC has
// a dot, so that local is never one.
const LocalWord = "local"

// MapWord is the first argument of the directive of an activity that gets
// a Map: //gathergen:activity map [PKG.FUNC] [as NAME]. Like local, it is
// never a target.
const MapWord = "map"

// activityUsage is the shape of the activity directive's arguments.
const activityUsage = `want //gathergen:activity [local|map], //gathergen:activity [local|map] as NAME, or //gathergen:activity [local|map] PKG.FUNC [as NAME]`

// activityOptions reads the options local and map that open the arguments
// of //gathergen:activity into d, and returns the arguments after them. An
// activity is local or has a Map, not both: a Map starts its activity as
// an ordinary one in child workflows, spread over the workers, where a
// local activity runs in the worker of the workflow that calls it.
func (d *Directive) activityOptions(args []Word) ([]Word, *Problem) {
	for len(args) > 0 && (args[0].Text == LocalWord || args[0].Text == MapWord) {
		w := args[0]
		switch {
		case (w.Text == LocalWord && d.Local) || (w.Text == MapWord && d.Map):
			return nil, errorf(w.Pos, "malformed //gathergen:activity: %s given twice; %s", w.Text, activityUsage)
		case d.Local || d.Map:
			return nil, errorf(w.Pos, "//gathergen:activity cannot be both local and map: a Map runs its activity as an ordinary activity in child workflows, spread over the workers, and a local activity runs in the worker of the workflow that calls it; drop local for a Map, or drop map and start the local activity's stub once per element")
		}
		d.Local = d.Local || w.Text == LocalWord
		d.Map = d.Map || w.Text == MapWord
		args = args[1:]
	}
	return args, nil
}

// ActivityMethodHint says which methods can be activities.
const ActivityMethodHint = "an activity is a method of this package, with //gathergen:activity in its doc comment, or a function: make an activity of a function that calls it"

// parseActivity parses the arguments of //gathergen:activity, which are
// those of //gathergen:async but for the targets that name methods of other
// packages' types: [PKG.FUNC] [as NAME].
func parseActivity(args []Word) (*AsyncSpec, *Problem) {
	if len(args) > 0 && args[0].Text != "as" {
		if p := checkActivityTarget(args[0]); p != nil {
			return nil, p
		}
	}
	spec, p := parseAsync(args)
	if p != nil {
		msg := strings.ReplaceAll(p.Msg, asyncUsage, activityUsage)
		p.Msg = strings.ReplaceAll(AsActivity(msg), "wrapper name", "activity name")
		return nil, p
	}
	return spec, nil
}

// checkActivityTarget checks the syntax of the target of an activity
// directive: PKG.FUNC, and no method of a type ((*PKG.TYPE).METHOD,
// TYPE[P].METHOD).
func checkActivityTarget(w Word) *Problem {
	if strings.ContainsAny(w.Text, "([") {
		return errorf(w.Pos, "malformed //gathergen:activity: %q names a method of a type; %s", w.Text, ActivityMethodHint)
	}
	qual, name, ok := SplitQualified(w.Text)
	if !ok || !token.IsIdentifier(name) || strings.ContainsAny(qual, ")*] ") {
		return errorf(w.Pos, "malformed //gathergen:activity: %q is not PKG.FUNC; %s", w.Text, activityUsage)
	}
	return nil
}

// AsActivity rewrites a message about an async directive, whose parsing
// and resolution activities share, to speak of the activity directive.
func AsActivity(msg string) string {
	return strings.ReplaceAll(msg, "//"+ToolName+":async", "//"+ToolName+":activity")
}
