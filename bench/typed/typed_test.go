package typed

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/gathergen/gathergen/runtime"
	"golang.org/x/sync/errgroup"
)

// The same calls four ways: by hand with a sync.WaitGroup (the floor), with
// errgroup, with runtime.GatherN over the generated wrappers, and (for two)
// with the generated group helper Pair.

func floor2(ctx context.Context) (int, int, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var (
		a, b  int
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	fail := func(err error) { once.Do(func() { first = err; cancel(err) }) }
	wg.Add(2)
	go func() {
		defer wg.Done()
		v, err := Step0(ctx, 1)
		if err != nil {
			fail(err)
			return
		}
		a = v
	}()
	go func() {
		defer wg.Done()
		v, err := Step1(ctx, 2)
		if err != nil {
			fail(err)
			return
		}
		b = v
	}()
	wg.Wait()
	if first != nil {
		return 0, 0, first
	}
	return a, b, nil
}

func errgroup2(ctx context.Context) (int, int, error) {
	g, ctx := errgroup.WithContext(ctx)
	var a, b int
	g.Go(func() error {
		v, err := Step0(ctx, 1)
		a = v
		return err
	})
	g.Go(func() error {
		v, err := Step1(ctx, 2)
		b = v
		return err
	})
	if err := g.Wait(); err != nil {
		return 0, 0, err
	}
	return a, b, nil
}

func gather2(ctx context.Context) (int, int, error) {
	return runtime.Gather2(ctx, Step0Async(ctx, 1), Step1Async(ctx, 2))
}

func group2(ctx context.Context) (int, int, error) { return Pair(ctx, 1, 2) }

// nine holds the results of the nine-call gathers.
type nine [9]int

// steps are the nine functions, for the hand-written versions' loops.
var steps = [9]func(context.Context, int) (int, error){Step0, Step1, Step2, Step3, Step4, Step5, Step6, Step7, Step8}

func floor9(ctx context.Context) (nine, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var (
		out   nine
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	wg.Add(len(steps))
	for i, step := range steps {
		go func() {
			defer wg.Done()
			v, err := step(ctx, i)
			if err != nil {
				once.Do(func() { first = err; cancel(err) })
				return
			}
			out[i] = v
		}()
	}
	wg.Wait()
	if first != nil {
		return nine{}, first
	}
	return out, nil
}

func errgroup9(ctx context.Context) (nine, error) {
	g, ctx := errgroup.WithContext(ctx)
	var out nine
	for i, step := range steps {
		g.Go(func() error {
			v, err := step(ctx, i)
			out[i] = v
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nine{}, err
	}
	return out, nil
}

func gather9(ctx context.Context) (nine, error) {
	a, b, c, d, e, f, g, h, i, err := runtime.Gather9(ctx,
		Step0Async(ctx, 0), Step1Async(ctx, 1), Step2Async(ctx, 2),
		Step3Async(ctx, 3), Step4Async(ctx, 4), Step5Async(ctx, 5),
		Step6Async(ctx, 6), Step7Async(ctx, 7), Step8Async(ctx, 8))
	return nine{a, b, c, d, e, f, g, h, i}, err
}

// impls2 and impls9 name the versions, the floor first.
var (
	impls2 = []struct {
		name string
		run  func(context.Context) (int, int, error)
	}{{"floor", floor2}, {"errgroup", errgroup2}, {"gather", gather2}, {"group", group2}}
	impls9 = []struct {
		name string
		run  func(context.Context) (nine, error)
	}{{"floor", floor9}, {"errgroup", errgroup9}, {"gather", gather9}}
)

func TestVersionsAgree(t *testing.T) {
	ctx := context.Background()
	for _, im := range impls2 {
		if a, b, err := im.run(ctx); a != 2 || b != 4 || err != nil {
			t.Errorf("%s: %d, %d, %v; want 2, 4, nil", im.name, a, b, err)
		}
	}
	for _, im := range impls9 {
		got, err := im.run(ctx)
		for i, v := range got {
			if v != 2*i || err != nil {
				t.Fatalf("%s: %v, %v; want 0, 2, ..., 16", im.name, got, err)
			}
		}
	}
}

// TestVersionsFail checks that every version returns the first error and
// cancels the other calls: they wait for their context to end, so a version
// that does not cancel them returns only at the test's own deadline.
func TestVersionsFail(t *testing.T) {
	boom := errors.New("boom")
	saved := Double
	t.Cleanup(func() { Double = saved })
	Double = func(ctx context.Context, i int) (int, error) {
		if i == 1 {
			return 0, boom
		}
		<-ctx.Done()
		return 0, context.Cause(ctx)
	}
	check := func(name string, run func(context.Context) error) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		err := run(ctx)
		if ctx.Err() != nil {
			t.Errorf("%s: the other calls were not cancelled", name)
		}
		if !errors.Is(err, boom) {
			t.Errorf("%s: err = %v, want %v", name, err, boom)
		}
	}
	for _, im := range impls2 {
		check(im.name+"2", func(ctx context.Context) error { _, _, err := im.run(ctx); return err })
	}
	for _, im := range impls9 {
		check(im.name+"9", func(ctx context.Context) error { _, err := im.run(ctx); return err })
	}
}

func BenchmarkGather(b *testing.B) {
	ctx := context.Background()
	for _, im := range impls2 {
		b.Run("n=2/impl="+im.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := im.run(ctx); err != nil {
					b.Fatal(err)
				}
			}
			reportPerTask(b, 2)
		})
	}
	for _, im := range impls9 {
		b.Run("n=9/impl="+im.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := im.run(ctx); err != nil {
					b.Fatal(err)
				}
			}
			reportPerTask(b, 9)
		})
	}
}

// reportPerTask adds the ns/task metric: wall time per task of the gather.
func reportPerTask(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/task")
}
