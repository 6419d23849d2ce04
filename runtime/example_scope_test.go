package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"

	"github.com/gathergen/gathergen/runtime"
)

// tx stands for a *sql.Tx: the three backends of the page query through
// it, and the handler rolls it back when it is done. It counts the queries
// made after the rollback: each would be a use-after-release.
type tx struct {
	mu         sync.Mutex
	rolledBack bool
	late       int
}

// query runs a query on the transaction; a driver may make one more
// round trip after its context is cancelled, to tell the server.
func (t *tx) query(ctx context.Context) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.rolledBack {
		t.late++
	}
}

// Rollback ends the transaction.
func (t *tx) Rollback() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.rolledBack = true
}

// slowBackend queries until its context ends, then makes one last query
// as it stops: the query that a rollback must not precede.
func slowBackend(ctx context.Context, t *tx) (string, error) {
	t.query(ctx)
	<-ctx.Done()
	t.query(ctx)
	return "", ctx.Err()
}

// failingBackend fails at once.
func failingBackend(ctx context.Context, t *tx) (string, error) {
	t.query(ctx)
	return "", errors.New("backend unavailable")
}

// An HTTP handler gathers three backends under one transaction and rolls
// it back only after every task has returned: the gather fails fast when
// Recommendations fails and cancels Profile and Orders, and Scope waits
// for them to return before the deferred Rollback runs.
func ExampleScope() {
	var t *tx
	page := func(w http.ResponseWriter, r *http.Request) {
		t = &tx{}
		defer t.Rollback() // runs once Scope has returned: no task uses t any more
		err := runtime.Scope(r.Context(), func(ctx context.Context) error {
			profile, orders, recs, err := runtime.Gather3(ctx,
				runtime.GoWith(ctx, "Profile", t, slowBackend),
				runtime.GoWith(ctx, "Orders", t, slowBackend),
				runtime.GoWith(ctx, "Recommendations", t, failingBackend))
			if err != nil {
				return err
			}
			fmt.Fprintln(w, profile, orders, recs)
			return nil
		})
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
		}
	}
	rec := httptest.NewRecorder()
	http.HandlerFunc(page).ServeHTTP(rec, httptest.NewRequest("GET", "/page/7", nil))
	fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	fmt.Println("queries after the rollback:", t.late)
	// Output:
	// 502 task 2 (Recommendations): backend unavailable
	// queries after the rollback: 0
}

// ScopeWith names the tasks that still hold a scope a grace period after
// its context ended: here one that does not look at its context.
func ExampleScopeWith() {
	release := make(chan struct{})
	opts := runtime.ScopeOptions{
		Grace: 0, // at once, for the example; seconds in a service
		Held: func(held *runtime.PendingError) {
			fmt.Println("held by:", held)
			close(release) // in a service: log it, count it, page someone
		},
	}
	err := runtime.ScopeWith(context.Background(), opts, func(ctx context.Context) error {
		runtime.GoNamed(ctx, "Stubborn", func(context.Context) (int, error) { //gathervet:ignore the scope waits for it
			<-release // never looks at its context
			return 0, nil
		})
		return errors.New("the body failed")
	})
	fmt.Println("Scope:", err)
	// Output:
	// held by: the body failed (still pending: task 0 (Stubborn))
	// Scope: the body failed
}
