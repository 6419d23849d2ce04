package runtime

import (
	"context"
	"errors"
	goruntime "runtime"
	"slices"
	"sync/atomic"
	"testing"
)

func TestLimitRunsAtMostN(t *testing.T) {
	const n, tasks = 3, 12
	ctx := WithLimit(context.Background(), n)
	var peak concurrency
	started := make(chan struct{}, tasks)
	release := make(chan struct{})
	fs := make([]*Future[int], tasks)
	for i := range fs {
		fs[i] = Go(ctx, func(context.Context) (int, error) {
			defer peak.enter()()
			started <- struct{}{}
			<-release
			return i, nil
		})
	}
	for range n {
		<-started
	}
	// With every slot taken, the other tasks wait without goroutines of their own.
	if g := goruntime.NumGoroutine(); g > n+10 {
		t.Errorf("%d goroutines while %d tasks wait; want about %d", g, tasks-n, n)
	}
	close(release)
	got, err := All(context.Background(), fs...)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("All = %v; want 0..%d in order", got, tasks-1)
		}
	}
	if m := peak.most.Load(); m > n {
		t.Fatalf("%d tasks ran at once; limit %d", m, n)
	}
}

func TestLimitStartsInOrder(t *testing.T) {
	ctx := WithLimit(context.Background(), 1)
	var order []int // only one task runs at a time, so no lock
	fs := make([]*Future[struct{}], 50)
	for i := range fs {
		fs[i] = Go(ctx, func(context.Context) (struct{}, error) {
			order = append(order, i)
			return struct{}{}, nil
		})
	}
	if _, err := All(context.Background(), fs...); err != nil {
		t.Fatal(err)
	}
	for i, v := range order {
		if v != i {
			t.Fatalf("start order = %v; want first come first served", order)
		}
	}
}

func TestLimitedTaskCanAwaitSubtasks(t *testing.T) {
	ctx := WithLimit(context.Background(), 1)
	v, err := Go(ctx, func(ctx context.Context) (int, error) {
		return Go(ctx, func(context.Context) (int, error) { return 5, nil }).Await(ctx)
	}).Await(context.Background())
	if v != 5 || err != nil {
		t.Fatalf("Await = %v, %v; want 5, nil", v, err)
	}
}

func TestLimitSlotSurvivesPanicAndGoexit(t *testing.T) {
	ctx := WithLimit(context.Background(), 1)
	a := Go(ctx, func(context.Context) (int, error) { panic("x") })
	b := Go(ctx, func(context.Context) (int, error) { goruntime.Goexit(); return 0, nil })
	c := Go(ctx, func(context.Context) (int, error) { return 3, nil })
	rs := AllSettled(context.Background(), a, b, c)
	var pe *PanicError
	if !errors.As(rs[0].Err, &pe) || !errors.Is(rs[1].Err, errGoexit) || rs[2].Value != 3 {
		t.Fatalf("AllSettled = %+v", rs)
	}
}

func TestLimitQueuedTaskSkippedWhenParentDone(t *testing.T) {
	parent, cancel := context.WithCancelCause(context.Background())
	ctx := WithLimit(parent, 1)
	release := make(chan struct{})
	first := Go(ctx, func(context.Context) (int, error) { <-release; return 1, nil })
	ran := false
	queued := Go(ctx, func(context.Context) (int, error) { ran = true; return 2, nil })
	cancel(errBoom)
	close(release)
	if _, err := queued.Await(context.Background()); !errors.Is(err, errBoom) {
		t.Fatalf("queued task under a cancelled parent: %v; want the cause", err)
	}
	<-first.Done()
	if ran {
		t.Fatal("a queued task ran after its context was done")
	}
}

// A limit set under another replaces it for the futures started under it:
// they neither wait for the outer limit's slots nor escape their own.
func TestInnerLimitReplacesOuter(t *testing.T) {
	outer := WithLimit(context.Background(), 1)
	inner := WithLimit(outer, 2)
	release := make(chan struct{})
	wait := func(context.Context) (int, error) { <-release; return 0, nil }
	fs := []*Future[int]{Go(outer, wait)}
	for range 3 {
		fs = append(fs, Go(inner, wait))
	}
	if o, i := limiterOf(outer).queued(t), limiterOf(inner).queued(t); o != 0 || i != 1 {
		t.Errorf("%d tasks queued under the outer limit of 1 and %d under the inner limit of 2; want 0 and 1", o, i)
	}
	close(release)
	if _, err := All(context.Background(), fs...); err != nil {
		t.Fatal(err)
	}
}

// numbered is a queued task that does nothing but has a number.
type numbered int

func (numbered) run()                         {}
func (numbered) queuedUnder() context.Context { return nil }
func (numbered) queuedAt(*queued)             {}
func (numbered) skip()                        {}

// The queue hands out its tasks first come first served, whichever left it
// from the middle, and holds nothing once it has drained.
func TestLimitQueueIsFirstComeFirstServed(t *testing.T) {
	l := &limiter{} // no free slot: everything queues
	const n = 101   // n-1 is not a multiple of 3
	places := make([]*queued, n)
	for i := range n {
		l.submit(numbered(i))
		places[i] = l.last
	}
	l.mu.Lock()
	for i := 0; i < n; i += 3 { // leave from the front, the middle, the back
		l.remove(places[i])
	}
	l.remove(places[n-1])
	l.mu.Unlock()
	var got []int
	for r := l.next(); r != nil; r = l.next() {
		got = append(got, int(r.(numbered)))
	}
	var want []int
	for i := range n - 1 {
		if i%3 != 0 {
			want = append(want, i)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("tasks run in the order %v; want %v", got, want)
	}
	if l.first != nil || l.last != nil || l.free != 1 {
		t.Fatalf("drained limiter: first %p, last %p, free %d; want an empty queue and the slot back",
			l.first, l.last, l.free)
	}
}

// concurrency tracks how many calls run at once, and the most that ever did.
type concurrency struct{ running, most atomic.Int32 }

// enter counts a call in and returns the function that counts it out.
func (c *concurrency) enter() (leave func()) {
	now := c.running.Add(1)
	for m := c.most.Load(); now > m && !c.most.CompareAndSwap(m, now); m = c.most.Load() {
	}
	return func() { c.running.Add(-1) }
}
