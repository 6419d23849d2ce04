package directive

import (
	"go/token"
	"strings"
)

// LocalWord is the first argument of the directive of a local activity:
// //gathergen:activity local [PKG.FUNC] [as NAME]. A target PKG.FUNC has
// a dot, so that local is never one.
const LocalWord = "local"

// activityUsage is the shape of the activity directive's arguments.
const activityUsage = `want //gathergen:activity [local], //gathergen:activity [local] as NAME, or //gathergen:activity [local] PKG.FUNC [as NAME]`

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
