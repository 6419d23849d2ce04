package runtime

import (
	"context"
	"runtime/pprof"
)

// TaskLabel is the pprof label under which [ProfileLabels] names a task.
const TaskLabel = "gathergen.task"

// ProfileLabels is an [Observer] that names each task in CPU profiles and
// goroutine dumps: while a named task runs, its goroutine carries the pprof
// label gathergen.task=<name> ([TaskLabel]), as do the goroutines it starts
// and the context it receives (pprof.Label(ctx, runtime.TaskLabel)).
// Labels already in the context pass on to the task, as with pprof.Do, and
// the goroutine gets its labels back from that context when the task ends,
// even when an observer set inside this one panics (see [Observer]).
// Tasks without a name (those of [Go] and the calls of [Map] and [Stream])
// are left as they are; [MapNamed] and [StreamNamed] name their calls.
//
// It is opt-in, since setting labels allocates:
//
//	ctx = runtime.WithObserver(ctx, runtime.ProfileLabels{})
//
// and then, for instance, go tool pprof -tagfocus=gathergen.task=FetchUser
// cpu.out, or the goroutine dump of net/http/pprof (debug=1) lists each
// task's goroutines under its name.
type ProfileLabels struct{}

// labelled is the context of a task that ProfileLabels labelled, with the
// context it had before, whose labels the goroutine gets back at the end.
type labelled struct {
	context.Context
	before context.Context
}

// TaskStart labels the goroutine of a named task, and its context.
func (ProfileLabels) TaskStart(ctx context.Context, t Task) context.Context {
	if t.Name == "" {
		return ctx
	}
	l := &labelled{Context: pprof.WithLabels(ctx, pprof.Labels(TaskLabel, t.Name)), before: ctx}
	pprof.SetGoroutineLabels(l)
	return l
}

// TaskEnd gives the goroutine back the labels of the context the task
// started under.
func (ProfileLabels) TaskEnd(ctx context.Context, _ Task, o Outcome) {
	if l, ok := ctx.(*labelled); ok && o.Started {
		pprof.SetGoroutineLabels(l.before)
	}
}
