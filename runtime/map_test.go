package runtime

import (
	"context"
	"errors"
	"fmt"
	goruntime "runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"pgregory.net/rapid"
)

func TestMapKeepsInputOrder(t *testing.T) {
	// Each call waits for the one after it, so they finish last to first.
	const n = 20
	next := make([]chan struct{}, n+1)
	for i := range next {
		next[i] = make(chan struct{})
	}
	close(next[n])
	in := make([]int, n)
	for i := range in {
		in[i] = i
	}
	got, err := Map(context.Background(), in, func(_ context.Context, i int) (string, error) {
		<-next[i+1]
		close(next[i])
		return fmt.Sprint("v", i), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range got {
		if v != fmt.Sprint("v", i) {
			t.Fatalf("Map = %v; want v0..v%d in input order", got, n-1)
		}
	}
}

func TestMapOfNothing(t *testing.T) {
	got, err := Map(context.Background(), nil, func(context.Context, int) (int, error) {
		t.Error("fn called for an empty input")
		return 0, nil
	})
	if got == nil || len(got) != 0 || err != nil {
		t.Fatalf("Map(nil) = %#v, %v; want an empty slice and no error", got, err)
	}
}

func TestMapFailsFastAndCancelsTheOthers(t *testing.T) {
	boom := errors.New("boom")
	blocked := make(chan error, 2)
	running := make(chan struct{}, 2)
	release := make(chan struct{})
	defer close(release)
	_, err := Map(context.Background(), []int{0, 1, 2}, func(ctx context.Context, i int) (int, error) {
		if i == 1 {
			for range 2 { // fail only once the others are running
				<-running
			}
			return 0, boom
		}
		running <- struct{}{}
		<-ctx.Done()
		blocked <- context.Cause(ctx)
		<-release // Map returns before this: it does not wait for the cancelled calls
		return 0, ctx.Err()
	})
	var te *TaskError
	if !errors.As(err, &te) || te.Index != 1 || te.Name != "" || !errors.Is(err, boom) {
		t.Fatalf("Map = %v; want a *TaskError for index 1 wrapping boom", err)
	}
	for range 2 {
		if cause := <-blocked; cause != err {
			t.Errorf("a cancelled call saw cause %v; want Map's error %v", cause, err)
		}
	}
}

func TestMapRecoversPanicsAndGoexit(t *testing.T) {
	_, err := Map(context.Background(), []int{0, 1}, func(_ context.Context, i int) (int, error) {
		if i == 1 {
			panic("kaboom")
		}
		return i, nil
	})
	var te *TaskError
	var pe *PanicError
	if !errors.As(err, &te) || te.Index != 1 || !errors.As(err, &pe) || pe.Value != "kaboom" || len(pe.Stack) == 0 {
		t.Fatalf("Map = %v; want a *TaskError for index 1 wrapping a *PanicError with a stack", err)
	}
	_, err = Map(context.Background(), []int{0}, func(context.Context, int) (int, error) {
		goruntime.Goexit()
		return 0, nil
	})
	if !errors.As(err, &te) || !errors.Is(err, errGoexit) {
		t.Fatalf("Map of a call that calls Goexit = %v; want a *TaskError wrapping errGoexit", err)
	}
}

func TestMapReturnsCauseWhenCtxEnds(t *testing.T) {
	stop := errors.New("stop")
	ctx, cancel := context.WithCancelCause(context.Background())
	running := make(chan struct{}, 3)
	seen := make(chan error, 3)
	go func() {
		for range 3 {
			<-running
		}
		cancel(stop)
	}()
	// Each call echoes the end of its context; Map still reports the cause.
	_, err := Map(ctx, []int{0, 1, 2}, func(ctx context.Context, _ int) (int, error) {
		running <- struct{}{}
		<-ctx.Done()
		seen <- context.Cause(ctx)
		return 0, ctx.Err()
	})
	mustPending(t, "Map", err, stop, 0, 1, 2)
	for range 3 {
		if cause := <-seen; cause != stop {
			t.Errorf("a call saw cause %v; want %v", cause, stop)
		}
	}
}

func TestMapDoesNotCallAfterTheEnd(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var calls atomic.Int32
	_, err := Map(ctx, []int{0, 1, 2}, func(context.Context, int) (int, error) {
		calls.Add(1)
		return 0, nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Map under a done ctx = %v; want context.Canceled", err)
	}
	// Under a limit of one, the calls run one after another: after the
	// first fails, the rest are not made.
	lctx := WithLimit(context.Background(), 1)
	var made []int
	_, err = Map(lctx, []int{0, 1, 2, 3}, func(_ context.Context, i int) (int, error) {
		made = append(made, i) // one call at a time
		return 0, errors.New("no")
	})
	var te *TaskError
	if !errors.As(err, &te) || te.Index != 0 || !slices.Equal(made, []int{0}) {
		t.Fatalf("Map under a limit of 1 = %v after calls %v; want index 0's failure and no other call", err, made)
	}
	if calls.Load() != 0 {
		t.Fatalf("%d calls made under a done ctx", calls.Load())
	}
}

func TestMapCancelsItsContextWhenItReturns(t *testing.T) {
	var inner context.Context
	var once sync.Once
	_, err := Map(context.Background(), []int{1, 2}, func(ctx context.Context, i int) (int, error) {
		once.Do(func() { inner = ctx })
		return i, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if inner.Err() == nil {
		t.Fatal("the calls' context is still live after Map returned")
	}
}

func TestMapUnderLimit(t *testing.T) {
	const limit, n = 3, 30
	ctx := WithLimit(context.Background(), limit)
	var peak concurrency
	started := make(chan struct{}, n)
	release := make(chan struct{})
	before := goruntime.NumGoroutine()
	type result struct {
		out []int
		err error
	}
	done := make(chan result)
	in := make([]int, n)
	for i := range in {
		in[i] = i
	}
	go func() {
		out, err := Map(ctx, in, func(ctx context.Context, i int) (int, error) {
			if ctx.Value(limitKey{}) != nil {
				return 0, errors.New("the calls' context carries the limit")
			}
			defer peak.enter()()
			started <- struct{}{}
			<-release
			return 2 * i, nil
		})
		done <- result{out, err}
	}()
	for range limit {
		<-started
	}
	// With every slot taken, the other elements wait without goroutines.
	if g := goruntime.NumGoroutine() - before; g > limit+5 {
		t.Errorf("%d more goroutines while %d elements wait; want about %d", g, n-limit, limit+1)
	}
	close(release)
	r := <-done
	if r.err != nil {
		t.Fatal(r.err)
	}
	for i, v := range r.out {
		if v != 2*i {
			t.Fatalf("Map = %v; want 2*i in order", r.out)
		}
	}
	if m := peak.most.Load(); m > limit {
		t.Fatalf("%d calls ran at once; limit %d", m, limit)
	}
}

func TestMapTakesTurnsWithFutures(t *testing.T) {
	// Under a limit of one, a future submitted while Map's first call runs
	// starts before Map's second call.
	ctx := WithLimit(context.Background(), 1)
	var mu sync.Mutex
	var order []string
	record := func(s string) {
		mu.Lock()
		order = append(order, s)
		mu.Unlock()
	}
	first, release := make(chan struct{}), make(chan struct{})
	mapped := make(chan error)
	go func() {
		_, err := Map(ctx, []int{0, 1, 2}, func(_ context.Context, i int) (int, error) {
			record(fmt.Sprint("map", i))
			if i == 0 {
				close(first)
				<-release
			}
			return i, nil
		})
		mapped <- err
	}()
	<-first
	f := Go(ctx, func(context.Context) (int, error) {
		record("future")
		return 0, nil
	})
	close(release)
	if err := <-mapped; err != nil {
		t.Fatal(err)
	}
	if _, err := f.Await(context.Background()); err != nil {
		t.Fatal(err)
	}
	if want := []string{"map0", "future", "map1", "map2"}; !slices.Equal(order, want) {
		t.Fatalf("order %v; want %v", order, want)
	}
}

func TestMapCallsCanMapUnderTheirOwnContext(t *testing.T) {
	// A call that maps again under its context does not wait for the slot
	// it holds itself.
	ctx := WithLimit(context.Background(), 1)
	got, err := Map(ctx, []int{1, 2}, func(ctx context.Context, i int) (int, error) {
		inner, err := Map(ctx, []int{i, i}, func(_ context.Context, j int) (int, error) { return j, nil })
		return inner[0] + inner[1], err
	})
	if err != nil || !slices.Equal(got, []int{2, 4}) {
		t.Fatalf("nested Map = %v, %v; want [2 4]", got, err)
	}
}

// TestMapProperties runs random scenarios: which calls fail, the order in
// which they finish, and whether a limit applies. Map returns every value in
// input order when none fails, and otherwise the first failure in time.
func TestMapProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawScenario(t)
		s.cancelAt = -1
		n := len(s.fail)
		ctx := context.Background()
		limited := rapid.Bool().Draw(t, "limited")
		if limited {
			ctx = WithLimit(ctx, n+1) // room for every call: the test releases them in its order
		}
		running := make(chan struct{}, n)
		release := make([]chan struct{}, n)
		finished := make([]chan struct{}, n)
		for i := range release {
			release[i], finished[i] = make(chan struct{}), make(chan struct{})
		}
		in := make([]int, n)
		for i := range in {
			in[i] = i
		}
		type result struct {
			out []int
			err error
		}
		done := make(chan result, 1)
		go func() {
			out, err := Map(ctx, in, func(ctx context.Context, i int) (int, error) {
				defer close(finished[i])
				running <- struct{}{}
				select {
				case <-release[i]:
				case <-ctx.Done():
					return 0, ctx.Err()
				}
				if s.fail[i] {
					return 0, taskErr(i)
				}
				return 10 * i, nil
			})
			done <- result{out, err}
		}()
		for range n { // every call is made before any finishes
			<-running
		}
		firstFail := -1
		for _, i := range s.order {
			close(release[i])
			<-finished[i]
			if s.fail[i] {
				firstFail = i
				break
			}
		}
		r := <-done
		if firstFail < 0 {
			if r.err != nil {
				t.Fatalf("Map = %v; want no error", r.err)
			}
			for i, v := range r.out {
				if v != 10*i {
					t.Fatalf("Map = %v; want 10*i in order", r.out)
				}
			}
			return
		}
		var te *TaskError
		if !errors.As(r.err, &te) || te.Index != firstFail || te.Err.Error() != taskErr(firstFail).Error() {
			t.Fatalf("Map = %v; want the failure of %d", r.err, firstFail)
		}
		for i := range finished { // every other call sees its context end and returns
			<-finished[i]
		}
	})
}

// TestMapLimitProperties maps random inputs under random limits: never more
// calls at once than the limit, values in input order when none fails, and
// otherwise the failure of an element that fails (under a limit of one, the
// first in input order, since the calls then run one by one in that order).
func TestMapLimitProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		fail := rapid.SliceOfN(rapid.Float64Range(0, 1), 0, 40).Draw(t, "fail")
		limit := rapid.IntRange(1, 8).Draw(t, "limit")
		ctx := WithLimit(context.Background(), limit)
		in := make([]int, len(fail))
		for i := range in {
			in[i] = i
		}
		var peak concurrency
		out, err := Map(ctx, in, func(_ context.Context, i int) (int, error) {
			defer peak.enter()()
			if fail[i] < 0.1 {
				return 0, taskErr(i)
			}
			return 3 * i, nil
		})
		if m := peak.most.Load(); int(m) > limit {
			t.Fatalf("%d calls at once under a limit of %d", m, limit)
		}
		first := slices.IndexFunc(fail, func(p float64) bool { return p < 0.1 })
		if first < 0 {
			if err != nil {
				t.Fatalf("Map = %v; want no error", err)
			}
			for i, v := range out {
				if v != 3*i {
					t.Fatalf("Map = %v; want 3*i in order", out)
				}
			}
			return
		}
		var te *TaskError
		if !errors.As(err, &te) || fail[te.Index] >= 0.1 || te.Err.Error() != taskErr(te.Index).Error() {
			t.Fatalf("Map = %v; want the failure of a failing element", err)
		}
		if limit == 1 && te.Index != first {
			t.Fatalf("Map under a limit of 1 = %v; want the failure of %d, the first in order", err, first)
		}
	})
}

func TestMapQueuedCallsSkippedWhenCtxEnds(t *testing.T) {
	lctx := WithLimit(context.Background(), 1)
	hold := make(chan struct{})
	holder := Go(lctx, func(context.Context) (int, error) { <-hold; return 0, nil })
	ctx, cancel := context.WithCancel(lctx)
	var calls atomic.Int32
	mapped := make(chan error)
	go func() {
		_, err := Map(ctx, []int{1, 2, 3}, func(context.Context, int) (int, error) {
			calls.Add(1)
			return 0, nil
		})
		mapped <- err
	}()
	cancel()
	if err := <-mapped; !errors.Is(err, context.Canceled) {
		t.Fatalf("Map = %v; want context.Canceled", err)
	}
	close(hold)
	drainLimiter(t, lctx, holder)
	if n := calls.Load(); n != 0 {
		t.Fatalf("%d calls made after Map's context ended", n)
	}
}

func TestMapReturnsWhenCtxEndsWithoutWaitingForCalls(t *testing.T) {
	stop := errors.New("stop")
	ctx, cancel := context.WithCancelCause(context.Background())
	running, release := make(chan struct{}), make(chan struct{})
	returned := make(chan struct{})
	go func() {
		<-running
		cancel(stop)
	}()
	// The call ignores its context: Map returns the cause without it.
	_, err := Map(ctx, []int{0}, func(context.Context, int) (int, error) {
		close(running)
		<-release
		defer close(returned)
		return 1, nil
	})
	mustPending(t, "Map", err, stop, 0)
	close(release)
	<-returned
}

func TestMapQueuesNoMoreThanTheLimit(t *testing.T) {
	// With every slot taken by futures, Map of many elements adds as many
	// entries to the limiter's queue as the limit, not one per element;
	// and while it runs, it never has more than that there.
	const limit, n = 3, 200
	ctx := WithLimit(context.Background(), limit)
	l := limiterOf(ctx)
	queued := func() (workers, others int) {
		l.mu.Lock()
		defer l.mu.Unlock()
		for q := l.first; q != nil; q = q.next {
			if _, ok := q.r.(*mapWorker[int, int]); ok {
				workers++
			} else {
				others++
			}
		}
		return workers, others
	}
	release := make(chan struct{})
	holders := make([]*Future[int], limit)
	for i := range holders {
		holders[i] = Go(ctx, func(context.Context) (int, error) {
			<-release
			return 0, nil
		})
	}
	var most atomic.Int64
	// Map's own two steps, so that the queue can be looked at between them.
	mapped := startMapping(ctx, "", make([]int, n), func(context.Context, int) (int, error) {
		w, _ := queued()
		for m := most.Load(); int64(w) > m && !most.CompareAndSwap(m, int64(w)); m = most.Load() {
		}
		return 0, nil
	})
	if w, o := queued(); w != limit || o != 0 {
		t.Errorf("with every slot taken, Map queued %d workers (and %d others); want %d", w, o, limit)
	}
	close(release)
	if _, err := mapped.wait(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := All(context.Background(), holders...); err != nil {
		t.Fatal(err)
	}
	if m := most.Load(); m > limit {
		t.Errorf("%d of Map's workers were queued at once; want at most %d", m, limit)
	}
}

// drainLimiter waits until holder, which holds the limiter of lctx, has
// returned and the limiter has run everything queued before this call: the
// limiter runs its queue in order, so once a future submitted now has run,
// so has whatever was left in the queue.
func drainLimiter(t *testing.T, lctx context.Context, holder *Future[int]) {
	t.Helper()
	after := Go(lctx, func(context.Context) (int, error) { return 0, nil })
	for _, f := range []*Future[int]{holder, after} {
		if _, err := f.Await(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}
