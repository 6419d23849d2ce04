// Package runtree reads, from a Temporal server's histories, every workflow
// run of an execution's tree: the execution's own runs (each
// continue-as-new starts one), the children that each run started, and
// theirs, recursively. The Map's end-to-end test and benchmark use it to
// find the longest history of a Map and the leaves that continued as new.
package runtree

import (
	"context"
	"fmt"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
)

// Run is one workflow run of a tree.
type Run struct {
	ID, RunID string
	Type      string // the workflow type's name
	Events    int    // the events of the run's history
	// NextRunID is the run that this run continued as new into; empty when
	// it did not continue as new.
	NextRunID string
	// Close is the event type that closed the run; EVENT_TYPE_UNSPECIFIED
	// while the run is open.
	Close enums.EventType
	// TaskFailures counts the run's workflow tasks that failed or timed
	// out (a worker lost, a task over its timeout, a deadlock detected).
	TaskFailures int
}

// Walk returns every run of the tree of the execution id, runID: the run,
// the runs it continued as new into, and the runs of every child that any
// of them started, depth first in the order of the starts.
func Walk(ctx context.Context, c client.Client, id, runID string) ([]Run, error) {
	var runs []Run
	for runID != "" {
		r, children, err := read(ctx, c, id, runID)
		if err != nil {
			return nil, err
		}
		runs = append(runs, r)
		for _, child := range children {
			sub, err := Walk(ctx, c, child.id, child.runID)
			if err != nil {
				return nil, err
			}
			runs = append(runs, sub...)
		}
		runID = r.NextRunID
	}
	return runs, nil
}

// execution names a workflow run.
type execution struct{ id, runID string }

// read reads one run's history: its summary and the children it started.
func read(ctx context.Context, c client.Client, id, runID string) (Run, []execution, error) {
	r := Run{ID: id, RunID: runID}
	var children []execution
	it := c.GetWorkflowHistory(ctx, id, runID, false, enums.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	for it.HasNext() {
		e, err := it.Next()
		if err != nil {
			return Run{}, nil, fmt.Errorf("the history of %s (run %s): %w", id, runID, err)
		}
		r.Events++
		switch e.GetEventType() {
		case enums.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
			r.Type = e.GetWorkflowExecutionStartedEventAttributes().GetWorkflowType().GetName()
		case enums.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED:
			w := e.GetChildWorkflowExecutionStartedEventAttributes().GetWorkflowExecution()
			children = append(children, execution{id: w.GetWorkflowId(), runID: w.GetRunId()})
		case enums.EVENT_TYPE_WORKFLOW_TASK_FAILED, enums.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT:
			r.TaskFailures++
		case enums.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW:
			r.NextRunID = e.GetWorkflowExecutionContinuedAsNewEventAttributes().GetNewExecutionRunId()
			r.Close = e.GetEventType()
		case enums.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, enums.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
			enums.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED, enums.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED,
			enums.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT:
			r.Close = e.GetEventType()
		}
	}
	return r, children, nil
}

// Longest returns the run of runs with the most events.
func Longest(runs []Run) Run {
	var most Run
	for _, r := range runs {
		if r.Events > most.Events {
			most = r
		}
	}
	return most
}
