package resolve

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"github.com/gathergen/gathergen/generator/internal/converter"
	"github.com/gathergen/gathergen/generator/internal/directive"
	"github.com/gathergen/gathergen/generator/internal/model"
)

// activities resolves the package's activity directives into m, after its
// async wrappers: a function is an activity or an async function, not
// both, and two activities never share a name. Each activity builds under
// the constraint of its directive's file, which constraints holds.
func activities(a *Analyzer, m *model.Model, constraints map[*ast.File]string) {
	async := map[*types.Func]*model.Wrapper{}
	for _, w := range m.Wrappers {
		async[w.Fn] = w
	}
	byFunc := map[*types.Func]*model.Activity{}
	byName := map[string]*model.Activity{}
	for _, f := range a.Scan.Found {
		if f.D.Activity == nil {
			continue
		}
		act := resolveActivity(a, f)
		if act != nil {
			act.Unit = a.unitOf(f, constraints[f.File])
			act.Key = a.Pkg.Fset.Position(f.D.Pos).String()
		}
		switch {
		case act == nil:
		case byFunc[act.Fn] != nil:
			a.Report(act.Pos, "%s already has a //gathergen:activity directive at %s", act.Label, a.where(byFunc[act.Fn].Pos))
		case async[act.Fn] != nil:
			a.Report(act.Pos, "%s has a //gathergen:async directive too, at %s: a function is an in-process async function or an activity, not both (a group naming it could not tell which to gather)", act.Label, a.where(async[act.Fn].Pos))
		case byName[act.Registered] != nil:
			a.Report(act.Pos, "duplicate activity name %q: the activity at %s is registered under it too, and neither a worker nor a replay could tell them apart; name one otherwise with as NAME", act.Registered, a.where(byName[act.Registered].Pos))
		default:
			byFunc[act.Fn] = act
			byName[act.Registered] = act
			m.Activities = append(m.Activities, act)
		}
	}
}

// resolveActivity resolves one activity directive as an async directive
// would be resolved, and checks what Temporal needs of an activity.
func resolveActivity(a *Analyzer, f directive.Found) *model.Activity {
	spec := f.D.Activity
	if _, ok := f.Owner.(*ast.FuncDecl); !ok && spec.Target.Text == "" {
		a.Report(f.D.Pos, "//gathergen:activity without PKG.FUNC belongs in the doc comment of a function or method, not %s", describe(f.Owner))
		return nil
	}
	n := len(a.Diags)
	async := f
	async.D.Async, async.D.Activity = spec, nil
	w := asyncWrapper(a, async)
	for i := n; i < len(a.Diags); i++ {
		a.Diags[i].Message = directive.AsActivity(a.Diags[i].Message)
	}
	if w == nil {
		return nil
	}
	if w.Self != nil {
		a.Report(w.Pos, "cannot make %s an activity: %s", w.Label, directive.ActivityMethodHint)
		return rejectActivity(a, w.Fn)
	}
	recv := ""
	if w.Recv != nil {
		recv = w.Recv.Name()
	}
	base := directive.ActivityBase(spec, w.Fn.Name(), recv)
	// the name is an identifier, which has no dot: Temporal's replay
	// compares only what follows a name's last dot, and two distinct
	// identifiers differ there
	act := &model.Activity{Wrapper: w, Registered: base, ConstName: directive.ConstName(base)}
	act.Name = directive.StubName(base, f.D.Local)
	act.Local = f.D.Local
	if problem := activityProblem(w, a.Pkg.Types); problem != "" {
		a.Report(w.Pos, "cannot make %s an activity: %s", w.Label, problem)
		return rejectActivity(a, w.Fn)
	}
	if f.D.Map {
		if act.Map = activityMap(a, act); act.Map == nil {
			return rejectActivity(a, w.Fn)
		}
	}
	return act
}

// rejectActivity notes a function whose activity directive has a problem,
// as reject does, and returns nil.
func rejectActivity(a *Analyzer, fn *types.Func) *model.Activity {
	reject(a, fn)
	return nil
}

// activityProblem returns why Temporal cannot run w's function as an
// activity, or "": it is generic, returns more than one value besides its
// error, or takes or returns a value that the default data converter
// cannot carry (see CarryProblem).
func activityProblem(w *model.Wrapper, local *types.Package) string {
	if w.Sig.TypeParams().Len() > 0 || w.Sig.RecvTypeParams().Len() > 0 {
		return "it is generic, and Temporal registers functions of one type only: make an activity of a function that calls it with the type arguments it needs"
	}
	if w.Kind == model.ResultStruct {
		return "it returns " + strconv.Itoa(len(w.Values())) + " values besides an error, and an activity returns one value and an error: return a struct that holds them"
	}
	for _, p := range w.OwnParams() {
		if why := converter.CarryProblem(p.V.Type(), local); why != "" {
			return "parameter " + paramLabel(p) + " " + why
		}
	}
	for _, v := range w.Values() {
		if why := converter.CarryProblem(v.Type(), local); why != "" {
			return "its result " + why
		}
	}
	return ""
}

// paramLabel names a parameter in a message: its name, or its position
// for one without a name.
func paramLabel(p model.Indexed) string {
	if p.V.Name() == "" || p.V.Name() == "_" {
		return "#" + strconv.Itoa(p.Index+1)
	}
	return p.V.Name()
}

// activityRenameHint says how to give the names of act others: its
// directive with as NAME, its options and its target kept.
func activityRenameHint(act *model.Activity) string {
	words := []string{"//gathergen:activity"}
	if act.Local {
		words = append(words, "local")
	}
	if act.Map != nil {
		words = append(words, "map")
	}
	if act.Target != "" {
		words = append(words, act.Target)
	}
	hint := "name the activity otherwise with " + strings.Join(words, " ") + " as NAME"
	if act.Map != nil {
		hint += ", whose Map is NAMEMap"
	}
	return hint
}

// activityNames lists what the activity file declares.
func activityNames(m *model.Model) []declared {
	var names []declared
	for _, act := range m.Activities {
		hint := activityRenameHint(act)
		for _, name := range []string{act.Name, act.ConstName} {
			names = append(names, declared{name: name, pos: act.Pos, hint: hint})
		}
		if act.Map != nil {
			names = append(names, mapNames(act, hint)...)
		}
	}
	if len(m.Activities) > 0 {
		names = append(names, declared{name: directive.RegisterName, pos: m.Activities[0].Pos, fixed: true})
	}
	for _, act := range m.Activities {
		if act.Recv != nil {
			names = append(names, declared{name: directive.ReceiversName, pos: act.Pos, fixed: true})
			break
		}
	}
	for _, g := range m.ActivityGroups {
		names = append(names, declared{name: g.Name, pos: g.Pos, hint: groupRenameHint})
	}
	return names
}

// activityGroup resolves a gather directive whose elements are activities.
// It reports handled == false when no element names an activity, for the
// directive to be an in-process group; a group that names activities and
// async functions is a problem.
func activityGroup(a *Analyzer, f directive.Found, m *model.Model) (g *model.ActivityGroup, handled bool) {
	acts := make([]*model.Wrapper, len(m.Activities))
	byWrapper := map[*model.Wrapper]*model.Activity{}
	for i, act := range m.Activities {
		acts[i] = act.Wrapper
		byWrapper[act.Wrapper] = act
	}
	spec := f.D.Gather
	var isAct, isAsync []string
	for _, e := range spec.Elems {
		if _, named := matchElement(a, f.File, e, acts); named {
			isAct = append(isAct, e.Text)
		} else if _, named := matchElement(a, f.File, e, m.Wrappers); named {
			isAsync = append(isAsync, e.Text)
		}
	}
	switch {
	case len(isAct) == 0:
		return nil, false
	case len(isAsync) > 0:
		a.Report(f.D.Pos, "//gathergen:gather %s mixes activities (%s) with in-process async functions (%s): a group runs in a workflow or in-process, not both; make two groups", spec.Name.Text, strings.Join(isAct, ", "), strings.Join(isAsync, ", "))
		return nil, true
	}
	g = &model.ActivityGroup{Name: spec.Name.Text, Pos: f.D.Pos, Scoped: spec.Scoped}
	n := len(a.Diags)
	for _, e := range spec.Elems {
		w, _ := matchElement(a, f.File, e, acts)
		switch {
		case w == nil && registeredAs(m.Activities, e.Text) != nil:
			act := registeredAs(m.Activities, e.Text)
			a.Report(e.Pos, "unknown function %s: it is the name of the activity %s; name %s instead", e.Text, act.Label, act.Label)
			continue
		case w == nil:
			// the message of the in-process group's resolution, about
			// the activity directive
			element(a, f.File, e, acts)
			continue
		}
		g.Elems = append(g.Elems, byWrapper[w])
	}
	for i := n; i < len(a.Diags); i++ {
		a.Diags[i].Message = directive.AsActivity(a.Diags[i].Message)
	}
	if len(g.Elems) < len(spec.Elems) {
		return nil, true
	}
	return g, true
}

// registeredAs returns the activity registered as name, or nil.
func registeredAs(acts []*model.Activity, name string) *model.Activity {
	for _, act := range acts {
		if act.Registered == name {
			return act
		}
	}
	return nil
}

// matchElement finds, without reporting anything, the wrapper among ws that
// a group element names: F, Type.Method, Method where one method of ws has
// that name, or PKG.FUNC. It reports named when the element names some of
// ws, one or, for a method name that several have, more.
func matchElement(a *Analyzer, file *ast.File, e directive.Word, ws []*model.Wrapper) (w *model.Wrapper, named bool) {
	qual, name, ok := directive.SplitQualified(e.Text)
	if !ok {
		var methods []*model.Wrapper
		for _, w := range ws {
			switch {
			case w.External || w.Fn.Name() != e.Text:
			case w.Recv == nil:
				return w, true
			default:
				methods = append(methods, w)
			}
		}
		if len(methods) == 1 {
			return methods[0], true
		}
		return nil, len(methods) > 1
	}
	if tn, ok := a.Pkg.Types.Scope().Lookup(qual).(*types.TypeName); ok {
		if base := baseTypeName(tn.Type()); base != nil {
			tn = base
		}
		for _, w := range ws {
			if w.Recv == tn && w.Fn.Name() == name {
				return w, true
			}
		}
		return nil, false
	}
	if pkg := imported(a, file, qual); pkg != nil {
		for _, w := range ws {
			if w.External && w.Fn.Pkg().Path() == pkg.Path() && w.Fn.Name() == name {
				return w, true
			}
		}
	}
	return nil, false
}
