package gtemporal

import (
	"fmt"
	"reflect"
	"runtime"
	"sync"
	"time"
	"weak"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// plan is what a Mapper and a Reducer share: the child workflow that runs
// a range of the input as a leaf (the activities) or a branch (children of
// its own), folding each leaf's results into an R and combining the Rs of
// the children in input order. A Mapper's R is []Out.
type plan[In, Out, R any] struct {
	name     string // the child workflow's registered name
	activity string
	fold     func(acc R, index int, out Out) R
	combine  func(a, b R) R
}

// task is the argument of a Map's child workflow: the range of the input
// it runs, and what the caller's options were.
type task[In, R any] struct {
	First    int             // the index of In[0] in the whole input
	In       []In            // the elements left to run
	Leaf     bool            // run the activities (true) or children (false)
	Acc      R               // a leaf's fold of the elements before In (continue-as-new)
	Window   int             // the most leaves of this range running at once
	Options  MapOptions      // resolved
	Activity activityOptions // the caller's activity options
	Child    childOptions    // the caller's child workflow options
}

// activityOptions are the activity options that a Map carries from its
// caller's ctx to its leaves (workflow.ActivityOptions less what is per
// activity or cannot be encoded).
type activityOptions struct {
	TaskQueue              string
	ScheduleToCloseTimeout time.Duration
	ScheduleToStartTimeout time.Duration
	StartToCloseTimeout    time.Duration
	HeartbeatTimeout       time.Duration
	RetryPolicy            *temporal.RetryPolicy
	DisableEagerExecution  bool
	Summary                string
	Priority               temporal.Priority
}

// childOptions are the child workflow options that a Map carries from its
// caller's ctx to every child of the tree.
type childOptions struct {
	TaskQueue                string
	WorkflowExecutionTimeout time.Duration
	WorkflowRunTimeout       time.Duration
	WorkflowTaskTimeout      time.Duration
}

// eventsPerActivity is the most events that one activity in flight adds to
// a leaf's history: scheduled, started, a cancel request and its end, and
// the workflow task that handles it.
const eventsPerActivity = 8

// register registers the child workflow with r under p.name.
//
// The SDK also maps the function's own name (the part after its last dot)
// to p.name, and resolves a workflow function that it is given to that
// name: the method value p.run, made in generic code, is a closure named
// "func1", as are the literals of a test's workflows, which would then run
// as the Map. A function made by reflect.MakeFunc is named makeFuncStub,
// which no workflow of a user's is.
func (p *plan[In, Out, R]) register(r worker.WorkflowRegistry) {
	wf := reflect.MakeFunc(reflect.TypeFor[func(workflow.Context, task[In, R]) (R, error)](),
		func(args []reflect.Value) []reflect.Value {
			acc, err := p.run(args[0].Interface().(workflow.Context), args[1].Interface().(task[In, R]))
			errValue := reflect.New(reflect.TypeFor[error]()).Elem()
			if err != nil {
				errValue.Set(reflect.ValueOf(err))
			}
			return []reflect.Value{reflect.ValueOf(&acc).Elem(), errValue}
		})
	r.RegisterWorkflowWithOptions(wf.Interface(), workflow.RegisterOptions{Name: p.name})
}

// call is Map and Reduce in the calling workflow: it checks the options
// and the input, then runs the input's parts as children.
func (p *plan[In, Out, R]) call(ctx workflow.Context, caller string, in []In, o MapOptions) (R, error) {
	checkCtx(caller, ctx)
	o = o.resolve(caller)
	var zero R
	if len(in) == 0 {
		return zero, nil
	}
	if _, err := activityKind.options(ctx, p.activity); err != nil {
		return zero, err
	}
	parts, err := p.split(in, 0, o)
	if err != nil {
		return zero, err
	}
	t := task[In, R]{In: in, Window: o.Window, Options: o, Activity: carryActivity(ctx), Child: carryChild(ctx)}
	prefix := fmt.Sprintf("%s/map%d", workflow.GetInfo(ctx).WorkflowExecution.ID, callNumber(ctx))
	return p.fan(ctx, prefix, t, parts)
}

// run is the child workflow: a leaf runs its activities, a branch splits
// its range into children again.
func (p *plan[In, Out, R]) run(ctx workflow.Context, t task[In, R]) (R, error) {
	if t.Leaf {
		return p.leaf(ctx, t)
	}
	var zero R
	parts, err := p.split(t.In, t.First, t.Options)
	if err != nil {
		return zero, err
	}
	acc, err := p.fan(ctx, workflow.GetInfo(ctx).WorkflowExecution.ID, t, parts)
	if err != nil {
		return zero, err
	}
	if err := p.fits(acc, t.First, len(t.In), "results"); err != nil {
		return zero, err
	}
	return acc, nil
}

// fan runs parts of t.In as children, at most t.Window leaves at once: a
// part starts with a share of the window when a share is free, and hands
// it on when it ends. It combines the results in input order. The first
// failure cancels the rest; it, or ctx.Err() when ctx is done first, is
// returned once every child started has ended.
func (p *plan[In, Out, R]) fan(ctx workflow.Context, prefix string, t task[In, R], parts []span) (R, error) {
	var zero R
	scope, cancel := workflow.WithCancel(ctx)
	defer cancel()
	free := shares(t.Window, len(parts))
	results := make([]R, len(parts))
	futures := make([]workflow.Future, len(parts))
	ended := make([]bool, len(parts))
	var failure error
	sel := workflow.NewSelector(ctx)
	done := watch(ctx, sel)
	next, running := 0, 0
	for {
		for next < len(parts) && len(free) > 0 && failure == nil && !*done {
			i, share := next, free[len(free)-1]
			free = free[:len(free)-1]
			child, id := p.child(t, parts[i], share, prefix)
			futures[i] = workflow.ExecuteChildWorkflow(childContext(scope, t.Child, id), p.name, child)
			sel.AddFuture(futures[i], func(f workflow.Future) {
				running--
				ended[i] = true
				free = append(free, share)
				if err := f.Get(ctx, &results[i]); err != nil && failure == nil {
					failure = childError(err)
				}
			})
			next++
			running++
		}
		if running == 0 || failure != nil || *done {
			break
		}
		sel.Select(ctx)
	}
	if failure != nil || *done {
		cancel()
		drain(ctx, futures, ended)
		if *done {
			return zero, ctx.Err()
		}
		return zero, failure
	}
	acc := results[0]
	for _, r := range results[1:] {
		acc = p.combine(acc, r)
	}
	return acc, nil
}

// child returns the task of the child that runs part s of t, with share
// leaves of the window, and its workflow ID.
func (p *plan[In, Out, R]) child(t task[In, R], s span, share int, prefix string) (task[In, R], string) {
	c := t
	c.First = t.First + s.lo
	c.In = t.In[s.lo:s.hi]
	c.Leaf = s.leaf
	c.Window = share
	var zero R
	c.Acc = zero
	return c, fmt.Sprintf("%s/%d-%d", prefix, c.First, c.First+len(c.In)-1)
}

// childError returns the error of a failed child as the caller of the
// child reports it: the innermost *TaskError (the element's global index
// and the activity's name) when the child holds one; otherwise the SDK's
// *temporal.ChildWorkflowExecutionError, which names the child's workflow
// ID and holds its cause (a [MapResultTooLargeType] error, a timeout).
func childError(err error) error {
	if te, ok := AsTaskError(err); ok {
		return &TaskError{Index: te.Index, Name: te.Name, Err: te.Err}
	}
	return err
}

// leaf runs the activity over t.In, at most t.Options.PerRun at a time,
// and folds the results in index order. Past the history budget it starts
// nothing more, waits for what is in flight, and continues as new with the
// elements left and the fold so far. The first failure cancels the
// activities in flight and fails the leaf, once they have ended, with a
// *TaskError of the element's global index.
func (p *plan[In, Out, R]) leaf(ctx workflow.Context, t task[In, R]) (R, error) {
	var zero R
	actx, cancel := workflow.WithCancel(t.Activity.apply(ctx))
	defer cancel()
	n := len(t.In)
	futures := make([]workflow.Future, n)
	ended := make([]bool, n)
	outs := make([]Out, n)
	acc := t.Acc
	var failure error
	sel := workflow.NewSelector(ctx)
	done := watch(ctx, sel)
	info := workflow.GetInfo(ctx)
	next, running, folded := 0, 0, 0
	for {
		for next < n && running < t.Options.PerRun && failure == nil && !*done &&
			room(info, t.Options.HistoryBudget, next, running) {
			i := next
			futures[i] = workflow.ExecuteActivity(actx, p.activity, t.In[i])
			sel.AddFuture(futures[i], func(f workflow.Future) {
				running--
				ended[i] = true
				if err := decode(ctx, f, &outs[i]); err != nil && failure == nil {
					failure = &TaskError{Index: t.First + i, Name: p.activity, Err: err}
				}
			})
			next++
			running++
		}
		if running == 0 || failure != nil || *done {
			break
		}
		sel.Select(ctx)
		for ; folded < next && ended[folded] && failure == nil; folded++ {
			acc = p.fold(acc, t.First+folded, outs[folded])
			var none Out
			outs[folded] = none
		}
	}
	if failure != nil || *done {
		cancel()
		drain(ctx, futures, ended)
		if *done {
			return zero, ctx.Err()
		}
		return zero, failure
	}
	if next < n {
		rest := t
		rest.First, rest.In, rest.Acc = t.First+next, t.In[next:], acc
		if err := p.fits(rest, t.First, n, "results so far and the elements left"); err != nil {
			return zero, err
		}
		return zero, workflow.NewContinueAsNewError(ctx, p.name, rest)
	}
	if err := p.fits(acc, t.First, n, "results"); err != nil {
		return zero, err
	}
	return acc, nil
}

// room reports whether a leaf's run may start one more activity, with
// started started in this run and running of them in flight: whether its
// history, with room for what is in flight and the one more, stays within
// budget. The first start of a run is always allowed, so that every run
// makes progress. A run whose length the SDK does not report (the SDK's
// test environment) counts its own events: three to start, six at most
// per activity.
func room(info *workflow.Info, budget, started, running int) bool {
	if started == 0 {
		return true
	}
	if info.GetContinueAsNewSuggested() {
		return false
	}
	length := info.GetCurrentHistoryLength()
	if length <= 0 {
		length = 3 + 6*started
	}
	return length+eventsPerActivity*(running+1) <= budget
}

// drain waits for every started future that has not ended, under a
// context that outlives a cancellation of ctx: the children and the
// activities were started with WaitForCancellation, so that they have
// stopped when this returns.
func drain(ctx workflow.Context, futures []workflow.Future, ended []bool) {
	wait, _ := workflow.NewDisconnectedContext(ctx)
	for i, f := range futures {
		if f != nil && !ended[i] {
			_ = f.Get(wait, nil) // the first failure, or ctx, is what is reported
		}
	}
}

// decode reads the result of the settled future f into v; a result of
// type struct{} is not read (an activity that returns only an error has
// none).
func decode[T any](ctx workflow.Context, f workflow.Future, v *T) error {
	var ptr any = v
	if _, empty := ptr.(*struct{}); empty {
		ptr = nil
	}
	return f.Get(ctx, ptr)
}

// shares splits window into at most parts shares, as even as they come,
// the larger first; their sum is window when parts allow it.
func shares(window, parts int) []int {
	g := min(window, parts)
	s := make([]int, g)
	for j := range s {
		s[j] = window / g
		if j < window%g {
			s[j]++
		}
	}
	return s
}

// carryActivity reads the activity options of ctx that a Map carries.
func carryActivity(ctx workflow.Context) activityOptions {
	o := workflow.GetActivityOptions(ctx)
	return activityOptions{
		TaskQueue:              o.TaskQueue,
		ScheduleToCloseTimeout: o.ScheduleToCloseTimeout,
		ScheduleToStartTimeout: o.ScheduleToStartTimeout,
		StartToCloseTimeout:    o.StartToCloseTimeout,
		HeartbeatTimeout:       o.HeartbeatTimeout,
		RetryPolicy:            o.RetryPolicy,
		DisableEagerExecution:  o.DisableEagerExecution,
		Summary:                o.Summary,
		Priority:               o.Priority,
	}
}

// apply returns ctx with a's activity options, and WaitForCancellation set
// so that a leaf ends after its cancelled activities have.
func (a activityOptions) apply(ctx workflow.Context) workflow.Context {
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		TaskQueue:              a.TaskQueue,
		ScheduleToCloseTimeout: a.ScheduleToCloseTimeout,
		ScheduleToStartTimeout: a.ScheduleToStartTimeout,
		StartToCloseTimeout:    a.StartToCloseTimeout,
		HeartbeatTimeout:       a.HeartbeatTimeout,
		RetryPolicy:            a.RetryPolicy,
		DisableEagerExecution:  a.DisableEagerExecution,
		Summary:                a.Summary,
		Priority:               a.Priority,
		WaitForCancellation:    true,
	})
}

// carryChild reads the child workflow options of ctx that a Map carries.
func carryChild(ctx workflow.Context) childOptions {
	o := workflow.GetChildWorkflowOptions(ctx)
	return childOptions{
		TaskQueue:                o.TaskQueue,
		WorkflowExecutionTimeout: o.WorkflowExecutionTimeout,
		WorkflowRunTimeout:       o.WorkflowRunTimeout,
		WorkflowTaskTimeout:      o.WorkflowTaskTimeout,
	}
}

// childContext returns ctx with the child options of a Map's child: c,
// the workflow ID id, WaitForCancellation, and REQUEST_CANCEL as the
// parent close policy, so that a child is cancelled, and waited for, with
// its parent.
func childContext(ctx workflow.Context, c childOptions, id string) workflow.Context {
	return workflow.WithChildOptions(ctx, workflow.ChildWorkflowOptions{
		WorkflowID:               id,
		TaskQueue:                c.TaskQueue,
		WorkflowExecutionTimeout: c.WorkflowExecutionTimeout,
		WorkflowRunTimeout:       c.WorkflowRunTimeout,
		WorkflowTaskTimeout:      c.WorkflowTaskTimeout,
		WaitForCancellation:      true,
		ParentClosePolicy:        enums.PARENT_CLOSE_POLICY_REQUEST_CANCEL,
	})
}

// calls counts the Map and Reduce calls of each workflow execution in this
// worker, keyed by the execution's *workflow.Info: the SDK makes one per
// execution, and a new one when it replays the execution from its start,
// so that the count starts again from 0 on replay as it did the first
// time. An entry is deleted when its Info is collected.
var calls sync.Map // weak.Pointer[workflow.Info] → *int

// callNumber returns how many Map and Reduce calls the running workflow
// execution made before this one: the k of the children's IDs
// ("<workflow ID>/map<k>/..."), which tells the calls of one run apart.
func callNumber(ctx workflow.Context) int {
	info := workflow.GetInfo(ctx)
	key := weak.Make(info)
	v, loaded := calls.LoadOrStore(key, new(int))
	if !loaded {
		runtime.AddCleanup(info, func(k weak.Pointer[workflow.Info]) { calls.Delete(k) }, key)
	}
	n := v.(*int)
	k := *n
	*n++
	return k
}
