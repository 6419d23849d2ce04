package runtime

import (
	"context"
	"errors"
	"fmt"
	goruntime "runtime"
	"slices"
	"testing"
)

// errOwnTimeout is a task's own timeout, as an HTTP client's is: it wraps
// context.DeadlineExceeded while the wait's ctx is alive.
var errOwnTimeout = fmt.Errorf("client: %w", context.DeadlineExceeded)

// ownTimeoutThenEnd returns, under a ctx that is cancelled with cause once a
// wait has subscribed to the second input: a future that failed with its own
// timeout while ctx was alive, and one that fails with ctx's end.
func ownTimeoutThenEnd(cause error) (context.Context, *Future[int], *Future[int]) {
	ctx, cancel := context.WithCancelCause(context.Background())
	own := Go(ctx, func(context.Context) (int, error) { return 0, errOwnTimeout })
	<-own.Done()
	echo := Go(ctx, func(ctx context.Context) (int, error) { <-ctx.Done(); return 0, ctx.Err() })
	go func() {
		for !subscribed(echo) {
			goruntime.Gosched()
		}
		cancel(cause)
	}()
	return ctx, own, echo
}

// wantPendingSlots fails t unless err is a *PendingError that lists exactly
// the slots want.
func wantPendingSlots(t *testing.T, err error, want ...int) {
	t.Helper()
	var pe *PendingError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v; want a *PendingError", err)
	}
	var got []int
	for _, task := range pe.Tasks {
		got = append(got, task.Index)
	}
	if !slices.Equal(got, want) || pe.Count != len(want) {
		t.Fatalf("pending %v (count %d); want %v", got, pe.Count, want)
	}
}

// A task that fails with its own deadline while the wait's ctx is alive
// keeps its own error, even when ctx ends before the wait returns.
func TestOwnTimeoutIsOwnError(t *testing.T) {
	cause := errors.New("the caller gave up")
	t.Run("AllSettled", func(t *testing.T) {
		ctx, own, echo := ownTimeoutThenEnd(cause)
		rs := AllSettled(ctx, own, echo)
		if rs[0].Err != errOwnTimeout {
			t.Fatalf("slot 0 = %v; want the task's own %v", rs[0].Err, errOwnTimeout)
		}
		wantPendingSlots(t, rs[1].Err, 1)
	})
	t.Run("Settle2", func(t *testing.T) {
		ctx, own, echo := ownTimeoutThenEnd(cause)
		r0, r1 := Settle2(ctx, own, echo)
		if r0.Err != errOwnTimeout {
			t.Fatalf("slot 0 = %v; want the task's own %v", r0.Err, errOwnTimeout)
		}
		wantPendingSlots(t, r1.Err, 1)
	})
	t.Run("Any", func(t *testing.T) {
		ctx, own, echo := ownTimeoutThenEnd(cause)
		_, err := Any(ctx, own, echo)
		wantPendingSlots(t, err, 1)
		if !errors.Is(err, cause) {
			t.Fatalf("err = %v; want it to unwrap to the cause", err)
		}
	})
	t.Run("All", func(t *testing.T) {
		for run := range 500 {
			ctx, own, echo := ownTimeoutThenEnd(cause)
			_, err := All(ctx, own, echo)
			var te *TaskError
			if !errors.As(err, &te) || te.Index != 0 || te.Err != errOwnTimeout {
				t.Fatalf("run %d: err = %v; want task 0's own timeout", run, err)
			}
			<-echo.Done()
		}
	})
	t.Run("Map", func(t *testing.T) {
		for run := range 1000 {
			ctx, cancel := context.WithCancelCause(context.Background())
			_, err := Map(ctx, []int{0, 1}, func(callCtx context.Context, i int) (int, error) {
				if i == 0 {
					return 0, errOwnTimeout
				}
				<-callCtx.Done() // Map cancels the calls once it has seen call 0 fail
				cancel(cause)
				return 0, callCtx.Err()
			})
			var te *TaskError
			if !errors.As(err, &te) || te.Index != 0 || te.Err != errOwnTimeout {
				t.Fatalf("run %d: err = %v; want element 0's own timeout", run, err)
			}
		}
	})
	t.Run("Stream", func(t *testing.T) {
		for run := range 1000 {
			ctx, cancel := context.WithCancelCause(context.Background())
			fn := func(callCtx context.Context, i int) (int, error) {
				if i == 0 {
					return 0, errOwnTimeout
				}
				<-callCtx.Done() // the stream cancels the calls once call 0 failed
				cancel(cause)
				return 0, callCtx.Err()
			}
			for _, err := range Stream(ctx, slices.Values([]int{0, 1}), 2, fn) {
				var te *TaskError
				if !errors.As(err, &te) || te.Index != 0 || te.Err != errOwnTimeout {
					t.Fatalf("run %d: err = %v; want element 0's own timeout", run, err)
				}
				break
			}
		}
	})
}

// AllSettled's slots and its *PendingError agree: a slot carries the error
// exactly when the error lists it, whatever settles while ctx ends.
func TestSettledSlotsAgreeWithPendingList(t *testing.T) {
	cause := errors.New("the caller gave up")
	for run := range 4000 {
		ctx, cancel := context.WithCancelCause(context.Background())
		fs := resolvedConcurrently(6)
		go cancel(cause)
		rs := AllSettled(ctx, fs...)
		var carried []int
		var pe *PendingError
		for i, r := range rs {
			if errors.As(r.Err, &pe) {
				carried = append(carried, i)
			} else if r.Err != nil {
				t.Fatalf("run %d: slot %d = %v", run, i, r.Err)
			}
		}
		if pe == nil {
			continue
		}
		var listed []int
		for _, task := range pe.Tasks {
			listed = append(listed, task.Index)
		}
		if !slices.Equal(carried, listed) || pe.Count != len(carried) {
			t.Fatalf("run %d: slots %v carry a *PendingError that lists %v (count %d)",
				run, carried, listed, pe.Count)
		}
	}
}
