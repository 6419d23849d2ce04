package runtime

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
)

// fatalf is what mustPending needs of a *testing.T or a *rapid.T.
type fatalf interface {
	Helper()
	Fatalf(format string, args ...any)
}

// mustPending fails unless err is a *PendingError whose cause is cause and
// which lists exactly the slots given, in order, with their count.
func mustPending(t fatalf, what string, err, cause error, slots ...int) *PendingError {
	t.Helper()
	var pe *PendingError
	if !errors.As(err, &pe) {
		t.Fatalf("%s = %v (%T); want a *PendingError", what, err, err)
	}
	if !errors.Is(err, cause) || pe.Err != cause {
		t.Fatalf("%s = %v; want one that unwraps to %v", what, err, cause)
	}
	var got []int
	for _, p := range pe.Tasks {
		got = append(got, p.Index)
	}
	if want := slots[:min(len(slots), maxPendingListed)]; !slices.Equal(got, want) || pe.Count != len(slots) {
		t.Fatalf("%s lists %v of %d pending; want %v of %d", what, got, pe.Count, want, len(slots))
	}
	return pe
}

// notReleased returns the slots of s not released in its first steps.
func notReleased(s scenario, steps int) []int {
	released := releasedBefore(s, steps)
	var out []int
	for i := range s.fail {
		if !released[i] {
			out = append(out, i)
		}
	}
	return out
}

func TestPendingErrorMessage(t *testing.T) {
	cause := errors.New("page took too long")
	many := &PendingError{Err: cause}
	for i := range 25 {
		many.add(i, "")
	}
	for _, c := range []struct {
		err  *PendingError
		want string
	}{
		{&PendingError{Err: context.DeadlineExceeded, Tasks: []PendingTask{{1, "Client.Orders"}}, Count: 1},
			"context deadline exceeded (still pending: task 1 (Client.Orders))"},
		{&PendingError{Err: cause, Tasks: []PendingTask{{0, "FetchUser"}, {2, ""}}, Count: 2},
			"page took too long (still pending: task 0 (FetchUser), task 2)"},
		{many, "page took too long (still pending: task 0, task 1, task 2, task 3, task 4, " +
			"task 5, task 6, task 7, task 8, task 9 and 15 more)"},
		{&PendingError{Err: cause}, "page took too long"},
		{&PendingError{}, "<nil>"},
	} {
		if got := c.err.Error(); got != c.want {
			t.Errorf("Error() = %q; want %q", got, c.want)
		}
	}
	if len(many.Tasks) != maxPendingListed || many.Count != 25 {
		t.Errorf("25 added: %d listed, count %d; want %d and 25", len(many.Tasks), many.Count, maxPendingListed)
	}
}

// hang is a task that returns only when its context ends, with its error,
// as a call to a service that does not answer does.
func hang(ctx context.Context) (int, error) {
	<-ctx.Done()
	return 0, ctx.Err()
}

// The dashboard: one backend answers, the other does not, and the
// deadline ends the gather. The error names the slow one and is still a
// deadline.
func TestGatherTimeoutNamesTheSlowTask(t *testing.T) {
	ctx := context.Background()
	user := GoNamed(ctx, "FetchUser", func(context.Context) (int, error) { return 1, nil })
	orders := GoNamed(ctx, "Client.Orders", hang)
	<-user.Done()
	waitCtx, cancel := context.WithTimeout(ctx, 0)
	defer cancel()
	_, _, err := Gather2(waitCtx, user, orders)
	if got, want := fmt.Sprint(err), "context deadline exceeded (still pending: task 1 (Client.Orders))"; got != want {
		t.Fatalf("Gather2 = %q; want %q", got, want)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("errors.Is(%v, context.DeadlineExceeded) = false", err)
	}
	if err == waitCtx.Err() { //nolint:errorlint // the comparison that no longer holds, on purpose
		t.Fatal("err == ctx.Err(): want a *PendingError that unwraps to it")
	}
	if _, err := orders.Await(ctx); err != context.Canceled {
		t.Fatalf("the pending input: %v; want it cancelled", err)
	}
}

// Every wait that ctx ends names what it was waiting for: here slots 1 and
// 3 of four, the others having settled, one of them with a failure that a
// settle reports and a fail-fast gather would have (so the gathers get a
// success there instead).
func TestEveryWaitNamesThePendingInputs(t *testing.T) {
	stop := errors.New("stop")
	start := func(ctx context.Context, failing bool) []*Future[int] {
		third := Resolved(3)
		if failing {
			third = Rejected[int](errBoom)
		}
		return []*Future[int]{Resolved(1), GoNamed(ctx, "B", hang), third, GoNamed(ctx, "D", hang)}
	}
	waits := []struct {
		name    string
		failing bool
		wait    func(context.Context, []*Future[int]) error
	}{
		{"All", false, func(ctx context.Context, fs []*Future[int]) error { _, err := All(ctx, fs...); return err }},
		{"Gather4", false, func(ctx context.Context, fs []*Future[int]) error {
			_, _, _, _, err := Gather4(ctx, fs[0], fs[1], fs[2], fs[3])
			return err
		}},
		{"AllSettled", true, func(ctx context.Context, fs []*Future[int]) error {
			rs := AllSettled(ctx, fs...)
			if rs[0].Err != nil || rs[2].Err != errBoom || rs[1].Err != rs[3].Err {
				return fmt.Errorf("slots %+v: want the settled ones as they are and one error for the pending", rs)
			}
			return rs[1].Err
		}},
		{"Settle4", true, func(ctx context.Context, fs []*Future[int]) error {
			a, b, c, d := Settle4(ctx, fs[0], fs[1], fs[2], fs[3])
			if a.Err != nil || c.Err != errBoom || b.Err != d.Err {
				return fmt.Errorf("slots %+v %+v %+v %+v: want the settled ones as they are and one error for the pending", a, b, c, d)
			}
			return b.Err
		}},
		{"Any", true, func(ctx context.Context, fs []*Future[int]) error {
			_, err := Any(ctx, fs[1:]...) // Resolved(1) would win
			return err
		}},
	}
	for _, w := range waits {
		ctx, cancel := context.WithCancelCause(context.Background())
		fs := start(context.Background(), w.failing)
		cancel(stop)
		err := w.wait(ctx, fs)
		if w.name == "Any" {
			mustPending(t, w.name, err, stop, 0, 2) // slots of fs[1:]
		} else {
			mustPending(t, w.name, err, stop, 1, 3)
		}
		for _, i := range []int{1, 3} {
			if _, err := fs[i].Await(context.Background()); err != context.Canceled {
				t.Errorf("%s: slot %d = %v; want it cancelled", w.name, i, err)
			}
		}
	}
	// Race of inputs none of which settles.
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(stop)
	_, err := Race(ctx, GoNamed(context.Background(), "A", hang), GoNamed(context.Background(), "B", hang))
	pe := mustPending(t, "Race", err, stop, 0, 1)
	if pe.Tasks[0].Name != "A" || pe.Tasks[1].Name != "B" {
		t.Fatalf("Race: %+v; want the tasks' names", pe.Tasks)
	}
}

// Under a limit of one, Map's calls run one after the other: when the call
// of element k ends ctx, the elements before it have succeeded and every
// other is pending. A million of them make an error of ten entries and the
// count.
func TestMapNamesPendingElementsCapped(t *testing.T) {
	for _, c := range []struct{ n, k int }{{3, 0}, {20, 4}, {1_000_000, 5}} {
		stop := errors.New("stop")
		ctx, cancel := context.WithCancelCause(context.Background())
		in := make([]int, c.n)
		for i := range in {
			in[i] = i
		}
		_, err := Map(WithLimit(ctx, 1), in, func(ctx context.Context, i int) (int, error) {
			if i == c.k {
				cancel(stop)
				return hang(ctx)
			}
			return i, nil
		})
		want := make([]int, 0, c.n-c.k)
		for i := c.k; i < c.n; i++ {
			want = append(want, i)
		}
		pe := mustPending(t, fmt.Sprintf("Map of %d stopped at %d", c.n, c.k), err, stop, want...)
		if len(pe.Tasks) > maxPendingListed {
			t.Fatalf("%d listed; want at most %d", len(pe.Tasks), maxPendingListed)
		}
	}
}

// A Map whose ctx is done before it starts makes no call: every element is
// pending.
func TestMapUnderDoneContextNamesEveryElement(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	called := false
	_, err := Map(ctx, make([]int, 12), func(context.Context, int) (int, error) { called = true; return 0, nil })
	mustPending(t, "Map", err, context.Canceled, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
	if called {
		t.Fatal("a call was made under a done context")
	}
}

// Without a limit, Map's calls all hang: every element is pending, and the
// elements past 64 (the second word of the record) are counted.
func TestMapUnlimitedNamesPendingElements(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	const n = 130
	running := make(chan struct{}, n)
	go func() {
		for range n {
			<-running
		}
		cancel()
	}()
	_, err := Map(ctx, make([]int, n), func(ctx context.Context, _ int) (int, error) {
		running <- struct{}{}
		return hang(ctx)
	})
	want := make([]int, n)
	for i := range want {
		want[i] = i
	}
	mustPending(t, "Map", err, context.Canceled, want...)
}

// A PendingError that counts inputs and lists none (a scope held by calls
// of Map or Stream only) says how many, with no empty list.
func TestPendingErrorCountsWhatItCannotList(t *testing.T) {
	e := &PendingError{Err: context.Canceled, Count: 3}
	if got, want := e.Error(), "context canceled (3 still pending)"; got != want {
		t.Fatalf("Error() = %q; want %q", got, want)
	}
}
