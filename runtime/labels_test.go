package runtime

import (
	"bufio"
	"bytes"
	"context"
	"runtime/pprof"
	"strings"
	"testing"
)

// goroutineGroups returns the goroutine profile in its debug=1 form, one
// entry per group of goroutines with the same stack and labels.
func goroutineGroups(t *testing.T) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := pprof.Lookup("goroutine").WriteTo(&buf, 1); err != nil {
		t.Fatal(err)
	}
	var groups []string
	var cur strings.Builder
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		if sc.Text() == "" {
			groups = append(groups, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteString(sc.Text() + "\n")
	}
	return append(groups, cur.String())
}

// groupOf returns the group whose stack holds fn.
func groupOf(t *testing.T, fn string) string {
	t.Helper()
	for _, g := range goroutineGroups(t) {
		if strings.Contains(g, fn) {
			return g
		}
	}
	t.Fatalf("no goroutine runs %s", fn)
	return ""
}

// blockNamed and blockUnnamed are where the test's tasks wait, so that the
// goroutine dump tells them apart.
func blockNamed(release <-chan struct{})   { <-release }
func blockUnnamed(release <-chan struct{}) { <-release }

// A named task's goroutine carries gathergen.task=<name> in a goroutine dump
// and in its context, with the labels of the context it was started under;
// an unnamed task gets none; and a goroutine that ran a labelled task gets
// its labels back for the next task it runs (under a limit of one, the
// same goroutine runs both).
func TestProfileLabelsNameTasksInGoroutineDumps(t *testing.T) {
	ctx := pprof.WithLabels(context.Background(), pprof.Labels("tenant", "acme"))
	ctx = WithLimit(WithObserver(ctx, ProfileLabels{}), 1)
	inNamed, inUnnamed := make(chan string, 1), make(chan string, 1)
	releaseNamed, releaseUnnamed := make(chan struct{}), make(chan struct{})
	named := GoNamed(ctx, "FetchUser", func(ctx context.Context) (int, error) {
		name, _ := pprof.Label(ctx, TaskLabel)
		tenant, _ := pprof.Label(ctx, "tenant")
		inNamed <- name + " " + tenant
		blockNamed(releaseNamed)
		return 0, nil
	})
	unnamed := Go(ctx, func(ctx context.Context) (int, error) {
		name, ok := pprof.Label(ctx, TaskLabel)
		inUnnamed <- name + " " + map[bool]string{true: "labelled", false: "unlabelled"}[ok]
		blockUnnamed(releaseUnnamed)
		return 0, nil
	})
	if got := <-inNamed; got != "FetchUser acme" {
		t.Fatalf("the named task's context: %q; want its name and the tenant", got)
	}
	g := groupOf(t, "blockNamed")
	if !strings.Contains(g, `"gathergen.task":"FetchUser"`) || !strings.Contains(g, `"tenant":"acme"`) {
		t.Fatalf("the named task's goroutine:\n%s\nwant the labels gathergen.task=FetchUser and tenant=acme", g)
	}
	close(releaseNamed)
	if _, err := named.Await(ctx); err != nil {
		t.Fatal(err)
	}
	if got := <-inUnnamed; got != " unlabelled" {
		t.Fatalf("the unnamed task's context: %q; want no task label", got)
	}
	if g := groupOf(t, "blockUnnamed"); strings.Contains(g, TaskLabel) {
		t.Fatalf("the goroutine after the named task:\n%s\nstill has the task's label", g)
	}
	close(releaseUnnamed)
	if _, err := unnamed.Await(ctx); err != nil {
		t.Fatal(err)
	}
}
