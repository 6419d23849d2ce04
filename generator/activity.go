package generator

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// Activities: //gathergen:activity makes a function, a method of this
// package or a function of another package a Temporal activity. Each one
// gets, in a file of its own (DefaultActivityOutput, so that a package
// without activities never imports the SDK):
//
//   - the name under which it is registered, as a constant NameActivityName;
//   - the workflow-side stub NameActivity(ctx workflow.Context, params...)
//     *gtemporal.Future[T], which calls gtemporal.Execute[T] with that name;
//
// and the package gets one RegisterActivities(r worker.ActivityRegistry,
// receivers...) that registers every activity under its name, and a
// workflow-side helper for each gather directive whose elements are
// activities, over gtemporal.Gather2..Gather9.
//
// The activity's name is its label (F, Type.Method, pkg.F) or the NAME of
// "as NAME"; the generated identifiers are Base+"Activity" and
// Base+"ActivityName", where Base is NAME, F, Type+Method or, for pkg.F, F.

// DefaultActivityOutput is the name of the file that holds a package's
// activities, beside DefaultOutput.
const DefaultActivityOutput = "activity_gen.go"

// Import paths that the activity file names, as text, with workflowPath
// (temporal_arity.go): the generator never imports the Temporal SDK or
// gathergen's temporal module.
const (
	temporalPath = "github.com/gathergen/gathergen/temporal"
	workerPath   = "go.temporal.io/sdk/worker"
	activityPath = "go.temporal.io/sdk/activity"
)

// temporalName is the package name of temporalPath, which is not its last
// element, so that it never collides with the SDK's own temporal package.
const temporalName = "gtemporal"

// registerName is the registration helper of a package's activities.
const registerName = "RegisterActivities"

// activity is one //gathergen:activity: the function, resolved as an async
// wrapper would be (wrapper.name is the stub's name), and its names.
type activity struct {
	*wrapper
	// registered is the name the activity is registered under.
	registered string
	// constName is the constant that holds registered.
	constName string
	// key is the directive's position, the same in every load.
	key string
}

// activityGroup is a gather directive whose elements are activities: a
// workflow-side helper that starts them and gathers their results.
type activityGroup struct {
	name  string
	elems []*activity
	pos   token.Pos
	// key is the directive's position, the same in every load.
	key string
	unit
}

// wrappers returns the wrappers of a group's activities.
func (g *activityGroup) wrappers() []*wrapper {
	ws := make([]*wrapper, len(g.elems))
	for i, act := range g.elems {
		ws[i] = act.wrapper
	}
	return ws
}

// activityUsage is the shape of the activity directive's arguments.
const activityUsage = `want //gathergen:activity, //gathergen:activity as NAME, or //gathergen:activity PKG.FUNC [as NAME]`

// activityMethodHint says which methods can be activities.
const activityMethodHint = "an activity is a method of this package, with //gathergen:activity in its doc comment, or a function: make an activity of a function that calls it"

// parseActivity parses the arguments of //gathergen:activity, which are
// those of //gathergen:async but for the targets that name methods of other
// packages' types: [PKG.FUNC] [as NAME].
func parseActivity(args []word) (*asyncSpec, *problem) {
	if len(args) > 0 && args[0].text != "as" {
		if p := checkActivityTarget(args[0]); p != nil {
			return nil, p
		}
	}
	spec, p := parseAsync(args)
	if p != nil {
		msg := strings.ReplaceAll(p.msg, asyncUsage, activityUsage)
		p.msg = strings.ReplaceAll(asActivity(msg), "wrapper name", "activity name")
		return nil, p
	}
	return spec, nil
}

// checkActivityTarget checks the syntax of the target of an activity
// directive: PKG.FUNC, and no method of a type ((*PKG.TYPE).METHOD,
// TYPE[P].METHOD).
func checkActivityTarget(w word) *problem {
	if strings.ContainsAny(w.text, "([") {
		return errorf(w.pos, "malformed //gathergen:activity: %q names a method of a type; %s", w.text, activityMethodHint)
	}
	qual, name, ok := splitQualified(w.text)
	if !ok || !token.IsIdentifier(name) || strings.ContainsAny(qual, ")*] ") {
		return errorf(w.pos, "malformed //gathergen:activity: %q is not PKG.FUNC; %s", w.text, activityUsage)
	}
	return nil
}

// asActivity rewrites a message about an async directive, whose parsing
// and resolution activities share, to speak of the activity directive.
func asActivity(msg string) string {
	return strings.ReplaceAll(msg, "//"+toolName+":async", "//"+toolName+":activity")
}

// activityBase is the base of an activity's generated identifiers: NAME of
// "as NAME", Type+Method for a method, the function's name otherwise.
func activityBase(spec *asyncSpec, fn, recv string) string {
	if spec.as.text != "" {
		return spec.as.text
	}
	if recv != "" {
		return recv + upperFirst(fn)
	}
	return fn
}

// stubName and constName name an activity's stub and name constant.
func stubName(base string) string  { return base + "Activity" }
func constName(base string) string { return base + "ActivityName" }

// addActivityCandidates notes the names an activity directive may
// generate.
func (a *analyzer) addActivityCandidates(spec *asyncSpec, owner ast.Node) {
	fn, recv := spec.t.name, ""
	if fd, ok := owner.(*ast.FuncDecl); ok && spec.t.name == "" {
		fn, recv = fd.Name.Name, recvTypeNameOf(fd)
	}
	base := activityBase(spec, fn, recv)
	a.candidates[stubName(base)] = true
	a.candidates[constName(base)] = true
	a.candidates[registerName] = true
}

// activities resolves the package's activity directives into m, after its
// async wrappers: a function is an activity or an async function, not
// both, and two activities never share a name. Each activity builds under
// the constraint of its directive's file, which constraints holds.
func (a *analyzer) activities(m *model, constraints map[*ast.File]string) {
	async := map[*types.Func]*wrapper{}
	for _, w := range m.wrappers {
		async[w.fn] = w
	}
	byFunc := map[*types.Func]*activity{}
	byName := map[string]*activity{}
	for _, f := range a.found {
		if f.d.activity == nil {
			continue
		}
		act := a.resolveActivity(f)
		if act != nil {
			act.unit = a.unitOf(f, constraints[f.file])
			act.key = a.pkg.Fset.Position(f.d.pos).String()
		}
		switch {
		case act == nil:
		case byFunc[act.fn] != nil:
			a.report(act.pos, "%s already has a //gathergen:activity directive at %s", act.label, a.where(byFunc[act.fn].pos))
		case async[act.fn] != nil:
			a.report(act.pos, "%s has a //gathergen:async directive too, at %s: a function is an in-process async function or an activity, not both (a group naming it could not tell which to gather)", act.label, a.where(async[act.fn].pos))
		case byName[act.registered] != nil:
			a.report(act.pos, "duplicate activity name %q: the activity at %s is registered under it too; name one otherwise with as NAME", act.registered, a.where(byName[act.registered].pos))
		default:
			byFunc[act.fn] = act
			byName[act.registered] = act
			m.activities = append(m.activities, act)
		}
	}
}

// resolveActivity resolves one activity directive as an async directive
// would be resolved, and checks what Temporal needs of an activity.
func (a *analyzer) resolveActivity(f found) *activity {
	spec := f.d.activity
	if _, ok := f.owner.(*ast.FuncDecl); !ok && spec.target.text == "" {
		a.report(f.d.pos, "//gathergen:activity without PKG.FUNC belongs in the doc comment of a function or method, not %s", describe(f.owner))
		return nil
	}
	n := len(a.diags)
	async := f
	async.d.async, async.d.activity = spec, nil
	w := a.asyncWrapper(async)
	for i := n; i < len(a.diags); i++ {
		a.diags[i].Message = asActivity(a.diags[i].Message)
	}
	if w == nil {
		return nil
	}
	if w.self != nil {
		a.report(w.pos, "cannot make %s an activity: %s", w.label, activityMethodHint)
		return a.rejectActivity(w.fn)
	}
	recv := ""
	if w.recv != nil {
		recv = w.recv.Name()
	}
	base := activityBase(spec, w.fn.Name(), recv)
	act := &activity{wrapper: w, registered: w.label, constName: constName(base)}
	if spec.as.text != "" {
		act.registered = spec.as.text
	}
	act.name = stubName(base)
	if problem := activityProblem(w, a.pkg.Types); problem != "" {
		a.report(w.pos, "cannot make %s an activity: %s", w.label, problem)
		return a.rejectActivity(w.fn)
	}
	return act
}

// rejectActivity notes a function whose activity directive has a problem,
// as reject does, and returns nil.
func (a *analyzer) rejectActivity(fn *types.Func) *activity {
	a.reject(fn)
	return nil
}

// activityProblem returns why Temporal cannot run w's function as an
// activity, or "": it is generic, returns more than one value besides its
// error, or takes or returns a value that the default data converter
// cannot carry (see carryProblem).
func activityProblem(w *wrapper, local *types.Package) string {
	if w.sig.TypeParams().Len() > 0 || w.sig.RecvTypeParams().Len() > 0 {
		return "it is generic, and Temporal registers functions of one type only: make an activity of a function that calls it with the type arguments it needs"
	}
	if w.kind == resultStruct {
		return "it returns " + strconv.Itoa(len(w.values())) + " values besides an error, and an activity returns one value and an error: return a struct that holds them"
	}
	for _, p := range w.ownParams() {
		if why := carryProblem(p.v.Type(), local); why != "" {
			return "parameter " + paramLabel(p) + " " + why
		}
	}
	for _, v := range w.values() {
		if why := carryProblem(v.Type(), local); why != "" {
			return "its result " + why
		}
	}
	return ""
}

// paramLabel names a parameter in a message: its name, or its position
// for one without a name.
func paramLabel(p indexed) string {
	if p.v.Name() == "" || p.v.Name() == "_" {
		return "#" + strconv.Itoa(p.index+1)
	}
	return p.v.Name()
}

// activityNames lists what the activity file declares.
func activityNames(m *model) []declared {
	var names []declared
	for _, act := range m.activities {
		names = append(names, declared{name: act.name, pos: act.pos}, declared{name: act.constName, pos: act.pos})
	}
	if len(m.activities) > 0 {
		names = append(names, declared{name: registerName, pos: m.activities[0].pos})
	}
	for _, g := range m.activityGroups {
		names = append(names, declared{name: g.name, pos: g.pos})
	}
	return names
}

// activityGroup resolves a gather directive whose elements are activities.
// It reports handled == false when no element names an activity, for the
// directive to be an in-process group; a group that names activities and
// async functions is a problem.
func (a *analyzer) activityGroup(f found, m *model) (g *activityGroup, handled bool) {
	acts := make([]*wrapper, len(m.activities))
	byWrapper := map[*wrapper]*activity{}
	for i, act := range m.activities {
		acts[i] = act.wrapper
		byWrapper[act.wrapper] = act
	}
	spec := f.d.gather
	var isAct, isAsync []string
	for _, e := range spec.elems {
		if _, named := a.matchElement(f.file, e, acts); named {
			isAct = append(isAct, e.text)
		} else if _, named := a.matchElement(f.file, e, m.wrappers); named {
			isAsync = append(isAsync, e.text)
		}
	}
	switch {
	case len(isAct) == 0:
		return nil, false
	case len(isAsync) > 0:
		a.report(f.d.pos, "//gathergen:gather %s mixes activities (%s) with in-process async functions (%s): a group runs in a workflow or in-process, not both; make two groups", spec.name.text, strings.Join(isAct, ", "), strings.Join(isAsync, ", "))
		return nil, true
	}
	g = &activityGroup{name: spec.name.text, pos: f.d.pos}
	n := len(a.diags)
	for _, e := range spec.elems {
		w, _ := a.matchElement(f.file, e, acts)
		switch {
		case w == nil && registeredAs(m.activities, e.text) != nil:
			act := registeredAs(m.activities, e.text)
			a.report(e.pos, "unknown function %s: it is the name of the activity %s; name %s instead", e.text, act.label, act.label)
			continue
		case w == nil:
			// the message of the in-process group's resolution, about
			// the activity directive
			a.element(f.file, e, acts)
			continue
		}
		g.elems = append(g.elems, byWrapper[w])
	}
	for i := n; i < len(a.diags); i++ {
		a.diags[i].Message = asActivity(a.diags[i].Message)
	}
	if len(g.elems) < len(spec.elems) {
		return nil, true
	}
	return g, true
}

// registeredAs returns the activity registered as name, or nil.
func registeredAs(acts []*activity, name string) *activity {
	for _, act := range acts {
		if act.registered == name {
			return act
		}
	}
	return nil
}

// matchElement finds, without reporting anything, the wrapper among ws that
// a group element names: F, Type.Method, Method where one method of ws has
// that name, or PKG.FUNC. It reports named when the element names some of
// ws, one or, for a method name that several have, more.
func (a *analyzer) matchElement(file *ast.File, e word, ws []*wrapper) (w *wrapper, named bool) {
	qual, name, ok := splitQualified(e.text)
	if !ok {
		var methods []*wrapper
		for _, w := range ws {
			switch {
			case w.external || w.fn.Name() != e.text:
			case w.recv == nil:
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
	if tn, ok := a.pkg.Types.Scope().Lookup(qual).(*types.TypeName); ok {
		if base := baseTypeName(tn.Type()); base != nil {
			tn = base
		}
		for _, w := range ws {
			if w.recv == tn && w.fn.Name() == name {
				return w, true
			}
		}
		return nil, false
	}
	if pkg := a.imported(file, qual); pkg != nil {
		for _, w := range ws {
			if w.external && w.fn.Pkg().Path() == pkg.Path() && w.fn.Name() == name {
				return w, true
			}
		}
	}
	return nil, false
}
