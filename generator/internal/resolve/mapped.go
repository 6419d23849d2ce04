package resolve

import (
	"strconv"

	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/model"
)

// activityMap resolves the Map of an activity: the activity takes exactly
// one parameter besides its context, the element. Its types are those of
// the activity, which the data converter carries already
// (activityProblem), in slices as well.
func activityMap(a *Analyzer, act *model.Activity) *model.ActivityMap {
	params := act.OwnParams()
	if len(params) != 1 {
		hint := "take a struct that holds them"
		if len(params) == 0 {
			hint = "make an activity of a function that takes the element"
		}
		a.Report(act.Pos, "cannot give %s a Map: %s, and a Map gives each call one element: %s", act.Label, countParams(act.Wrapper, params), hint)
		return nil
	}
	name := directive.MapName(act.Registered)
	return &model.ActivityMap{
		Name:      name,
		ConstName: directive.WorkflowConstName(name),
		Mapper:    directive.MapperName(act.Registered),
	}
}

// countParams says how many parameters w's function takes besides its
// context, params, and which.
func countParams(w *model.Wrapper, params []model.Indexed) string {
	besides := ""
	if w.TakesCtx {
		besides = " besides its context"
	}
	if len(params) == 0 {
		return "it takes no parameter" + besides
	}
	return "it takes " + strconv.Itoa(len(params)) + " parameters" + besides + " (" + listParams(params) + ")"
}

// mapWorkflows drops, with a problem, the Map of each activity whose child
// workflow would be registered under the name of a workflow of the
// package: neither a worker nor a replay could tell them apart. Two Maps
// never share a name, as their activities do not.
func mapWorkflows(a *Analyzer, m *model.Model) {
	byName := map[string]*model.Workflow{}
	for _, wf := range m.Workflows {
		byName[wf.Registered] = wf
	}
	for _, act := range m.Activities {
		if act.Map == nil || byName[act.Map.Name] == nil {
			continue
		}
		a.Report(act.Pos, "duplicate workflow name %q: the workflow at %s is registered under it too, and the Map of %s registers its child workflow under it; neither a worker nor a replay could tell them apart: name the workflow or the activity otherwise with as NAME", act.Map.Name, a.where(byName[act.Map.Name].Pos), act.Label)
		act.Map = nil
	}
}

// mapNames lists what the activity file declares for the Map of act,
// renamed as hint says.
func mapNames(act *model.Activity, hint string) []declared {
	var names []declared
	for _, name := range []string{act.Map.Name, act.Map.ConstName, act.Map.Mapper} {
		names = append(names, declared{name: name, pos: act.Pos, hint: hint})
	}
	return names
}
