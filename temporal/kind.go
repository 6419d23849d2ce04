package gtemporal

import (
	"fmt"

	"go.temporal.io/sdk/workflow"
)

// kind is what a future starts: an activity, a local activity or a child
// workflow.
type kind uint8

const (
	activityKind kind = iota
	localKind
	childKind
)

// options reads the options of k from ctx: whether they set
// WaitForCancellation, and ErrNoTimeout for an activity without a timeout.
func (k kind) options(ctx workflow.Context, name string) (wait bool, err error) {
	switch k {
	case childKind:
		return workflow.GetChildWorkflowOptions(ctx).WaitForCancellation, nil
	case localKind:
		o := workflow.GetLocalActivityOptions(ctx)
		if o.StartToCloseTimeout <= 0 && o.ScheduleToCloseTimeout <= 0 {
			return false, fmt.Errorf("gtemporal: local activity %s: %w", name, ErrNoTimeout)
		}
		return false, nil
	default:
		o := workflow.GetActivityOptions(ctx)
		if o.StartToCloseTimeout <= 0 && o.ScheduleToCloseTimeout <= 0 {
			return false, fmt.Errorf("gtemporal: activity %s: %w", name, ErrNoTimeout)
		}
		return o.WaitForCancellation, nil
	}
}

// launch starts what k names under scope and returns the SDK's future.
func (k kind) launch(scope workflow.Context, name string, args []any) workflow.Future {
	switch k {
	case childKind:
		return workflow.ExecuteChildWorkflow(scope, name, args...)
	case localKind:
		return workflow.ExecuteLocalActivity(scope, name, args...)
	default:
		return workflow.ExecuteActivity(scope, name, args...)
	}
}

// holding returns scope with WaitForCancellation set for an activity or a
// child workflow, so that the SDK's future of a cancelled one settles only
// once it has ended: what a limiter waits for before it frees the slot. A
// local activity has no such option.
func (k kind) holding(scope workflow.Context) workflow.Context {
	switch k {
	case childKind:
		o := workflow.GetChildWorkflowOptions(scope)
		o.WaitForCancellation = true
		return workflow.WithChildOptions(scope, o)
	case localKind:
		return scope
	default:
		return workflow.WithWaitForCancellation(scope, true)
	}
}
