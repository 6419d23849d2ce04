package runtime

import (
	"context"
	"testing"
)

// cancelledInputs starts n tasks under ctx that return ctx's error once it
// is done, and cancels ctx with cause from another goroutine, so that some
// tasks start before the cancel, some after it and some never.
func cancelledInputs(n int, cause error) (context.Context, []*Future[int]) {
	ctx, cancel := context.WithCancelCause(context.Background())
	task := func(ctx context.Context) (int, error) { <-ctx.Done(); return 0, ctx.Err() }
	fs := make([]*Future[int], n)
	for i := range n / 2 {
		fs[i] = Go(ctx, task)
	}
	go cancel(cause)
	for i := n / 2; i < n; i++ {
		fs[i] = Go(ctx, task)
	}
	return ctx, fs
}

// A wait that ctx ends reports context.Cause(ctx), whatever the cause and
// whether the inputs failed with ctx's error, with its cause, or not at all:
// AsCompleted and Await the cause itself, the others a *PendingError that
// unwraps to it and names every input, each either pending or an echo of
// ctx's end. A settle gives every slot that one error.
func TestWaitsReportTheCauseWhenCtxEndsThem(t *testing.T) {
	for _, cause := range []error{context.Canceled, errStop} {
		waits := map[string]func(ctx context.Context, fs []*Future[int]) error{
			"All": func(ctx context.Context, fs []*Future[int]) error { _, err := All(ctx, fs...); return err },
			"Gather2": func(ctx context.Context, fs []*Future[int]) error {
				_, _, err := Gather2(ctx, fs[0], fs[1])
				return err
			},
			"Race":  func(ctx context.Context, fs []*Future[int]) error { _, err := Race(ctx, fs...); return err },
			"Any":   func(ctx context.Context, fs []*Future[int]) error { _, err := Any(ctx, fs...); return err },
			"Await": func(ctx context.Context, fs []*Future[int]) error { _, err := fs[0].Await(ctx); return err },
			"AllSettled": func(ctx context.Context, fs []*Future[int]) error {
				rs := AllSettled(ctx, fs...)
				for _, r := range rs[1:] {
					if r.Err != rs[0].Err {
						return r.Err
					}
				}
				return rs[0].Err
			},
			"Settle2": func(ctx context.Context, fs []*Future[int]) error {
				ra, rb := Settle2(ctx, fs[0], fs[1])
				if ra.Err != rb.Err {
					return ra.Err
				}
				return rb.Err
			},
			"AsCompleted": func(ctx context.Context, fs []*Future[int]) error {
				for _, r := range AsCompleted(ctx, fs...) {
					if r.Err != cause {
						return r.Err
					}
				}
				return cause
			},
		}
		for name, wait := range waits {
			t.Run(name+"/"+cause.Error(), func(t *testing.T) {
				for run := range stressRuns {
					ctx, fs := cancelledInputs(4, cause)
					err := wait(ctx, fs)
					switch name {
					case "Await", "AsCompleted":
						if err != cause {
							t.Fatalf("run %d: %s = %v; want the cause %v", run, name, err, cause)
						}
					case "Gather2", "Settle2":
						mustPending(t, name, err, cause, 0, 1)
					default:
						mustPending(t, name, err, cause, 0, 1, 2, 3)
					}
					for _, f := range fs {
						<-f.Done()
					}
				}
			})
		}
	}
	t.Run("Map", func(t *testing.T) {
		for range stressRuns {
			ctx, cancel := context.WithCancelCause(context.Background())
			_, err := Map(ctx, []int{0, 1, 2, 3}, func(ctx context.Context, i int) (int, error) {
				if i == 2 {
					cancel(errStop)
				}
				<-ctx.Done()
				return 0, ctx.Err()
			})
			mustPending(t, "Map", err, errStop, 0, 1, 2, 3)
		}
	})
}
