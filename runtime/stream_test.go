package runtime

import (
	"context"
	"errors"
	"fmt"
	"iter"
	goruntime "runtime"
	"slices"
	"sync/atomic"
	"testing"

	"go.uber.org/goleak"
	"pgregory.net/rapid"
)

// count is the input 0, 1, ..., n-1; n < 0 counts forever.
func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; n < 0 || i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// collect ranges over a stream and returns its values and its errors, and
// fails t when anything follows an error.
func collect[Out any](t testing.TB, s iter.Seq2[Out, error]) ([]Out, error) {
	t.Helper()
	var out []Out
	var end error
	for v, err := range s {
		if end != nil {
			t.Fatalf("the stream went on after its error %v", end)
		}
		if err != nil {
			end = err
			continue
		}
		out = append(out, v)
	}
	return out, end
}

func TestStreamKeepsInputOrder(t *testing.T) {
	// Each call waits for the one after it, so they finish last to first.
	const n = 20
	next := make([]chan struct{}, n+1)
	for i := range next {
		next[i] = make(chan struct{})
	}
	close(next[n])
	got, err := collect(t, Stream(context.Background(), count(n), n, func(_ context.Context, i int) (string, error) {
		<-next[i+1]
		close(next[i])
		return fmt.Sprint("v", i), nil
	}))
	if err != nil || len(got) != n {
		t.Fatalf("Stream = %v, %v; want %d values", got, err, n)
	}
	for i, v := range got {
		if v != fmt.Sprint("v", i) {
			t.Fatalf("Stream = %v; want v0..v%d in input order", got, n-1)
		}
	}
}

func TestStreamOfNothing(t *testing.T) {
	got, err := collect(t, Stream(context.Background(), count(0), 3, func(context.Context, int) (int, error) {
		t.Error("fn called for an empty input")
		return 0, nil
	}))
	if len(got) != 0 || err != nil {
		t.Fatalf("Stream of nothing = %v, %v; want nothing", got, err)
	}
}

func TestStreamCanBeRangedAgain(t *testing.T) {
	s := Stream(context.Background(), count(50), 4, func(_ context.Context, i int) (int, error) { return i + 1, nil })
	first, err1 := collect(t, s)
	second, err2 := collect(t, s)
	if err1 != nil || err2 != nil || len(first) != 50 || !slices.Equal(first, second) {
		t.Fatalf("two ranges gave %v, %v and %v, %v; want 1..50 twice", first, err1, second, err2)
	}
}

func TestStreamMisusePanicsAtTheCall(t *testing.T) {
	fn := func(context.Context, int) (int, error) { return 0, nil }
	for _, c := range []struct {
		call func()
		want string
	}{
		{func() { Stream(nil, count(1), 1, fn) }, "runtime.Stream: ctx is nil"},
		{func() { Stream(context.Background(), nil, 1, fn) }, "runtime.Stream: in is nil"},
		{func() { Stream(context.Background(), count(1), 0, fn) }, "runtime.Stream: window is 0, want at least 1"},
		{func() { Stream(context.Background(), count(1), -2, fn) }, "runtime.Stream: window is -2, want at least 1"},
		{func() { Stream[int, int](context.Background(), count(1), 1, nil) }, "runtime.Stream: fn is nil"},
	} {
		if got := panicOf(c.call); got != c.want {
			t.Errorf("panic %v; want %q", got, c.want)
		}
	}
}

// panicOf calls f and returns what it panicked with, or nil.
func panicOf(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

func TestStreamFailsFastAndCancelsTheOthers(t *testing.T) {
	// Element 0 blocks until cancelled; element 1 fails once 0 runs: the
	// stream ends with 1's error at once, without waiting for 0 on its own.
	boom := errors.New("boom")
	running := make(chan struct{})
	seen := make(chan error, 1)
	got, err := collect(t, Stream(context.Background(), count(3), 3, func(ctx context.Context, i int) (int, error) {
		switch i {
		case 0:
			close(running)
			<-ctx.Done()
			seen <- context.Cause(ctx)
			return 0, ctx.Err()
		case 1:
			<-running
			return 0, boom
		}
		return i, nil
	}))
	var te *TaskError
	if len(got) != 0 || !errors.As(err, &te) || te.Index != 1 || te.Name != "" || !errors.Is(err, boom) {
		t.Fatalf("Stream = %v, %v; want only a *TaskError for index 1 wrapping boom", got, err)
	}
	if cause := <-seen; cause != err {
		t.Errorf("the cancelled call saw cause %v; want the stream's error %v", cause, err)
	}
}

func TestStreamYieldsTheResultsBeforeAFailure(t *testing.T) {
	// Window 1: the calls run one by one, so 0..3 are yielded before 4 fails.
	var calls atomic.Int32
	got, err := collect(t, Stream(context.Background(), count(10), 1, func(_ context.Context, i int) (int, error) {
		calls.Add(1)
		if i == 4 {
			return 0, taskErr(i)
		}
		return i * i, nil
	}))
	var te *TaskError
	if !slices.Equal(got, []int{0, 1, 4, 9}) || !errors.As(err, &te) || te.Index != 4 {
		t.Fatalf("Stream = %v, %v; want 0 1 4 9 and the failure of element 4", got, err)
	}
	if n := calls.Load(); n != 5 {
		t.Errorf("%d calls; want 5: none after the failure", n)
	}
}

func TestStreamRecoversPanicsAndGoexit(t *testing.T) {
	_, err := collect(t, Stream(context.Background(), count(2), 2, func(_ context.Context, i int) (int, error) {
		if i == 1 {
			panic("kaboom")
		}
		return i, nil
	}))
	var te *TaskError
	var pe *PanicError
	if !errors.As(err, &te) || te.Index != 1 || !errors.As(err, &pe) || pe.Value != "kaboom" || len(pe.Stack) == 0 {
		t.Fatalf("Stream = %v; want a *TaskError for index 1 wrapping a *PanicError with a stack", err)
	}
	_, err = collect(t, Stream(context.Background(), count(1), 1, func(context.Context, int) (int, error) {
		goruntime.Goexit()
		return 0, nil
	}))
	if !errors.As(err, &te) || !errors.Is(err, errGoexit) {
		t.Fatalf("Stream of a call that calls Goexit = %v; want a *TaskError wrapping errGoexit", err)
	}
}

func TestStreamReportsCauseWhenCtxEnds(t *testing.T) {
	stop := errors.New("stop")
	ctx, cancel := context.WithCancelCause(context.Background())
	running := make(chan struct{}, 3)
	go func() {
		for range 3 {
			<-running
		}
		cancel(stop)
	}()
	// Each call echoes the end of its context; the stream still reports the cause.
	got, err := collect(t, Stream(ctx, count(3), 3, func(ctx context.Context, _ int) (int, error) {
		running <- struct{}{}
		<-ctx.Done()
		return 0, ctx.Err()
	}))
	if len(got) != 0 || err != stop {
		t.Fatalf("Stream = %v, %v; want only the cause %v", got, err, stop)
	}
}

func TestStreamStopsAtOnceWhenCtxEndsInTheLoop(t *testing.T) {
	// The calls are ready, but once ctx is done only the cause is yielded.
	stop := errors.New("stop")
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	var got []int
	var end error
	for v, err := range Stream(ctx, count(100), 10, func(_ context.Context, i int) (int, error) { return i, nil }) {
		if err != nil {
			end = err
			continue
		}
		got = append(got, v)
		if v == 5 {
			cancel(stop)
		}
	}
	if !slices.Equal(got, []int{0, 1, 2, 3, 4, 5}) || end != stop {
		t.Fatalf("Stream = %v, %v; want 0..5 and then the cause", got, end)
	}
}

func TestStreamWithCtxAlreadyDone(t *testing.T) {
	stop := errors.New("stop")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(stop)
	in := func(func(int) bool) { t.Error("the input was read under a context that was done") }
	got, err := collect(t, Stream(ctx, in, 1, func(context.Context, int) (int, error) {
		t.Error("fn called under a context that was done")
		return 0, nil
	}))
	if len(got) != 0 || err != stop {
		t.Fatalf("Stream = %v, %v; want only the cause %v", got, err, stop)
	}
}

func TestStreamLeavingTheLoopCancelsTheCalls(t *testing.T) {
	// Element 0 returns once 1 and 2 run; 1 and 2 wait for their context.
	// The loop leaves at its first value, in each of the ways a loop can.
	ways := map[string]func(yieldedZero func()){
		"break":  func(func()) {},
		"panic":  func(func()) { panic("in the loop") },
		"Goexit": func(func()) { goruntime.Goexit() },
	}
	for name, leave := range ways {
		t.Run(name, func(t *testing.T) {
			running := make(chan struct{}, 2)
			cancelled := make(chan error, 2)
			var calls atomic.Int32
			left := make(chan struct{})
			go func() {
				defer close(left)
				defer func() { recover() }()
				for range Stream(context.Background(), count(100), 3, func(ctx context.Context, i int) (int, error) {
					calls.Add(1)
					if i == 0 {
						<-running
						<-running
						return 0, nil
					}
					running <- struct{}{}
					<-ctx.Done()
					cancelled <- context.Cause(ctx)
					return 0, ctx.Err()
				}) {
					leave(nil)
					break
				}
			}()
			<-left
			for range 2 {
				if cause := <-cancelled; !errors.Is(cause, context.Canceled) {
					t.Errorf("a call in flight saw cause %v; want context.Canceled", cause)
				}
			}
			if n := calls.Load(); n != 3 {
				t.Errorf("%d calls; want 3: none after the loop left", n)
			}
		})
	}
}

func TestStreamReturnFromTheLoopCancelsTheCalls(t *testing.T) {
	// Element 0 returns once 1 runs; 1 waits for its context.
	running := make(chan struct{})
	cancelled := make(chan error, 1)
	first := func() int {
		for v := range Stream(context.Background(), count(2), 2, func(ctx context.Context, i int) (int, error) {
			if i == 0 {
				<-running
				return 0, nil
			}
			close(running)
			<-ctx.Done()
			cancelled <- ctx.Err()
			return i, nil
		}) {
			return v
		}
		return -1
	}()
	if first != 0 {
		t.Fatalf("first value %d; want 0", first)
	}
	if err := <-cancelled; err != context.Canceled {
		t.Fatalf("the call in flight saw %v; want context.Canceled", err)
	}
}

func TestStreamOfAnEndlessInput(t *testing.T) {
	const window = 8
	var read atomic.Int64
	in := func(yield func(int) bool) {
		for i := 0; ; i++ {
			read.Add(1)
			if !yield(i) {
				return
			}
		}
	}
	n := 0
	for v, err := range Stream(context.Background(), in, window, func(_ context.Context, i int) (int, error) { return -i, nil }) {
		if err != nil || v != -n {
			t.Fatalf("step %d: %d, %v; want %d", n, v, err, -n)
		}
		if n++; n == 1000 {
			break
		}
	}
	// The loop was at element 999: the input was read at most window-1 past it.
	if r := read.Load(); r > 1000+window-1 {
		t.Fatalf("%d elements read for 1000 yielded with a window of %d", r, window)
	}
}

func TestStreamUnderLimit(t *testing.T) {
	const limit = 2
	ctx := WithLimit(context.Background(), limit)
	var peak concurrency
	got, err := collect(t, Stream(ctx, count(200), 16, func(ctx context.Context, i int) (int, error) {
		defer peak.enter()()
		if limiterOf(ctx) != nil {
			return 0, errors.New("the calls' context carries the limit")
		}
		// A call may stream under its own context without waiting for its slot.
		var inner []int
		for j, err := range Stream(ctx, count(3), 1, func(_ context.Context, j int) (int, error) { return j, nil }) {
			if err != nil {
				return 0, err
			}
			inner = append(inner, j)
		}
		if !slices.Equal(inner, []int{0, 1, 2}) {
			return 0, fmt.Errorf("inner stream = %v", inner)
		}
		return 2 * i, nil
	}))
	if err != nil || len(got) != 200 {
		t.Fatalf("Stream = %d values, %v; want 200", len(got), err)
	}
	for i, v := range got {
		if v != 2*i {
			t.Fatalf("Stream = %v; want 2*i in order", got)
		}
	}
	if m := peak.most.Load(); m > limit {
		t.Fatalf("%d calls at once under a limit of %d", m, limit)
	}
}

func TestStreamQueuedCallsSkippedAfterTheLoop(t *testing.T) {
	// With the only slot held, the stream's calls wait in the limiter's
	// queue; the loop leaves; the held slot frees: no call is made.
	lctx := WithLimit(context.Background(), 1)
	hold := make(chan struct{})
	holder := Go(lctx, func(context.Context) (int, error) { <-hold; return 0, nil })
	ctx, cancel := context.WithCancel(lctx)
	var calls atomic.Int32
	in := func(yield func(int) bool) {
		for i := range 3 {
			if !yield(i) {
				return
			}
		}
		cancel() // every element is queued: end the stream while it waits
	}
	// A window wider than the input: with three elements held, the loop
	// does not wait for the first before the input ends.
	_, err := collect(t, Stream(ctx, in, 4, func(context.Context, int) (int, error) {
		calls.Add(1)
		return 0, nil
	}))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Stream = %v; want context.Canceled", err)
	}
	close(hold)
	drainLimiter(t, lctx, holder)
	if n := calls.Load(); n != 0 {
		t.Fatalf("%d calls made after the stream ended", n)
	}
}

// streamScenario is one run of a stream whose calls the test releases in an
// order it draws, among the calls that have started.
type streamScenario struct {
	n, window int
	limit     int   // 0: no WithLimit
	choices   []int // which started call to release next, modulo their number
	fail      int   // the element whose call fails, or -1
	breakAt   int   // leave the loop after this many values, or -1
	cancelAt  int   // cancel ctx after this many values, or -1
}

func drawStreamScenario(t *rapid.T) streamScenario {
	n := rapid.IntRange(0, 20).Draw(t, "n")
	s := streamScenario{
		n:        n,
		window:   rapid.IntRange(1, 12).Draw(t, "window"), // above firstRing too: the ring grows
		choices:  rapid.SliceOfN(rapid.IntRange(0, 1000), 1, 20).Draw(t, "choices"),
		fail:     -1,
		breakAt:  -1,
		cancelAt: -1,
	}
	if rapid.Bool().Draw(t, "limited") {
		s.limit = rapid.IntRange(1, 4).Draw(t, "limit")
	}
	if n > 0 {
		if rapid.Bool().Draw(t, "fails") {
			s.fail = rapid.IntRange(0, n-1).Draw(t, "fail")
		}
		switch rapid.IntRange(0, 2).Draw(t, "leave") {
		case 1:
			s.breakAt = rapid.IntRange(1, n).Draw(t, "breakAt")
		case 2:
			s.cancelAt = rapid.IntRange(0, n-1).Draw(t, "cancelAt")
		}
	}
	return s
}

// streamRun is what one scenario gave.
type streamRun struct {
	values []int
	err    error
}

// play runs s: each call announces itself and waits for its release (or its
// context), and a controller releases started calls in the order of
// s.choices, waiting first for every call the stream can start by then, so
// that the order is the scenario's, not the scheduler's.
func (s streamScenario) play(t *rapid.T) streamRun {
	stop := errors.New("stop")
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	if s.cancelAt == 0 {
		cancel(stop)
	}
	var sctx context.Context = ctx
	if s.limit > 0 {
		sctx = WithLimit(ctx, s.limit)
	}
	started := make(chan int, s.n)
	release := make([]chan struct{}, s.n)
	for i := range release {
		release[i] = make(chan struct{})
	}
	var yielded atomic.Int64
	var peak concurrency
	var problems atomic.Pointer[string]
	report := func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		problems.CompareAndSwap(nil, &msg)
	}
	in := func(yield func(int) bool) {
		for i := range s.n {
			if y := int(yielded.Load()); i > y+s.window {
				report("element %d read with %d yielded and a window of %d", i, y, s.window)
			}
			if !yield(i) {
				return
			}
		}
	}
	fn := func(ctx context.Context, i int) (int, error) {
		defer peak.enter()()
		if y := int(yielded.Load()); i >= y+s.window {
			report("element %d called with %d yielded and a window of %d", i, y, s.window)
		}
		started <- i
		select {
		case <-release[i]:
		case <-ctx.Done():
			return 0, ctx.Err()
		}
		if i == s.fail {
			return 0, taskErr(i)
		}
		return 10 * i, nil
	}
	over := make(chan struct{})
	controlled := make(chan struct{})
	go func() {
		defer close(controlled)
		var waiting []int
		startedN, released := 0, 0
		for k := 0; released < s.n; k++ {
			can := min(s.n, int(yielded.Load())+s.window)
			if s.limit > 0 {
				can = min(can, released+s.limit)
			}
			for startedN < can || len(waiting) == 0 {
				select {
				case i := <-started:
					waiting = append(waiting, i)
					startedN++
				case <-over:
					return
				}
			}
			j := s.choices[k%len(s.choices)] % len(waiting)
			close(release[waiting[j]])
			waiting = slices.Delete(waiting, j, j+1)
			released++
		}
	}()
	var r streamRun
	for v, err := range Stream(sctx, in, s.window, fn) {
		if r.err != nil {
			report("the stream went on after its error %v", r.err)
		}
		if err != nil {
			r.err = err
			continue
		}
		r.values = append(r.values, v)
		yielded.Add(1)
		if len(r.values) == s.breakAt {
			break
		}
		if len(r.values) == s.cancelAt {
			cancel(stop)
		}
	}
	close(over)
	<-controlled
	if p := problems.Load(); p != nil {
		t.Fatal(*p)
	}
	if s.limit > 0 && int(peak.most.Load()) > s.limit {
		t.Fatalf("%d calls at once under a limit of %d", peak.most.Load(), s.limit)
	}
	if r.err != nil && !errors.Is(r.err, stop) {
		var te *TaskError
		if !errors.As(r.err, &te) || te.Index != s.fail || te.Err.Error() != taskErr(s.fail).Error() {
			t.Fatalf("the stream ended with %v; want the failure of element %d or the cause", r.err, s.fail)
		}
	}
	return r
}

// TestStreamProperties runs random streams: any order of completion gives
// values in input order; a failure at any element ends the stream with that
// element's error, after values in order that stop before it; leaving the
// loop or cancelling ctx after any number of values stops the stream there;
// and whatever the way out, no goroutine is left.
func TestStreamProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		before := goleak.IgnoreCurrent()
		s := drawStreamScenario(t)
		r := s.play(t)
		for i, v := range r.values {
			if v != 10*i {
				t.Fatalf("values %v; want 0, 10, 20... in input order", r.values)
			}
		}
		var te *TaskError
		failed := errors.As(r.err, &te)
		switch {
		case failed && len(r.values) > s.fail:
			t.Fatalf("values %v before the failure of element %d", r.values, s.fail)
		case s.breakAt >= 0 && r.err == nil && len(r.values) != s.breakAt:
			t.Fatalf("%d values; want the loop left at %d", len(r.values), s.breakAt)
		case s.cancelAt >= 0 && r.err == nil && len(r.values) != s.n:
			t.Fatalf("%d values and no error after ctx was cancelled at %d", len(r.values), s.cancelAt)
		case s.cancelAt >= 0 && !failed && len(r.values) < s.n && len(r.values) != s.cancelAt:
			t.Fatalf("%d values; want the stream stopped at %d when ctx was cancelled", len(r.values), s.cancelAt)
		case s.breakAt < 0 && s.cancelAt < 0 && s.fail >= 0 && !failed:
			t.Fatalf("values %v, end %v; want the failure of element %d", r.values, r.err, s.fail)
		case s.breakAt < 0 && s.cancelAt < 0 && s.fail < 0 && (r.err != nil || len(r.values) != s.n):
			t.Fatalf("values %v, end %v; want all %d values", r.values, r.err, s.n)
		}
		goleak.VerifyNone(t, before)
	})
}

func TestStreamRingGrowsWithTheCallsInFlight(t *testing.T) {
	// Under a window of a million, a stream starts with firstRing slots and
	// doubles them only as the calls in flight fill them; the elements in
	// flight keep their slots and their order.
	release := make(chan struct{})
	s := newStreaming(context.Background(), "", 1<<20, func(_ context.Context, i int) (int, error) {
		<-release
		return i, nil
	})
	defer s.cancel(nil)
	if len(s.ring) != firstRing {
		t.Fatalf("a new stream has %d slots; want %d", len(s.ring), firstRing)
	}
	const n = 3 * firstRing
	for i := range n {
		if s.next-s.head == len(s.ring) {
			s.grow()
		}
		s.start(i)
	}
	if len(s.ring) != 4*firstRing {
		t.Fatalf("%d slots for %d calls in flight; want %d", len(s.ring), n, 4*firstRing)
	}
	close(release)
	var got []int
	for s.head < s.next {
		if !s.yieldHead(func(v int, err error) bool {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, v)
			return true
		}) {
			t.Fatal("the stream stopped")
		}
	}
	if !slices.Equal(got, slices.Collect(count(n))) {
		t.Fatalf("values %v; want 0..%d in order", got, n-1)
	}
}
