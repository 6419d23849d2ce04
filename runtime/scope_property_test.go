package runtime

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"

	"go.uber.org/goleak"
	"pgregory.net/rapid"
)

// What a task of a random tree does once its children are started.
const (
	nodeSucceeds = iota
	nodeFails
	nodePanics
	nodeExits    // runtime.Goexit
	nodeSlow     // yields a while before it returns, not looking at its context
	nodeBlocks   // waits for its context to end; only when the scope's context ends
	nodeStubborn // waits for its context to end, then yields a while
	nodeKinds
)

// How a task starts its children.
const (
	viaGo = iota
	viaGoWith
	viaMap
	viaStream
	viaLimit // GoWith under WithLimit(ctx, 1)
	vias
)

// node is a task of a random tree.
type node struct {
	kind     int
	via      int
	await    bool // whether it awaits its children (Map and Stream always do)
	children []node
}

// drawNode draws a tree of tasks at most depth deep; blockers are allowed
// only when the scope's context will end.
func drawNode(t *rapid.T, label string, depth int, blockers bool) node {
	kinds := nodeSlow + 1
	if blockers {
		kinds = nodeKinds
	}
	n := node{
		kind:  rapid.IntRange(0, kinds-1).Draw(t, label+"kind"),
		via:   rapid.IntRange(0, vias-1).Draw(t, label+"via"),
		await: rapid.Bool().Draw(t, label+"await"),
	}
	if depth > 0 {
		for i := range rapid.IntRange(0, 3).Draw(t, label+"n") {
			n.children = append(n.children, drawNode(t, fmt.Sprintf("%s%d.", label, i), depth-1, blockers))
		}
	}
	return n
}

// tree runs random trees and counts the tasks inside their functions.
type tree struct{ running atomic.Int64 }

// run is the function of the task n.
func (tr *tree) run(ctx context.Context, n node) (int, error) {
	tr.running.Add(1)
	defer tr.running.Add(-1)
	tr.start(ctx, n.via, n.await, n.children)
	switch n.kind {
	case nodeFails:
		return 0, errBody
	case nodePanics:
		panic("node panics")
	case nodeExits:
		runtime.Goexit()
	case nodeSlow:
		yieldAWhile()
	case nodeBlocks:
		<-ctx.Done()
		return 0, ctx.Err()
	case nodeStubborn:
		<-ctx.Done()
		yieldAWhile()
	}
	return 1, nil
}

// start starts children under ctx as via says, and awaits them when await
// is set or via is Map or Stream.
func (tr *tree) start(ctx context.Context, via int, await bool, children []node) {
	switch via {
	case viaMap:
		Map(ctx, children, tr.run)
		return
	case viaStream:
		for _, err := range Stream(ctx, slices.Values(children), 2, tr.run) {
			if err != nil {
				return
			}
		}
		return
	}
	var fs []*Future[int]
	lctx := ctx
	if via == viaLimit {
		lctx = WithLimit(ctx, 1)
	}
	for i, c := range children {
		switch via {
		case viaGo:
			fs = append(fs, Go(ctx, func(ctx context.Context) (int, error) { return tr.run(ctx, c) }))
		default:
			fs = append(fs, GoWith(lctx, fmt.Sprint(i), c, tr.run))
		}
	}
	if await {
		All(ctx, fs...)
	}
}

func yieldAWhile() {
	for range 50 {
		runtime.Gosched()
	}
}

// How a random scope ends.
const (
	endClean      = iota // the body returns nil; the scope's context never ends
	endBodyFails         // the body returns an error
	endCallerEnds        // the caller's ctx ends, then the body returns nil
	endBodyPanics        // the body panics
	ends
)

// Whatever the tree (tasks that fail, panic, exit, are slow to notice
// cancellation or ignore it a while, start sub-tasks by every means, awaited
// or not), no task of a scope is inside its function when Scope returns,
// and Scope returns what its rules say.
func TestPropertyScopeOutlivesNoTask(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		end := rapid.IntRange(0, ends-1).Draw(t, "end")
		root := drawNode(t, "", 3, end != endClean)
		// A scope under a ctx that cannot end wakes the waits under its own
		// context itself; the root task may run its tree under that context.
		parentEnds := end == endCallerEnds || rapid.Bool().Draw(t, "parentEnds")
		underScope := rapid.Bool().Draw(t, "underScope")
		var tr tree
		ctx, cancel := context.Background(), context.CancelFunc(func() {})
		if parentEnds {
			ctx, cancel = context.WithCancel(ctx)
		}
		defer cancel()
		var err error
		var recovered any
		func() {
			defer func() { recovered = recover() }()
			err = Scope(ctx, func(ctx context.Context) error {
				if end == endClean {
					tr.start(ctx, root.via, root.await, root.children)
				} else { // blockers return only once the scope's context ends: start them from a task
					scopeCtx := ctx
					Go(ctx, func(ctx context.Context) (int, error) { //gathervet:ignore the scope waits for it
						if underScope {
							ctx = scopeCtx
						}
						return tr.run(ctx, root)
					})
				}
				switch end {
				case endBodyFails:
					return errBody
				case endCallerEnds:
					cancel()
				case endBodyPanics:
					panic("body panics")
				}
				return nil
			})
		}()
		if n := tr.running.Load(); n != 0 {
			t.Fatalf("%d tasks inside their functions when Scope returned", n)
		}
		switch end {
		case endClean:
			if err != nil {
				t.Fatalf("Scope = %v; want nil", err)
			}
		case endBodyFails:
			if err != errBody {
				t.Fatalf("Scope = %v; want the body's error", err)
			}
		case endCallerEnds:
			if err != nil && (!errors.As(err, new(*PendingError)) || !errors.Is(err, context.Canceled)) {
				t.Fatalf("Scope = %v; want nil or a *PendingError of context.Canceled", err)
			}
		case endBodyPanics:
			if recovered != "body panics" {
				t.Fatalf("recovered %v; want the body's panic", recovered)
			}
		}
	})
	goleak.VerifyNone(t)
}

// A task that fails as the body returns its own error: Scope returns the
// body's error, and only once the task has returned.
func TestScopeTaskFailsAsBodyReturns(t *testing.T) {
	var running atomic.Int64
	fail := func(ctx context.Context, err error) (int, error) {
		running.Add(1)
		defer running.Add(-1)
		return 0, err
	}
	for run := range stressRuns {
		err := Scope(context.Background(), func(ctx context.Context) error {
			GoWith(ctx, "fails", errFirst, fail) //gathervet:ignore the scope waits for it
			a := GoWith(ctx, "awaited", errAfter, fail)
			go a.Cancel()
			if _, err := a.Await(ctx); err != nil && err != errAfter && err != context.Canceled {
				return err
			}
			return errBody
		})
		if err != errBody {
			t.Fatalf("run %d: Scope = %v; want the body's error", run, err)
		}
		wantNoneRunning(t, run, &running)
	}
}

// The caller's ctx ends while the tasks of the scope fail: Scope returns
// the body's error (the gather's: a failure or the caller's end), and only
// once every task has returned.
func TestScopeCallerEndsWhileTasksFail(t *testing.T) {
	var running atomic.Int64
	task := counting(&running, func(ctx context.Context) { <-ctx.Done() })
	for run := range stressRuns {
		ctx, cancel := context.WithCancelCause(context.Background())
		err := Scope(ctx, func(ctx context.Context) error {
			fs := []*Future[int]{GoWith(ctx, "a", true, task), GoWith(ctx, "b", false, task), GoWith(ctx, "c", true, task)}
			go cancel(errStop)
			_, err := All(ctx, fs...)
			return err
		})
		if !errors.Is(err, errFirst) && !errors.Is(err, errStop) {
			t.Fatalf("run %d: Scope = %v; want a task's failure or the caller's end", run, err)
		}
		wantNoneRunning(t, run, &running)
	}
}

// The caller's ctx ends while the scope waits for tasks that fail: Scope
// returns nil or a *PendingError of the caller's cause, only once every
// task has returned.
func TestScopeCallerEndsWhileTheWaitSeesFailures(t *testing.T) {
	var running atomic.Int64
	task := counting(&running, func(context.Context) { runtime.Gosched() })
	for run := range stressRuns {
		ctx, cancel := context.WithCancelCause(context.Background())
		err := Scope(ctx, func(ctx context.Context) error {
			GoWith(ctx, "a", true, task)  //gathervet:ignore the scope waits for it
			GoWith(ctx, "b", false, task) //gathervet:ignore the scope waits for it
			go cancel(errStop)
			return nil
		})
		if err != nil && (!errors.As(err, new(*PendingError)) || !errors.Is(err, errStop)) {
			t.Fatalf("run %d: Scope = %v; want nil or a *PendingError of the caller's cause", run, err)
		}
		wantNoneRunning(t, run, &running)
	}
}

// counting returns a task that counts itself in running while it runs and
// fails with errFirst when asked to; otherwise it calls then and returns
// its context's error.
func counting(running *atomic.Int64, then func(context.Context)) func(context.Context, bool) (int, error) {
	return func(ctx context.Context, fails bool) (int, error) {
		running.Add(1)
		defer running.Add(-1)
		if fails {
			return 0, errFirst
		}
		then(ctx)
		return 0, ctx.Err()
	}
}

// wantNoneRunning fails t when a task counted in running is still inside
// its function as Scope has returned, in the given run of a loop.
func wantNoneRunning(t *testing.T, run int, running *atomic.Int64) {
	t.Helper()
	if n := running.Load(); n != 0 {
		t.Fatalf("run %d: %d tasks running when Scope returned", run, n)
	}
}
