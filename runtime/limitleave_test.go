package runtime

import (
	"context"
	goruntime "runtime"
	"sync"
	"sync/atomic"
	"testing"
)

// errCounter is a context that counts the calls of its Err, the check that
// any scan of the limiter's queue makes of each task it passes.
type errCounter struct {
	context.Context
	n *atomic.Int64
}

func (c errCounter) Err() error {
	c.n.Add(1)
	return c.Context.Err()
}

// Ending the contexts of n queued futures one by one costs the limiter a
// constant amount of work per future, not a scan of the queue per end: the
// futures' contexts are asked for their Err a bounded number of times each.
func TestLimitQueueLeavesInConstantTimePerFuture(t *testing.T) {
	const n = 2000
	lctx := WithLimit(context.Background(), 1)
	release := make(chan struct{})
	busy := Go(lctx, func(context.Context) (int, error) { <-release; return 0, nil })
	var checks atomic.Int64
	fs := make([]*Future[int], n)
	cancels := make([]context.CancelFunc, n)
	for i := range fs {
		ctx, cancel := context.WithCancel(lctx)
		cancels[i] = cancel
		fs[i] = Go(errCounter{ctx, &checks}, func(context.Context) (int, error) {
			panic("a future whose context ended ran")
		})
	}
	for i, f := range fs {
		cancels[i]()
		settlesSoon(t, f, "a queued future whose context ended")
	}
	close(release)
	drainLimiter(t, lctx, busy)
	if c := checks.Load(); c > 10*n {
		t.Fatalf("%d checks of the futures' contexts for %d futures; want at most %d", c, n, 10*n)
	}
}

// A queued future that is cancelled leaves the queue at once: when Cancel
// returns, its observer has seen its end, and the queue holds nothing of
// it, so that its argument and what its closure captured can be collected
// while the futures queued before it still wait.
func TestLimitCancelledFutureLeavesTheQueueAtOnce(t *testing.T) {
	r := newRecorder("r", nil)
	ctx := WithLimit(WithObserver(context.Background(), r), 1)
	release := make(chan struct{})
	busy := Go(ctx, func(context.Context) (int, error) { <-release; return 0, nil })
	waiting := make([]*Future[int], 10)
	for i := range waiting {
		waiting[i] = Go(ctx, func(context.Context) (int, error) { return i, nil })
	}
	collected := make(chan string, 2)
	// The argument and the captured value are made in functions of their
	// own, so that the test holds no reference to them.
	f := func() *Future[int] {
		arg := new([64]int)
		goruntime.AddCleanup(arg, func(what string) { collected <- what }, "the argument")
		return GoWith(ctx, "withArg", arg, func(_ context.Context, a *[64]int) (int, error) { return a[0], nil })
	}()
	g := func() *Future[int] {
		captured := new([64]int)
		goruntime.AddCleanup(captured, func(what string) { collected <- what }, "the closure")
		return GoNamed(ctx, "closure", func(context.Context) (int, error) { return captured[0], nil })
	}()
	f.Cancel()
	g.Cancel()
	r.mu.Lock()
	if len(r.ends) != 2 {
		t.Errorf("%d TaskEnd calls when Cancel returned; want 2", len(r.ends))
	}
	for _, e := range r.ends {
		if e.outcome.Started || e.outcome.Err != context.Canceled {
			t.Errorf("%s's TaskEnd: %+v; want not started, context.Canceled", e.task.Name, e)
		}
	}
	r.mu.Unlock()
	f, g = nil, nil
	for got, gcs := 0, 0; got < 2; {
		select {
		case <-collected:
			got++
		default:
			if gcs++; gcs > 1000 {
				t.Fatalf("after %d collections, %d of the argument and the closure collected; want both",
					gcs-1, got)
			}
			goruntime.GC()
			goruntime.Gosched()
		}
	}
	close(release)
	if _, err := All(context.Background(), append(waiting, busy)...); err != nil {
		t.Fatal(err)
	}
}

// endCounter is an Observer that counts the TaskEnd calls per task name,
// and sends each name on ended.
type endCounter struct {
	mu    sync.Mutex
	ends  map[string]int
	ended chan string
}

func (c *endCounter) TaskStart(ctx context.Context, _ Task) context.Context { return ctx }

func (c *endCounter) TaskEnd(_ context.Context, t Task, _ Outcome) {
	c.mu.Lock()
	c.ends[t.Name]++
	c.mu.Unlock()
	c.ended <- t.Name
}

// once fails t unless each of names ended exactly once.
func (c *endCounter) once(t *testing.T, run int, names []string) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, name := range names {
		if n := c.ends[name]; n != 1 {
			t.Fatalf("run %d: %d TaskEnd calls for %s; want 1", run, n, name)
		}
	}
}

// Whatever races (a Cancel, the end of the futures' context, the slot
// freeing), every queued future settles and reports its end exactly once,
// and the queue ends empty.
func TestLimitQueueLeavesOnceWhateverRaces(t *testing.T) {
	names := []string{"a", "b", "c"}
	var last *endCounter
	for run := range stressRuns {
		obs := &endCounter{ends: map[string]int{}, ended: make(chan string, 10)}
		ctx := WithLimit(WithObserver(context.Background(), obs), 1)
		release := make(chan struct{})
		busy := GoNamed(ctx, "busy", func(context.Context) (int, error) { <-release; return 0, nil })
		qctx, cancel := context.WithCancel(ctx)
		fs := make([]*Future[int], len(names))
		for i, name := range names {
			fs[i] = GoNamed(qctx, name, func(context.Context) (int, error) { return i, nil })
		}
		var wg sync.WaitGroup
		wg.Add(3)
		go func() { defer wg.Done(); fs[0].Cancel() }()
		go func() { defer wg.Done(); fs[1].Cancel() }()
		go func() { defer wg.Done(); cancel() }()
		close(release)
		wg.Wait()
		for _, f := range append(fs, busy) {
			settlesSoon(t, f, "a future")
		}
		for range len(names) + 1 { // and busy
			<-obs.ended
		}
		if n := limiterOf(ctx).queued(t); n != 0 {
			t.Fatalf("run %d: %d entries left in the queue", run, n)
		}
		obs.once(t, run, names)
		if last != nil { // a late second end would show here
			last.once(t, run-1, names)
		}
		last = obs
	}
}
