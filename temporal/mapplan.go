package gtemporal

import (
	"fmt"
	"reflect"

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
	ID       string          // the child's workflow ID; the caller's: "<its ID>/map<k>"
	First    int             // the index of In[0] in the whole input
	In       []In            // the elements left to run
	Leaf     bool            // run the activities (true) or children (false)
	Acc      R               // a leaf's fold of the elements before In (continue-as-new)
	Window   int             // the most leaves of this range running at once
	Options  MapOptions      // resolved
	Activity activityOptions // the caller's activity options
	Child    childOptions    // the caller's child workflow options
}

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
	id, err := recordedID(ctx)
	if err != nil {
		return zero, err
	}
	t.ID = fmt.Sprintf("%s/map%d", id, callNumber(ctx))
	return p.fan(ctx, t, parts)
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
	acc, err := p.fan(ctx, t, parts)
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
func (p *plan[In, Out, R]) fan(ctx workflow.Context, t task[In, R], parts []span) (R, error) {
	var zero R
	scope, cancel := workflow.WithCancel(ctx)
	defer cancel()
	free := shares(t.Window, len(parts))
	results := make([]R, len(parts))
	fl := newFlight(ctx, len(parts))
	for next := 0; ; {
		for next < len(parts) && len(free) > 0 && fl.open() {
			i, share := next, free[len(free)-1]
			free = free[:len(free)-1]
			child := p.child(t, parts[i], share)
			started := workflow.ExecuteChildWorkflow(childContext(scope, t.Child, child.ID), p.name, child)
			fl.add(i, started, func(f workflow.Future) error {
				free = append(free, share)
				if err := f.Get(ctx, &results[i]); err != nil {
					return childError(err)
				}
				return nil
			})
			next++
		}
		if !fl.wait(ctx) {
			break
		}
	}
	if err := fl.stop(ctx, cancel); err != nil {
		return zero, err
	}
	acc := results[0]
	for _, r := range results[1:] {
		acc = p.combine(acc, r)
	}
	return acc, nil
}

// child returns the task of the child that runs part s of t, with share
// leaves of the window; its workflow ID is t.ID followed by the indices of
// its first and last elements.
func (p *plan[In, Out, R]) child(t task[In, R], s span, share int) task[In, R] {
	c := t
	c.First = t.First + s.lo
	c.In = t.In[s.lo:s.hi]
	c.Leaf = s.leaf
	c.Window = share // t is the caller's or a branch's: its Acc is zero
	c.ID = fmt.Sprintf("%s/%d-%d", t.ID, c.First, c.First+len(c.In)-1)
	return c
}

// childError returns the error of a failed child as the caller of the
// child reports it: the innermost *TaskError (the element's global index
// and the activity's name) when the child holds one; otherwise the SDK's
// *temporal.ChildWorkflowExecutionError, which names the child's workflow
// ID and holds its cause (a [MapResultTooLargeType] error, a timeout).
func childError(err error) error {
	if te, ok := AsTaskError(err); ok {
		return te
	}
	return err
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

// flight is what a leaf or a branch has started: the futures of its
// activities or children by index, which have ended, and the first
// failure.
type flight struct {
	sel     workflow.Selector
	done    *bool // ctx is done
	futures []workflow.Future
	ended   []bool
	running int
	failure error
}

// newFlight returns the flight of n futures under ctx.
func newFlight(ctx workflow.Context, n int) *flight {
	sel := workflow.NewSelector(ctx)
	return &flight{sel: sel, done: watch(ctx, sel), futures: make([]workflow.Future, n), ended: make([]bool, n)}
}

// add adds the future f of index i; when it ends, settle reads it, and its
// error is the flight's failure unless an earlier one is.
func (fl *flight) add(i int, f workflow.Future, settle func(workflow.Future) error) {
	fl.futures[i] = f
	fl.running++
	fl.sel.AddFuture(f, func(f workflow.Future) {
		fl.running--
		fl.ended[i] = true
		if err := settle(f); err != nil && fl.failure == nil {
			fl.failure = err
		}
	})
}

// open reports whether more may start: nothing failed and ctx is not done.
func (fl *flight) open() bool { return fl.failure == nil && !*fl.done }

// wait waits for a future to end, or ctx to be done, and reports true;
// it reports false at once when nothing runs or the flight is not open.
func (fl *flight) wait(ctx workflow.Context) bool {
	if fl.running == 0 || !fl.open() {
		return false
	}
	fl.sel.Select(ctx)
	return true
}

// stop returns nil when the flight is open. Otherwise it calls cancel,
// waits for every future that has not ended, under a context that
// outlives a cancellation of ctx (the children and the activities were
// started with WaitForCancellation, so that they have stopped when it
// returns), and returns ctx.Err() when ctx is done, the first failure
// otherwise.
func (fl *flight) stop(ctx workflow.Context, cancel workflow.CancelFunc) error {
	if fl.open() {
		return nil
	}
	cancel()
	wait, _ := workflow.NewDisconnectedContext(ctx)
	for i, f := range fl.futures {
		if f != nil && !fl.ended[i] {
			_ = f.Get(wait, nil) // the first failure, or ctx, is what is reported
		}
	}
	if *fl.done {
		return ctx.Err()
	}
	return fl.failure
}
