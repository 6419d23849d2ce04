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
// it, and the handler rolls it back when it is done. It counts the
// backends inside a query, and records how many were at the rollback:
// each would use the transaction after its release.
type tx struct {
	mu         sync.Mutex
	using      int
	atRollback int
	querying   chan struct{} // a slow backend sends once inside its query
}

// begin and end bracket a backend's use of the transaction.
func (t *tx) begin() { t.mu.Lock(); t.using++; t.mu.Unlock() }
func (t *tx) end()   { t.mu.Lock(); t.using--; t.mu.Unlock() }

// Rollback ends the transaction.
func (t *tx) Rollback() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.atRollback = t.using
}

// slowBackend queries until its context ends.
func slowBackend(ctx context.Context, t *tx) (string, error) {
	t.begin()
	defer t.end()
	t.querying <- struct{}{}
	<-ctx.Done()
	return "", ctx.Err()
}

// failingBackend fails once both slow backends are inside their queries.
func failingBackend(ctx context.Context, t *tx) (string, error) {
	t.begin()
	defer t.end()
	<-t.querying
	<-t.querying
	return "", errors.New("backend unavailable")
}

// An HTTP handler gathers three backends under one transaction and rolls
// it back only after every task has returned: the gather fails fast when
// Recommendations fails and cancels Profile and Orders, and Scope waits
// for them to return before the deferred Rollback runs.
func ExampleScope() {
	var t *tx
	page := func(w http.ResponseWriter, r *http.Request) {
		t = &tx{querying: make(chan struct{}, 2)}
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
	fmt.Println("backends inside a query at the rollback:", t.atRollback)
	// Output:
	// 502 task 2 (Recommendations): backend unavailable
	// backends inside a query at the rollback: 0
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
		running := make(chan struct{})
		runtime.GoNamed(ctx, "Stubborn", func(context.Context) (int, error) { //gathervet:ignore the scope waits for it
			close(running)
			<-release // never looks at its context
			return 0, nil
		})
		<-running // a task that has not started when the body fails never starts
		return errors.New("the body failed")
	})
	fmt.Println("Scope:", err)
	// Output:
	// held by: the body failed (still pending: task 0 (Stubborn))
	// Scope: the body failed
}
