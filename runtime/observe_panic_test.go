package runtime

import (
	"context"
	"errors"
	"iter"
	"slices"
	"strings"
	"sync"
	"testing"
)

// panicker is an Observer that logs its calls and panics in TaskStart or
// TaskEnd (as hook says) for the tasks that pick accepts.
type panicker struct {
	hook string // "start" or "end"
	pick func(Task) bool
	mu   sync.Mutex
	log  *[]string
	ends int
}

func (p *panicker) TaskStart(ctx context.Context, t Task) context.Context {
	p.note("panicker start")
	if p.hook == "start" && p.pick(t) {
		panic("observer failed in TaskStart")
	}
	return ctx
}

func (p *panicker) TaskEnd(_ context.Context, t Task, _ Outcome) {
	p.note("panicker end")
	p.mu.Lock()
	p.ends++
	p.mu.Unlock()
	if p.hook == "end" && p.pick(t) {
		panic("observer failed in TaskEnd")
	}
}

func (p *panicker) note(s string) {
	if p.log != nil {
		p.mu.Lock()
		*p.log = append(*p.log, s)
		p.mu.Unlock()
	}
}

// Observers nest whatever panics: when the middle one of three panics in
// TaskStart or TaskEnd, the outer one still gets its TaskEnd, last, with its
// own context and the panic as the task's error, and the inner one gets its
// TaskEnd when it got its TaskStart. It holds for tasks, Map's calls and
// Stream's calls.
func TestObserversNestWhenAHookPanics(t *testing.T) {
	kinds := map[string]func(ctx context.Context) error{
		"task": func(ctx context.Context) error {
			_, err := Go(ctx, func(context.Context) (int, error) { return 1, nil }).Await(context.Background())
			return err
		},
		"Map": func(ctx context.Context) error {
			_, err := Map(ctx, []int{1}, func(_ context.Context, x int) (int, error) { return x, nil })
			return err
		},
		"Stream": func(ctx context.Context) error {
			var one iter.Seq[int] = slices.Values([]int{1})
			for _, err := range Stream(ctx, one, 1, func(_ context.Context, x int) (int, error) { return x, nil }) {
				if err != nil {
					return err
				}
			}
			return nil
		},
	}
	wantLog := map[string][]string{
		"start": {"outer start ", "panicker start", "outer end "},
		"end":   {"outer start ", "panicker start", "inner start ", "inner end ", "panicker end", "outer end "},
	}
	for kind, run := range kinds {
		for hook, want := range wantLog {
			t.Run(kind+" "+hook, func(t *testing.T) {
				var log []string
				outer, inner := newRecorder("outer", &log), newRecorder("inner", &log)
				p := &panicker{hook: hook, pick: func(Task) bool { return true }, log: &log}
				ctx := WithObserver(WithObserver(WithObserver(context.Background(), outer), p), inner)
				err := run(ctx)
				var pe *PanicError
				if !errors.As(err, &pe) || !strings.Contains(pe.Error(), "observer failed in Task") {
					t.Fatalf("error %v; want the observer's panic", err)
				}
				if !slices.Equal(log, want) {
					t.Fatalf("calls:\n%s\nwant:\n%s", strings.Join(log, "\n"), strings.Join(want, "\n"))
				}
				e := outer.end(t, "")
				if !e.marked || !errors.As(e.outcome.Err, &pe) {
					t.Fatalf("the outer TaskEnd: %+v; want its own context and the *PanicError", e)
				}
			})
		}
	}
}

// A lone observer whose TaskStart panicked gets no TaskEnd: it returned no
// context to end. The task's future carries the panic.
func TestObserverWhoseTaskStartPanickedGetsNoTaskEnd(t *testing.T) {
	p := &panicker{hook: "start", pick: func(Task) bool { return true }}
	ctx := WithObserver(context.Background(), p)
	_, err := Go(ctx, func(context.Context) (int, error) { return 1, nil }).Await(context.Background())
	var pe *PanicError
	if !errors.As(err, &pe) {
		t.Fatalf("Await = %v; want a *PanicError", err)
	}
	if p.ends != 0 {
		t.Fatalf("%d TaskEnd calls; want none", p.ends)
	}
}

func blockAfterPanickedStart(release <-chan struct{}) { <-release }

// With ProfileLabels outside an observer that panics in TaskStart, the
// goroutine gets its labels back: under a limit of one, the next task on
// that goroutine runs unlabelled.
func TestProfileLabelsRestoredWhenAnInnerObserverPanics(t *testing.T) {
	p := &panicker{hook: "start", pick: func(t Task) bool { return t.Name == "boom" }}
	ctx := WithObserver(WithObserver(WithLimit(context.Background(), 1), ProfileLabels{}), p)
	hold := make(chan struct{})
	holder := Go(ctx, func(context.Context) (int, error) { <-hold; return 0, nil })
	boom := GoNamed(ctx, "boom", func(context.Context) (int, error) { return 0, nil })
	running, release := make(chan struct{}), make(chan struct{})
	after := Go(ctx, func(context.Context) (int, error) {
		close(running)
		blockAfterPanickedStart(release)
		return 0, nil
	})
	close(hold)
	<-running
	g := groupOf(t, "blockAfterPanickedStart")
	close(release)
	var pe *PanicError
	if _, err := boom.Await(context.Background()); !errors.As(err, &pe) {
		t.Fatalf("boom = %v; want a *PanicError", err)
	}
	if _, err := All(context.Background(), holder, after); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(g, TaskLabel) {
		t.Fatalf("the goroutine after the failed task:\n%s\nstill has its label", g)
	}
}
