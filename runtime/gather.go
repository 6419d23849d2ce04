package runtime

import (
	"context"
	"strconv"
	"sync/atomic"
)

// Result is the outcome of one future: its value, or its error.
type Result[T any] struct {
	Value T
	Err   error
}

// All waits for every future in fs and returns their values in the order of
// fs, whatever the order in which they settle.
//
// It fails fast: when an input fails, All cancels every other pending input
// and returns at once with a *[TaskError] that names the input and wraps its
// error. Among inputs that have already failed when All is called, the
// lowest index wins; after that, the first to fail. When ctx is done first,
// All cancels every pending input and returns context.Cause(ctx). All of no
// futures returns an empty slice at once; the same future may appear twice.
func All[T any](ctx context.Context, fs ...*Future[T]) ([]T, error) {
	cores := coresOf("runtime.All", fs)
	if err := gather(ctx, cores); err != nil {
		return nil, err
	}
	out := make([]T, len(fs))
	for i, f := range fs {
		out[i] = f.value
	}
	return out, nil
}

// AllSettled waits for every future in fs, like asyncio.gather with
// return_exceptions=True, and returns each outcome in the order of fs. A
// failure cancels nothing. When ctx is done first, AllSettled cancels the
// inputs still pending, and their slots carry context.Cause(ctx).
func AllSettled[T any](ctx context.Context, fs ...*Future[T]) []Result[T] {
	cause := settleAll(ctx, coresOf("runtime.AllSettled", fs))
	out := make([]Result[T], len(fs))
	for i, f := range fs {
		out[i] = outcome(f, cause)
	}
	return out
}

// coresOf checks that no future is nil and returns their cores.
func coresOf[T any](caller string, fs []*Future[T]) []*core {
	cores := make([]*core, len(fs))
	for i, f := range fs {
		if f == nil {
			panic(caller + ": fs[" + strconv.Itoa(i) + "] is nil")
		}
		cores[i] = &f.core
	}
	return cores
}

// mustFuture panics, naming the argument, when f is nil.
func mustFuture[T any](caller, arg string, f *Future[T]) *core {
	if f == nil {
		panic(caller + ": " + arg + " is nil")
	}
	return &f.core
}

// outcome returns f's result for a settle that stopped waiting with cause
// (nil when every input settled): a future still pending is cancelled and
// carries cause.
func outcome[T any](f *Future[T], cause error) Result[T] {
	if cause != nil && f.cancel() {
		return Result[T]{Err: cause}
	}
	return f.result()
}

// gathering counts the inputs of one gather as they settle.
type gathering struct {
	left   atomic.Int64 // inputs yet to succeed
	failed atomic.Int64 // 1 + slot of the first failure; 0 while none failed
	signal chan struct{}
}

func (g *gathering) wake(slot int, err error) {
	if err != nil {
		if g.failed.CompareAndSwap(0, int64(slot)+1) {
			g.notify()
		}
		return
	}
	if g.left.Add(-1) == 0 {
		g.notify()
	}
}

func (g *gathering) notify() {
	select {
	case g.signal <- struct{}{}:
	default:
	}
}

// gather waits for the cores with the fail-fast rules of All and returns nil
// when every one succeeded.
func gather(ctx context.Context, cores []*core) error {
	if ctx == nil {
		panic("runtime: gather: ctx is nil")
	}
	if len(cores) == 0 {
		return nil
	}
	g := &gathering{signal: make(chan struct{}, 1)}
	g.left.Store(int64(len(cores)))
	for i, c := range cores {
		c.subscribe(g, i)
		if g.failed.Load() != 0 {
			break
		}
	}
	if g.failed.Load() == 0 && g.left.Load() != 0 {
		select {
		case <-g.signal:
		case <-ctx.Done():
			if g.failed.Load() == 0 && g.left.Load() != 0 {
				cancelAll(cores)
				return context.Cause(ctx)
			}
		}
	}
	if slot := g.failed.Load(); slot != 0 {
		cancelAll(cores)
		c := cores[slot-1]
		return &TaskError{Index: int(slot - 1), Name: c.name, Err: c.err}
	}
	return nil
}

func cancelAll(cores []*core) {
	for _, c := range cores {
		c.cancel()
	}
}

// countdown signals once every input has settled, whatever its outcome.
type countdown struct {
	left   atomic.Int64
	signal chan struct{}
}

func (c *countdown) wake(int, error) {
	if c.left.Add(-1) == 0 {
		close(c.signal)
	}
}

// settleAll waits until every core has settled and returns nil, or returns
// context.Cause(ctx) when ctx is done first; it cancels nothing itself.
func settleAll(ctx context.Context, cores []*core) error {
	if ctx == nil {
		panic("runtime: settle: ctx is nil")
	}
	if len(cores) == 0 {
		return nil
	}
	c := &countdown{signal: make(chan struct{})}
	c.left.Store(int64(len(cores)))
	for i, in := range cores {
		in.subscribe(c, i)
	}
	select {
	case <-c.signal:
		return nil
	default:
	}
	select {
	case <-c.signal:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}
