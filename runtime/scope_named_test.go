package runtime

import (
	"context"
	"testing"
)

// A scope lists its tasks only when it may have to name them: under a
// ctx that can end, or with Held set. Under one that can never end and
// without Held, nothing could ever read the list, and a task costs the
// scope a count alone.
func TestScopeListsTasksOnlyWhenItMayNameThem(t *testing.T) {
	cctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	held := ScopeOptions{Held: func(*PendingError) {}}
	for _, c := range []struct {
		name  string
		ctx   context.Context
		o     ScopeOptions
		named bool
	}{
		{"context.Background", context.Background(), ScopeOptions{}, false},
		{"context.Background with Held", context.Background(), held, true},
		{"a cancellable context", cctx, ScopeOptions{}, true},
	} {
		var listed int
		err := ScopeWith(c.ctx, c.o, func(ctx context.Context) error {
			release := make(chan struct{})
			f := GoNamed(ctx, "t", func(context.Context) (int, error) { <-release; return 1, nil })
			s := scopeOf(ctx)
			s.mu.Lock()
			listed = len(s.tasks)
			s.mu.Unlock()
			close(release)
			_, err := f.Await(ctx)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if want := map[bool]int{false: 0, true: 1}[c.named]; listed != want {
			t.Errorf("%s: %d tasks listed; want %d", c.name, listed, want)
		}
	}
}
