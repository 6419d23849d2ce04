package runtime

import (
	"context"
	"errors"
	"sync"
	"testing"
	"unsafe"
)

// A gather of a million tasks holds a million futures: keep one small.
func TestFutureStaysSmall(t *testing.T) {
	if size := unsafe.Sizeof(Future[int]{}); size > 64 {
		t.Fatalf("Future[int] is %d bytes; keep it within 64 (one cache line)", size)
	}
	if size := unsafe.Sizeof(argTask[int, int]{}); size > 80 {
		t.Fatalf("GoWith's future of an int is %d bytes; keep it within 80 (one size class)", size)
	}
}

func TestCancelAllocatesNothing(t *testing.T) {
	ps := make([]*Promise[int], 100)
	for i := range ps {
		ps[i] = NewPromise[int]()
	}
	i := 0
	allocs := testing.AllocsPerRun(len(ps)-1, func() {
		ps[i].Future().Cancel()
		i++
	})
	if allocs != 0 {
		t.Fatalf("Cancel allocated %v times", allocs)
	}
	if _, err := ps[0].Future().Await(context.Background()); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled promise: %v; want context.Canceled", err)
	}
}

func TestErrorKeptOutsideTheFuture(t *testing.T) {
	ctx := context.Background()
	f := Go(ctx, func(context.Context) (int, error) { return 4, errBoom })
	if v, err := f.Await(ctx); v != 4 || err != errBoom {
		t.Fatalf("Await = %v, %v; want 4, boom", v, err)
	}
	g := Go(ctx, func(context.Context) (int, error) { return 5, nil })
	if _, err := g.Await(ctx); err != nil {
		t.Fatal(err)
	}
	if g.extra.Load() != nil && g.extra.Load().err != nil {
		t.Fatal("a success stored an error")
	}
}

// Err reports an end only once Done shows it, whoever ends the context.
func TestTaskContextErrImpliesDone(t *testing.T) {
	for range 200 {
		parent, cancelParent := context.WithCancel(context.Background())
		ready := make(chan context.Context)
		release := make(chan struct{})
		f := Go(parent, func(ctx context.Context) (int, error) {
			ctx.Done() // make the channel, so that ending has something to close
			ready <- ctx
			<-release
			return 0, nil
		})
		ctx := <-ready
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); f.Cancel() }()
		go func() { defer wg.Done(); cancelParent() }()
		for ctx.Err() == nil {
		}
		select {
		case <-ctx.Done():
		default:
			t.Fatal("Err reported an end that Done did not show")
		}
		wg.Wait()
		close(release)
		<-f.Done()
	}
}

func TestWaitersWithAndWithoutADoneChannel(t *testing.T) {
	live, cancel := context.WithCancel(context.Background())
	defer cancel()
	for _, ctx := range []context.Context{context.Background(), live} {
		w := newWaiter(ctx, waitAll, 2)
		if (w.signal == nil) != (ctx.Done() == nil) {
			t.Fatalf("signal %v for a context whose Done is %v", w.signal, ctx.Done())
		}
		// an input records its success, and counts it once visible
		succeed := func(s *subscription) bool { return w.record(s, nil, 0) || w.counted(nil) }
		if succeed(&w.subs[0]) {
			t.Fatal("over after one of two")
		}
		if !succeed(&w.subs[1]) {
			t.Fatal("not over after both")
		}
		w.notify()
		if !w.wait(ctx) {
			t.Fatal("wait did not end after every input succeeded")
		}
		if rs := AllSettled(ctx, Resolved(1), Rejected[int](errBoom)); rs[0].Value != 1 || rs[1].Err != errBoom {
			t.Fatalf("AllSettled = %+v", rs)
		}
	}
}
