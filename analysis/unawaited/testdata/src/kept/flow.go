package kept

import (
	"context"
	"fmt"
	"io"
	"maps"
	. "math"
	"os"
	"slices"
	"strings"

	"github.com/gathergen/gathergen/runtime"
)

// The twins of the flow cases of package dropped: each future is read on
// some path, so nothing here may be reported.

func reassignedAfterAwait(ctx context.Context) (int, error) {
	f := runtime.Go(ctx, work)
	if _, err := f.Await(ctx); err != nil {
		return 0, err
	}
	f = runtime.Go(ctx, work)
	return f.Await(ctx)
}

func reassignedOnOnePath(ctx context.Context, cond bool) (int, error) {
	f := runtime.Go(ctx, work)
	if cond {
		f = runtime.Resolved(1)
	}
	return f.Await(ctx)
}

func awaitedOrCancelled(ctx context.Context, cond bool) {
	f := runtime.Go(ctx, work)
	if cond {
		_, _ = f.Await(ctx)
		return
	}
	f.Cancel()
}

// Awaited on one path only before being replaced: a path reads it.
func awaitedOnOnePathThenReplaced(ctx context.Context, cond bool) (int, error) {
	f := runtime.Go(ctx, work)
	if cond {
		if _, err := f.Await(ctx); err != nil {
			return 0, err
		}
	}
	f = runtime.Go(ctx, work)
	return f.Await(ctx)
}

func appendedThenGathered(ctx context.Context, n int) ([]int, error) {
	var fs []*runtime.Future[int]
	for range n {
		fs = append(fs, runtime.Go(ctx, work))
	}
	return runtime.All(ctx, fs...)
}

func appendedAndReturned(ctx context.Context, n int) []*runtime.Future[int] {
	fs := make([]*runtime.Future[int], 0, n)
	for range n {
		fs = append(fs, runtime.Go(ctx, work))
	}
	return fs
}

func awaitedInLoop(ctx context.Context, n int) error {
	var fs []*runtime.Future[int]
	for range n {
		fs = append(fs, runtime.Go(ctx, work))
	}
	for _, f := range fs {
		if _, err := f.Await(ctx); err != nil {
			return err
		}
	}
	return nil
}

func awaitedByIndex(ctx context.Context, n int) {
	fs := []*runtime.Future[int]{}
	for range n {
		f := runtime.Go(ctx, work)
		fs = append(fs, f)
	}
	for i := range fs {
		fs[i].Cancel()
	}
}

func appendedOnOnePath(ctx context.Context, cond bool) []*runtime.Future[int] {
	var fs []*runtime.Future[int]
	if cond {
		fs = append(fs, runtime.Go(ctx, work))
	}
	return fs
}

func appendedAndCaptured(ctx context.Context) func() ([]int, error) {
	var fs []*runtime.Future[int]
	fs = append(fs, runtime.Go(ctx, work))
	return func() ([]int, error) { return runtime.All(ctx, fs...) }
}

func overwrittenButCaptured(ctx context.Context) (int, error) {
	f := runtime.Go(ctx, work)
	defer func() { f.Cancel() }()
	f = runtime.Go(ctx, work)
	return f.Await(ctx)
}

func appendedAndSent(ctx context.Context, ch chan<- []*runtime.Future[int]) {
	var fs []*runtime.Future[int]
	fs = append(fs, runtime.Go(ctx, work))
	ch <- fs
}

func sentThenOverwritten(ctx context.Context, ch chan<- *runtime.Future[int]) (int, error) {
	f := runtime.Go(ctx, work)
	ch <- f
	f = runtime.Go(ctx, work)
	return f.Await(ctx)
}

func appendedAndStored(ctx context.Context, h *holder) {
	var fs []*runtime.Future[int]
	fs = append(fs, runtime.Go(ctx, work))
	h.fs = fs
}

func storedThenOverwritten(ctx context.Context, h *holder) (int, error) {
	f := runtime.Go(ctx, work)
	h.f = f
	f = runtime.Go(ctx, work)
	return f.Await(ctx)
}

func consumeAll(fs []*runtime.Future[int]) {
	for _, f := range fs {
		f.Cancel()
	}
}

func appendedAndPassed(ctx context.Context) {
	var fs []*runtime.Future[int]
	fs = append(fs, runtime.Go(ctx, work))
	consumeAll(fs)
}

func passedThenOverwritten(ctx context.Context) (int, error) {
	f := runtime.Go(ctx, work)
	consume(f)
	f = runtime.Go(ctx, work)
	return f.Await(ctx)
}

func appendedToOtherSlice(ctx context.Context) []*runtime.Future[int] {
	var fs []*runtime.Future[int]
	fs = append(fs, runtime.Go(ctx, work))
	return append([]*runtime.Future[int](nil), fs...)
}

// The slices share a backing array: what is appended to one is read
// through the other.
func appendedIntoSharedArray(ctx context.Context) error {
	var arr [4]*runtime.Future[int]
	fs := arr[:0]
	fs = append(fs, runtime.Go(ctx, work))
	_, err := arr[0].Await(ctx)
	return err
}

func appendedIntoSharedMake(ctx context.Context) error {
	fs := make([]*runtime.Future[int], 0, 1)
	all := fs[:1]
	fs = append(fs, runtime.Go(ctx, work))
	_, err := runtime.All(ctx, all...)
	return err
}

func arrayGathered(ctx context.Context) error {
	var fs [2]*runtime.Future[int]
	fs[0] = runtime.Go(ctx, work)
	fs[1] = runtime.Resolved(1)
	_, err := runtime.All(ctx, fs[:]...)
	return err
}

func arrayReturned(ctx context.Context) [1]*runtime.Future[int] {
	var fs [1]*runtime.Future[int]
	fs[0] = runtime.Go(ctx, work)
	return fs
}

func overwrittenInLoopThenAwaited(ctx context.Context, n int) (int, error) {
	f := runtime.Resolved(0)
	for range n {
		f = runtime.Go(ctx, work)
	}
	return f.Await(ctx)
}

func namedResultOverwritten(ctx context.Context) (f *runtime.Future[int]) {
	f = runtime.Go(ctx, work)
	defer func() {
		if f == nil {
			f = runtime.Resolved(1)
		}
	}()
	return f
}

// A function that gets an SSA body, and names functions, variables and
// methods of other packages in every way that building it must resolve.
func namesOtherPackages(ctx context.Context, w io.Writer) error {
	var fs []*runtime.Future[int]
	fs = append(fs, runtime.Go(ctx, work))
	var b strings.Builder
	b.WriteString(os.Args[0])
	upper := strings.ToUpper
	str := (*strings.Builder).String
	fmt.Fprintln(w, upper(str(&b)), slices.Collect(maps.Keys(map[int]bool{})), Sqrt(Pi))
	_, err := runtime.All(ctx, fs...)
	return err
}
