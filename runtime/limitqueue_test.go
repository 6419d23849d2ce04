package runtime

import (
	"context"
	"sync"
	"testing"
	"time"
)

// queued returns how many entries wait in l's queue.
func (l *limiter) queued(t *testing.T) int {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for q := l.first; q != nil; q = q.next {
		n++
	}
	return n
}

// settlesSoon fails t when f has not settled within a generous deadline: a
// watchdog for a test that would otherwise hang, not a synchronisation.
func settlesSoon(t *testing.T, f interface{ Done() <-chan struct{} }, what string) {
	t.Helper()
	select {
	case <-f.Done():
	case <-time.After(10 * time.Second):
		t.Fatalf("%s is still pending", what)
	}
}

// A future queued behind a busy slot settles as soon as its own context ends,
// or as soon as it is cancelled, and leaves the queue at once.
func TestLimitQueuedFutureLeavesWhenCancelled(t *testing.T) {
	ctx := WithLimit(context.Background(), 1)
	l := limiterOf(ctx)
	release := make(chan struct{})
	busy := Go(ctx, func(context.Context) (int, error) { <-release; return 0, nil })
	defer func() { close(release); <-busy.Done() }()

	t.Run("its context ends", func(t *testing.T) {
		qctx, cancel := context.WithCancelCause(ctx)
		fs := make([]*Future[int], 1000)
		for i := range fs {
			fs[i] = Go(qctx, func(context.Context) (int, error) { panic("a cancelled task ran") })
		}
		cancel(errStop)
		for _, f := range fs {
			settlesSoon(t, f, "a queued future whose context ended")
			if _, err := f.Await(context.Background()); err != errStop {
				t.Fatalf("Await = %v; want the cause of its context", err)
			}
		}
		if n := l.queued(t); n != 0 {
			t.Fatalf("%d entries left in the queue", n)
		}
	})
	t.Run("Cancel", func(t *testing.T) {
		fs := make([]*Future[int], 3000)
		for i := range fs {
			fs[i] = Go(ctx, func(context.Context) (int, error) { panic("a cancelled task ran") })
		}
		for _, f := range fs {
			f.Cancel()
		}
		if n := l.queued(t); n != 0 {
			t.Fatalf("%d entries left in the queue after every queued future was cancelled", n)
		}
	})
	t.Run("in a loop", func(t *testing.T) {
		for run := range stressRuns {
			qctx, cancel := context.WithCancel(ctx)
			fs := []*Future[int]{
				Go(qctx, func(context.Context) (int, error) { return 1, nil }),
				Go(qctx, func(context.Context) (int, error) { return 2, nil }),
			}
			var wg sync.WaitGroup
			wg.Add(1)
			go func() { defer wg.Done(); fs[0].Cancel() }()
			cancel()
			for _, f := range fs {
				settlesSoon(t, f, "a queued future")
			}
			wg.Wait()
			if n := l.queued(t); n != 0 {
				t.Fatalf("run %d: %d entries left in the queue", run, n)
			}
		}
	})
	t.Run("its task's context ends", func(t *testing.T) {
		type queue struct {
			l *limiter
			f *Future[int]
		}
		queued := make(chan queue)
		outer := Go(context.Background(), func(ctx context.Context) (int, error) {
			ctx.Done() // made before the end, closed by it
			limited := WithLimit(ctx, 1)
			busy := Go(limited, func(ctx context.Context) (int, error) { <-ctx.Done(); return 0, nil })
			queued <- queue{limiterOf(limited), Go(limited, func(context.Context) (int, error) { panic("a cancelled task ran") })}
			<-busy.Done()
			return 0, nil
		})
		q := <-queued
		outer.Cancel()
		settlesSoon(t, q.f, "a future queued under a task's context")
		if _, err := q.f.Await(context.Background()); err != context.Canceled {
			t.Fatalf("Await = %v; want context.Canceled", err)
		}
		if n := q.l.queued(t); n != 0 {
			t.Fatalf("%d entries left in the queue", n)
		}
	})
}
