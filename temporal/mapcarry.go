package gtemporal

import (
	"runtime"
	"sync"
	"time"
	"weak"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

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

// recordedID returns the running workflow's ID as its history records it:
// a side effect (one marker event per call), so that a replay under
// another ID (the SDK's WorkflowReplayer names every replayed execution
// "ReplayId" unless told otherwise) builds the children's IDs that the
// history holds.
func recordedID(ctx workflow.Context) (string, error) {
	var id string
	v := workflow.SideEffect(ctx, func(ctx workflow.Context) any { return workflow.GetInfo(ctx).WorkflowExecution.ID })
	return id, v.Get(&id)
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
