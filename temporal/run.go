package gtemporal

import (
	"context"

	"go.temporal.io/sdk/client"
)

// Run is a workflow execution that a client started or found, with the
// result typed: the client-side twin of [Future]. It is a small value;
// copies of it name the same execution.
type Run[T any] struct {
	run client.WorkflowRun
}

// ExecuteWorkflow starts the workflow registered under name with args, with
// c and opts as client.Client's ExecuteWorkflow does (opts.TaskQueue is
// required, opts.ID chosen by the SDK when empty), and returns its typed
// [Run]. Its error is the SDK's: the start failed, or an execution with
// that ID is already running (unless opts says to attach to it).
// ExecuteWorkflow panics when c is nil or name is empty.
//
// It is client code: it imports go.temporal.io/sdk/client, as any package
// that starts workflows does, and a workflow package that also declares
// the typed start builds and replays as before, since the workflow code
// never calls it.
func ExecuteWorkflow[T any](ctx context.Context, c client.Client, opts client.StartWorkflowOptions, name string, args ...any) (Run[T], error) {
	if c == nil {
		panic("gtemporal.ExecuteWorkflow: c is nil")
	}
	if name == "" {
		panic("gtemporal.ExecuteWorkflow: name is empty")
	}
	run, err := c.ExecuteWorkflow(ctx, opts, name, args...)
	if err != nil {
		return Run[T]{}, err
	}
	return Run[T]{run: run}, nil
}

// GetRun returns the typed [Run] of the execution with workflowID and runID
// (the latest run of workflowID when runID is empty), as client.Client's
// GetWorkflow does: it asks the server nothing until Get. GetRun panics
// when c is nil.
func GetRun[T any](ctx context.Context, c client.Client, workflowID, runID string) Run[T] {
	if c == nil {
		panic("gtemporal.GetRun: c is nil")
	}
	return Run[T]{run: c.GetWorkflow(ctx, workflowID, runID)}
}

// ID returns the workflow ID.
func (r Run[T]) ID() string { return r.run.GetID() }

// RunID returns the run ID of the execution that was started or found.
func (r Run[T]) RunID() string { return r.run.GetRunID() }

// Get waits until the workflow closes, following its continue-as-new runs,
// or ctx is done. It returns the workflow's result decoded into T, or its
// error: a *temporal.WorkflowExecutionError whose chain [AsTaskError] and
// [AsAggregateError] read, or ctx's error.
func (r Run[T]) Get(ctx context.Context) (T, error) {
	var v T
	var ptr any = &v
	if _, empty := ptr.(*struct{}); empty {
		ptr = nil // a workflow that returns only an error has no payload
	}
	if err := r.run.Get(ctx, ptr); err != nil {
		var zero T
		return zero, err
	}
	return v, nil
}

// WorkflowRun returns the SDK's client.WorkflowRun, for what Run does not
// cover (GetWithOptions).
func (r Run[T]) WorkflowRun() client.WorkflowRun { return r.run }
