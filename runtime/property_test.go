package runtime

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// scenario is a random run: n tasks, which of them fail, the order in which
// the test lets them finish, and the step (if any) at which the gather's
// context is cancelled.
type scenario struct {
	fail     []bool
	order    []int
	cancelAt int // -1: never
}

func drawScenario(t *rapid.T) scenario {
	n := rapid.IntRange(0, 9).Draw(t, "n")
	s := scenario{fail: make([]bool, n), cancelAt: -1}
	for i := range s.fail {
		s.fail[i] = rapid.Float64Range(0, 1).Draw(t, fmt.Sprintf("p%d", i)) < 0.25
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	s.order = rapid.Permutation(idx).Draw(t, "order")
	if n > 0 && rapid.Bool().Draw(t, "cancel") {
		s.cancelAt = rapid.IntRange(0, n-1).Draw(t, "cancelAt")
	}
	return s
}

func taskErr(i int) error { return fmt.Errorf("task %d failed", i) }

// controlled is a set of tasks that finish only when released, each telling
// on exited whether it was released or saw its context end.
type controlled struct {
	fs      []*Future[int]
	release []chan struct{}
	exited  []chan bool // true: released; false: its context ended
}

// startControlled starts the tasks and returns once every one of them runs,
// so that each has a context to be cancelled (a task cancelled before it
// starts never runs at all).
func startControlled(s scenario) *controlled {
	c := &controlled{}
	running := make(chan struct{}, len(s.fail))
	for i := range s.fail {
		release, exited := make(chan struct{}), make(chan bool, 1)
		c.release = append(c.release, release)
		c.exited = append(c.exited, exited)
		c.fs = append(c.fs, Go(context.Background(), func(ctx context.Context) (int, error) {
			running <- struct{}{}
			select {
			case <-release:
				exited <- true
				if s.fail[i] {
					return 0, taskErr(i)
				}
				return 2 * i, nil
			case <-ctx.Done():
				exited <- false
				return 0, ctx.Err()
			}
		}))
	}
	for range s.fail {
		<-running
	}
	return c
}

// play releases the tasks in the scenario's order, each after the last has
// settled, until it releases a failing task (when stopAtFailure), or reaches
// the cancellation step. It returns the index of the failing task released,
// or -1, and whether it cancelled.
func (c *controlled) play(s scenario, cancel context.CancelCauseFunc, cause error, stopAtFailure bool) (failed int, cancelled bool) {
	failed = -1
	for step, i := range s.order {
		if step == s.cancelAt {
			cancel(cause)
			return failed, true
		}
		close(c.release[i])
		if s.fail[i] && stopAtFailure {
			return i, false
		}
		<-c.fs[i].Done()
	}
	return failed, false
}

// mustExit checks how every task ended; a task that never ends is a task
// whose context was never cancelled.
func (c *controlled) mustExit(t *rapid.T, released map[int]bool) {
	for i, exited := range c.exited {
		select {
		case wasReleased := <-exited:
			if wasReleased != released[i] {
				t.Fatalf("task %d: released %v, but it reported %v", i, released[i], wasReleased)
			}
		case <-time.After(10 * time.Second): // a guard against a hang, not a timing assertion
			t.Fatalf("task %d never ended: its context was not cancelled", i)
		}
	}
}

func releasedBefore(s scenario, upTo int) map[int]bool {
	m := map[int]bool{}
	for _, i := range s.order[:upTo] {
		m[i] = true
	}
	return m
}

func TestPropertyAllOrderFailFastAndCancellation(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawScenario(t)
		c := startControlled(s)
		ctx, cancel := context.WithCancelCause(context.Background())
		defer cancel(nil)
		type outcome struct {
			v   []int
			err error
		}
		result := make(chan outcome, 1)
		go func() {
			v, err := All(ctx, c.fs...)
			result <- outcome{v, err}
		}()
		cause := errors.New("caller gave up")
		failed, cancelled := c.play(s, cancel, cause, true)
		got := <-result

		steps := len(s.order)
		switch {
		case failed >= 0:
			var te *TaskError
			if !errors.As(got.err, &te) || te.Index != failed || te.Err.Error() != taskErr(failed).Error() {
				t.Fatalf("err = %v; want the first failure in time, task %d", got.err, failed)
			}
			steps = slices.Index(s.order, failed) + 1
		case cancelled:
			steps = s.cancelAt
			mustPending(t, "All", got.err, cause, notReleased(s, steps)...)
		default:
			if got.err != nil || len(got.v) != len(s.fail) {
				t.Fatalf("All = %v, %v; want every value", got.v, got.err)
			}
			for i, v := range got.v {
				if v != 2*i {
					t.Fatalf("All = %v; want results in argument order", got.v)
				}
			}
		}
		c.mustExit(t, releasedBefore(s, steps))
	})
}

func TestPropertySettleReportsEveryOutcome(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawScenario(t)
		c := startControlled(s)
		ctx, cancel := context.WithCancelCause(context.Background())
		defer cancel(nil)
		result := make(chan []Result[int], 1)
		go func() { result <- AllSettled(ctx, c.fs...) }()
		cause := errors.New("caller gave up")
		_, cancelled := c.play(s, cancel, cause, false)
		got := <-result

		steps := len(s.order)
		if cancelled {
			steps = s.cancelAt
		}
		released := releasedBefore(s, steps)
		for i, r := range got {
			switch {
			case !released[i]:
				mustPending(t, fmt.Sprintf("slot %d (pending when ctx ended)", i), r.Err, cause, notReleased(s, steps)...)
			case s.fail[i]:
				if r.Err == nil || r.Err.Error() != taskErr(i).Error() {
					t.Fatalf("slot %d = %+v; want its own failure", i, r)
				}
			default:
				if r.Err != nil || r.Value != 2*i {
					t.Fatalf("slot %d = %+v; want %d", i, r, 2*i)
				}
			}
		}
		c.mustExit(t, released)
	})
}

func TestPropertyAsCompletedFollowsCompletionOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawScenario(t)
		ps := make([]*Promise[int], len(s.fail))
		fs := make([]*Future[int], len(s.fail))
		for i := range ps {
			ps[i] = NewPromise[int]()
			fs[i] = ps[i].Future()
		}
		next, stop := iter.Pull2(AsCompleted(context.Background(), fs...))
		defer stop()
		for _, i := range s.order {
			if s.fail[i] {
				ps[i].Reject(taskErr(i))
			} else {
				ps[i].Resolve(i)
			}
			slot, r, ok := next()
			if !ok || slot != i || (r.Err != nil) != s.fail[i] {
				t.Fatalf("next = %d, %+v, %v; want slot %d", slot, r, ok, i)
			}
		}
		if _, _, ok := next(); ok {
			t.Fatal("more steps than inputs")
		}
	})
}

func TestPropertyRaceFirstSettledWins(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawScenario(t)
		if len(s.fail) == 0 {
			return
		}
		c := startControlled(s)
		winner := s.order[0]
		close(c.release[winner])
		<-c.fs[winner].Done()
		v, err := Race(context.Background(), c.fs...)
		if s.fail[winner] != (err != nil) || (err == nil && v != 2*winner) {
			t.Fatalf("Race = %v, %v; want task %d's outcome", v, err, winner)
		}
		c.mustExit(t, map[int]bool{winner: true})
	})
}
