package gtemporal

import (
	"errors"
	"fmt"
	"strings"

	failurepb "go.temporal.io/api/failure/v1"
	"go.temporal.io/sdk/temporal"
)

// ErrNoFutures is returned by [Race] and [Any] when they are given no
// futures: with nothing to wait for, there is no first result.
var ErrNoFutures = errors.New("gtemporal: no futures to wait for")

// TaskErrorType is the type of the *temporal.ApplicationError that carries
// a [TaskError]'s slot and name across the workflow boundary, as its two
// details: the index (an int) and the registered name (a string). Clients
// in Go read it back with [AsTaskError]; clients in other languages read
// the details of the failure of this type.
const TaskErrorType = "gathergen.TaskError"

// TaskError reports which input of a gather ([All], GatherN), [Race] or
// [Any] failed: its slot, the registered name of its activity or child
// workflow, and the cause.
//
// The SDK turns an error that a workflow returns into an ApplicationError
// named after its Go type and keeps only its message and its chain of
// causes. So that the slot and the name survive, a TaskError unwraps to a
// *temporal.ApplicationError of type [TaskErrorType] that holds them as
// details and whose cause is Err; [AsTaskError] reads them back on the
// client.
type TaskError struct {
	// Index is the input's position in the argument list, from 0.
	Index int
	// Name is the name under which the activity or the child workflow is
	// registered; "" for a future of [Go].
	Name string
	// Err is the cause: the SDK's error (a *temporal.ActivityError when an
	// activity failed, timed out or was cancelled, a
	// *temporal.ChildWorkflowExecutionError when a child workflow did, which
	// holds the child's own TaskError when a gather failed it), the data
	// converter's error when the result could not be decoded, or
	// [ErrNoTimeout].
	Err error
}

// Error reports the slot, the name and the cause.
func (e *TaskError) Error() string {
	return fmt.Sprintf("task %d (%s): %v", e.Index, e.Name, e.Err)
}

// Unwrap returns the *temporal.ApplicationError of type [TaskErrorType]
// that carries Index and Name as details, and whose own cause is Err:
// errors.Is and errors.As reach Err through it.
func (e *TaskError) Unwrap() error {
	return temporal.NewApplicationErrorWithCause(
		fmt.Sprintf("task %d (%s)", e.Index, e.Name), TaskErrorType, e.Err, e.Index, e.Name)
}

// As lets errors.As find the activity's own *temporal.ApplicationError
// (the one it returned, under the *temporal.ActivityError in Err) before
// the one that carries the slot: a workflow that asks for the error type of
// the failed activity gets the activity's.
func (e *TaskError) As(target any) bool {
	if _, ok := target.(**temporal.ApplicationError); ok {
		return errors.As(e.Err, target)
	}
	return false
}

// AsTaskError finds the first [TaskError] in err's chain. In a workflow,
// that is the *TaskError a gather returned. On a client, which sees a
// workflow's error only after the SDK has flattened it, AsTaskError
// rebuilds it from the failure of type [TaskErrorType]: Index and Name as
// the workflow saw them, and Err the decoded cause (a
// *temporal.ActivityError when an activity failed). Through child
// workflows, AsTaskError(te.Err) finds the next TaskError of the chain. It
// reports false when err holds neither.
func AsTaskError(err error) (*TaskError, bool) {
	var te *TaskError
	if errors.As(err, &te) {
		return te, true
	}
	for ; err != nil; err = errors.Unwrap(err) {
		app, ok := err.(*temporal.ApplicationError)
		if !ok || app.Type() != TaskErrorType {
			continue
		}
		var index int
		var name string
		if details(app, &index, &name) == nil {
			return &TaskError{Index: index, Name: name, Err: app.Unwrap()}, true
		}
	}
	return nil, false
}

// AggregateErrorType is the type of the *temporal.ApplicationError that
// carries an [AggregateError]'s failures across the workflow boundary: its
// details are their number, then each failure (a *failurepb.Failure of the
// SDK's API, the [TaskError] as the SDK's default failure converter writes
// it). Clients in Go read it back with [AsAggregateError].
const AggregateErrorType = "gathergen.AggregateError"

// AggregateError is what [Any] returns when every input failed: one
// *[TaskError] per input, in the order of the inputs, as JavaScript's
// Promise.any rejects with an AggregateError. errors.Is and errors.As try
// each failure in order.
//
// So that every slot and name survives the SDK's flattening of a workflow's
// error, an AggregateError unwraps to a *temporal.ApplicationError of type
// [AggregateErrorType] that holds each failure, and [AsAggregateError]
// rebuilds it on the client.
type AggregateError struct {
	// Errs holds the failure of each input, in the order of the inputs.
	Errs []*TaskError
}

// Error lists every failure.
func (e *AggregateError) Error() string {
	var b strings.Builder
	b.WriteString("every input failed")
	for i, te := range e.Errs {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(te.Error())
	}
	return b.String()
}

// Unwrap returns the *temporal.ApplicationError of type
// [AggregateErrorType] whose details hold every failure: what the SDK
// carries to the client.
func (e *AggregateError) Unwrap() error {
	fc := temporal.GetDefaultFailureConverter()
	details := make([]any, 0, len(e.Errs)+1)
	details = append(details, len(e.Errs))
	for _, te := range e.Errs {
		details = append(details, fc.ErrorToFailure(te))
	}
	return temporal.NewApplicationError(e.Error(), AggregateErrorType, details...)
}

// Is reports whether a failure of e matches target.
func (e *AggregateError) Is(target error) bool {
	for _, te := range e.Errs {
		if errors.Is(te, target) {
			return true
		}
	}
	return false
}

// As finds the first failure of e that matches target, and sets target to
// it.
func (e *AggregateError) As(target any) bool {
	for _, te := range e.Errs {
		if errors.As(te, target) {
			return true
		}
	}
	return false
}

// AsAggregateError finds the [AggregateError] in err's chain: in a workflow,
// the one [Any] returned; on a client, rebuilt from the failure of type
// [AggregateErrorType], each TaskError with Index and Name as the workflow
// saw them and Err its decoded cause. It reports false when err holds
// neither.
func AsAggregateError(err error) (*AggregateError, bool) {
	var ae *AggregateError
	if errors.As(err, &ae) {
		return ae, true
	}
	for ; err != nil; err = errors.Unwrap(err) {
		app, ok := err.(*temporal.ApplicationError)
		if !ok || app.Type() != AggregateErrorType {
			continue
		}
		if ae, ok := fromDetails(app); ok {
			return ae, true
		}
	}
	return nil, false
}

// fromDetails rebuilds an AggregateError from the details of its carrier.
func fromDetails(app *temporal.ApplicationError) (*AggregateError, bool) {
	var n int
	if details(app, &n) != nil || n < 0 {
		return nil, false
	}
	ptrs := make([]any, n+1)
	ptrs[0] = &n
	failures := make([]*failurepb.Failure, n)
	for i := range failures {
		ptrs[i+1] = &failures[i]
	}
	if details(app, ptrs...) != nil {
		return nil, false
	}
	fc := temporal.GetDefaultFailureConverter()
	ae := &AggregateError{Errs: make([]*TaskError, n)}
	for i, f := range failures {
		te, ok := AsTaskError(fc.FailureToError(f))
		if !ok {
			return nil, false
		}
		ae.Errs[i] = te
	}
	return ae, true
}

// details decodes the details of app into ptrs. The details of an
// ApplicationError made in this process, not decoded from a failure, are
// the values themselves, which the SDK assigns with reflection and panics
// on when their types differ: details reports that as an error.
func details(app *temporal.ApplicationError, ptrs ...any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("gtemporal: the details of %s: %v", app.Type(), r)
		}
	}()
	return app.Details(ptrs...)
}

// Result is the outcome of one input of a settle or of [AsCompleted]: the
// value, or the error of the activity.
type Result[T any] struct {
	Value T
	Err   error
}
