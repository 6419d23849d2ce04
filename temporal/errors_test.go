package gtemporal

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// TestAsTaskErrorAfterTheFailureConverter: the slot and the name survive
// the conversion to a failure and back, as on the wire.
func TestAsTaskErrorAfterTheFailureConverter(t *testing.T) {
	cause := temporal.NewApplicationError("nope", "Refused")
	sent := fmt.Errorf("wrapped: %w", &TaskError{Index: 4, Name: "FetchUser", Err: cause})
	fc := temporal.GetDefaultFailureConverter()
	received := fc.FailureToError(fc.ErrorToFailure(sent))
	if _, ok := received.(*TaskError); ok {
		t.Fatal("the converter kept the Go type; the test proves nothing")
	}
	te, ok := AsTaskError(received)
	if !ok || te.Index != 4 || te.Name != "FetchUser" {
		t.Fatalf("AsTaskError = %+v, %v; want slot 4 (FetchUser)", te, ok)
	}
	var appErr *temporal.ApplicationError
	if !errors.As(te.Err, &appErr) || appErr.Type() != "Refused" {
		t.Errorf("Err = %v; want the cause, of type Refused", te.Err)
	}
}

func TestAsTaskErrorWithoutOne(t *testing.T) {
	for _, err := range []error{nil, errors.New("plain"), temporal.NewApplicationError("x", TaskErrorType)} {
		if te, ok := AsTaskError(err); ok {
			t.Errorf("AsTaskError(%v) = %+v; want none", err, te)
		}
	}
}

func TestTaskErrorMessage(t *testing.T) {
	err := &TaskError{Index: 1, Name: "Fetch", Err: errors.New("boom")}
	if got, want := err.Error(), "task 1 (Fetch): boom"; got != want {
		t.Errorf("Error() = %q; want %q", got, want)
	}
}

// TestMisusePanics: a nil future or ctx, and a limit below 1, panic with a
// message naming the argument, before anything starts.
func TestMisusePanics(t *testing.T) {
	f := &Future[int]{}
	cases := map[string]func(){
		"gtemporal.Gather2: fb is nil":       func() { Gather2[int, int](nil, f, nil) },
		"gtemporal.Gather2: ctx is nil":      func() { Gather2(nil, f, f) },
		"gtemporal.Settle3: fc is nil":       func() { Settle3[int, int, int](nil, f, f, nil) },
		"gtemporal.All: fs[1] is nil":        func() { All(nil, f, nil) },
		"gtemporal.All: ctx is nil":          func() { All(nil, f) },
		"gtemporal.AllSettled: fs[0] is nil": func() { AllSettled[int](nil, nil) },
		"gtemporal.Race: ctx is nil":         func() { Race[int](nil) },
		"gtemporal.Any: fs[0] is nil":        func() { Any[int](nil, nil) },
		"gtemporal.AsCompleted: ctx is nil":  func() { AsCompleted[int](nil) },
		"gtemporal.Execute: ctx is nil":      func() { Execute[int](nil, "X") },
		"gtemporal.WithLimit: ctx is nil":    func() { WithLimit(nil, 1) },
		"gtemporal.Future.Get: ctx is nil":   func() { f.Get(nil) },
		"gtemporal.ExecuteLocal: ctx is nil": func() { ExecuteLocal[int](nil, "X") },
		"gtemporal.ExecuteChild: ctx is nil": func() { ExecuteChild[int](nil, "X") },
		"gtemporal.Go: ctx is nil":           func() { Go[int](nil, nil) },
		"gtemporal.Future.AddTo: sel is nil": func() { f.AddTo(nil, func(int, error) {}) },
		"gtemporal.ExecuteWorkflow: c is nil": func() {
			_, _ = ExecuteWorkflow[int](context.Background(), nil, client.StartWorkflowOptions{}, "X")
		},
		"gtemporal.GetRun: c is nil": func() { GetRun[int](context.Background(), nil, "id", "") },
	}
	for want, call := range cases {
		if got := panicOf(call); got != want {
			t.Errorf("panic %q; want %q", got, want)
		}
	}
}

func TestExecuteAndLimitMisuseInAWorkflow(t *testing.T) {
	l := newLab(t, 0)
	_, err := run(t, l, func(ctx workflow.Context) (string, error) {
		if got, want := panicOf(func() { Execute[int](ctx, "") }), "gtemporal.Execute: name is empty"; got != want {
			return "", fmt.Errorf("panic %q; want %q", got, want)
		}
		if got, want := panicOf(func() { WithLimit(ctx, 0) }), "gtemporal.WithLimit: n is 0, below 1"; got != want {
			return "", fmt.Errorf("panic %q; want %q", got, want)
		}
		for want, call := range map[string]func(){
			"gtemporal.ExecuteLocal: name is empty": func() { ExecuteLocal[int](ctx, "") },
			"gtemporal.ExecuteChild: name is empty": func() { ExecuteChild[int](ctx, "") },
			"gtemporal.Go: fn is nil":               func() { Go[int](ctx, nil) },
			"gtemporal.Future.AddTo: fn is nil": func() {
				Execute[int](options(ctx), "Echo", "x").AddTo(workflow.NewSelector(ctx), nil)
			},
		} {
			if got := panicOf(call); got != want {
				return "", fmt.Errorf("panic %q; want %q", got, want)
			}
		}
		return "", nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// panicOf calls f and returns what it panicked with, as a string.
func panicOf(f func()) (msg string) {
	defer func() { msg = fmt.Sprint(recover()) }()
	f()
	return "no panic"
}

// TestAsAggregateErrorAfterTheFailureConverter: every slot, name and cause
// survives the conversion to a failure and back, as on the wire.
func TestAsAggregateErrorAfterTheFailureConverter(t *testing.T) {
	sent := &AggregateError{Errs: []*TaskError{
		{Index: 0, Name: "Quote", Err: errors.New("closed")},
		{Index: 1, Name: "Bid", Err: errors.New("late")},
	}}
	if got, want := sent.Error(), "every input failed: task 0 (Quote): closed; task 1 (Bid): late"; got != want {
		t.Errorf("Error() = %q; want %q", got, want)
	}
	fc := temporal.GetDefaultFailureConverter()
	received := fc.FailureToError(fc.ErrorToFailure(fmt.Errorf("wrapped: %w", sent)))
	ae, ok := AsAggregateError(received)
	if !ok || len(ae.Errs) != 2 {
		t.Fatalf("AsAggregateError = %v, %v; want two failures", ae, ok)
	}
	for i, want := range sent.Errs {
		got := ae.Errs[i]
		if got.Index != want.Index || got.Name != want.Name || got.Err == nil || got.Err.Error() != want.Err.Error() {
			t.Errorf("failure %d = %v; want %v", i, got, want)
		}
	}
}

// TestAsAggregateErrorWithoutOne: errors that hold no AggregateError, or
// a carrier with wrong details, give none, and no panic; nor does a
// TaskError's carrier with wrong details.
func TestAsAggregateErrorWithoutOne(t *testing.T) {
	for _, err := range []error{
		nil,
		errors.New("plain"),
		temporal.NewApplicationError("x", AggregateErrorType),    // no details
		temporal.NewApplicationError("x", AggregateErrorType, 2), // fewer failures than said
		temporal.NewApplicationError("x", AggregateErrorType, 1, "not a failure"),
		temporal.NewApplicationError("x", TaskErrorType, "not an index", 0),
	} {
		if ae, ok := AsAggregateError(err); ok {
			t.Errorf("AsAggregateError(%v) = %v; want none", err, ae)
		}
		if te, ok := AsTaskError(err); ok {
			t.Errorf("AsTaskError(%v) = %v; want none", err, te)
		}
	}
}
