package runtime

import (
	"context"
	goruntime "runtime"
	"testing"
)

// Leaving an AsCompleted loop by any route cancels what it has not yielded.
func TestAsCompletedLeftByAnyRouteCancelsTheRest(t *testing.T) {
	ctx := context.Background()
	blocked := func() []*Future[int] {
		fs := []*Future[int]{Resolved(0)}
		for range 4 {
			fs = append(fs, Go(ctx, func(ctx context.Context) (int, error) { <-ctx.Done(); return 0, ctx.Err() }))
		}
		return fs
	}
	routes := map[string]func(fs []*Future[int]){
		"break": func(fs []*Future[int]) {
			for range AsCompleted(ctx, fs...) {
				break
			}
		},
		"panic": func(fs []*Future[int]) {
			defer func() { recover() }()
			for range AsCompleted(ctx, fs...) {
				panic("in the loop's body")
			}
		},
		"Goexit": func(fs []*Future[int]) {
			left := make(chan struct{})
			go func() {
				defer close(left)
				for range AsCompleted(ctx, fs...) {
					goruntime.Goexit()
				}
			}()
			<-left
		},
	}
	for name, leave := range routes {
		t.Run(name, func(t *testing.T) {
			fs := blocked()
			leave(fs)
			for i, f := range fs {
				if !f.isSettled() {
					t.Fatalf("input %d still pending after the loop was left by %s", i, name)
				}
			}
		})
	}
}
