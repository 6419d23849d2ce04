package runtime

import (
	"context"
	"math/bits"
	"strconv"
	"strings"
	"sync/atomic"
)

// PendingError is the error of a wait that its ctx ended: [All], GatherN,
// [Map], [Race] and [Any] return it, and the slots of [AllSettled] and
// SettleN that were still pending carry it. It names the inputs that had
// not finished when ctx ended the wait: those still pending (which the wait
// then cancelled), and those that had just failed with ctx's own end, as a
// task does that returns ctx.Err() when it sees its deadline.
//
// It unwraps to context.Cause(ctx), so errors.Is(err,
// context.DeadlineExceeded) and errors.Is(err, context.Canceled) hold as they
// did; but err == ctx.Err() does not, since err is a *PendingError. Its
// message is the cause's followed by the list:
//
//	context deadline exceeded (still pending: task 1 (Client.Orders))
//
// Tasks lists at most the first ten such inputs, in slot order, and Count
// says how many there were, so that a Map of a million elements which ctx
// ends makes an error of ten entries: the list is found by scanning one bit
// per element, not by an allocation per element.
type PendingError struct {
	// Err is context.Cause of the wait's ctx.
	Err error
	// Tasks names the first inputs that were pending, at most ten, in
	// slot order.
	Tasks []PendingTask
	// Count is the number of inputs that were pending; it exceeds
	// len(Tasks) when the list is capped. It is 0 in the rare case where
	// every input settled as ctx ended the wait.
	Count int
}

// PendingTask names an input of a wait that was still pending.
type PendingTask struct {
	// Index is the input's position in the argument list (for Map, in the
	// slice), from 0.
	Index int
	// Name is the task's name when it was started by [GoNamed] or
	// [GoWith] (as generated wrappers are), or the name given to
	// [MapNamed]; it is empty otherwise.
	Name string
}

// maxPendingListed is how many pending inputs a *PendingError lists.
const maxPendingListed = 10

// Error reports the cause and the inputs that were still pending.
func (e *PendingError) Error() string {
	cause := "<nil>"
	if e.Err != nil {
		cause = e.Err.Error()
	}
	if e.Count == 0 {
		return cause
	}
	if len(e.Tasks) == 0 { // a scope held by calls of Map or Stream only
		return cause + " (" + strconv.Itoa(e.Count) + " still pending)"
	}
	var b strings.Builder
	b.WriteString(cause)
	b.WriteString(" (still pending: ")
	for i, t := range e.Tasks {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(t.String())
	}
	if more := e.Count - len(e.Tasks); more > 0 {
		b.WriteString(" and ")
		b.WriteString(strconv.Itoa(more))
		b.WriteString(" more")
	}
	b.WriteString(")")
	return b.String()
}

// Unwrap returns the cause, context.Cause of the wait's ctx.
func (e *PendingError) Unwrap() error { return e.Err }

// String names the input as a *TaskError does: "task 1 (Client.Orders)".
func (t PendingTask) String() string {
	if t.Name != "" {
		return "task " + strconv.Itoa(t.Index) + " (" + t.Name + ")"
	}
	return "task " + strconv.Itoa(t.Index)
}

// add records slot as pending, named name.
func (e *PendingError) add(slot int, name string) {
	if len(e.Tasks) < maxPendingListed {
		e.Tasks = append(e.Tasks, PendingTask{Index: slot, Name: name})
	}
	e.Count++
}

// pendingOf returns the *PendingError of a wait that ctx ended, of waiter
// w, the core of slot i being at(i): it lists the inputs not settled and
// those whose error only echoes ctx's end. The wait calls it once it has
// cancelled the inputs still pending, which then have failed with
// context.Canceled, an echo too.
func pendingOf(ctx context.Context, w *waiter, at func(int) *core) *PendingError {
	e := &PendingError{Err: context.Cause(ctx)}
	for i := range w.subs {
		c := at(i)
		if !c.isSettled() || w.echoes(ctx, i, c.err()) {
			e.add(i, c.name)
		}
	}
	return e
}

// succeeded records which elements of a Map have succeeded, one bit each,
// so that a Map that ctx ends can name the elements still pending. It is nil
// for a Map whose ctx can never end.
type succeeded []atomic.Uint64

// newSucceeded returns a record for n elements of a Map under ctx, or nil
// when ctx can never end. Up to 64 elements it uses small, a word that the
// Map's own state holds, and allocates nothing.
func newSucceeded(ctx context.Context, n int, small *[1]atomic.Uint64) succeeded {
	switch {
	case ctx.Done() == nil:
		return nil
	case n <= 64:
		return small[:]
	}
	return make(succeeded, (n+63)/64)
}

// mark records that element i succeeded.
func (s succeeded) mark(i int) {
	if s != nil {
		s[i/64].Or(1 << (i % 64))
	}
}

// pending returns the *PendingError of a Map of n elements, its calls named
// name, that ctx ended: the elements not marked, the first ten by index and
// the count of all.
func (s succeeded) pending(ctx context.Context, n int, name string) *PendingError {
	e := &PendingError{Err: context.Cause(ctx)}
	for w := range s {
		missing := ^s[w].Load()
		if last := n - 64*w; last < 64 {
			missing &= 1<<last - 1
		}
		e.Count += bits.OnesCount64(missing)
		for missing != 0 && len(e.Tasks) < maxPendingListed {
			e.Tasks = append(e.Tasks, PendingTask{Index: 64*w + bits.TrailingZeros64(missing), Name: name})
			missing &= missing - 1
		}
	}
	return e
}

// nothingDone returns the *PendingError of a Map of n elements, its calls
// named name, whose ctx was done before it started: every element is
// pending.
func nothingDone(ctx context.Context, n int, name string) *PendingError {
	e := &PendingError{Err: context.Cause(ctx), Count: n}
	for i := range min(n, maxPendingListed) {
		e.Tasks = append(e.Tasks, PendingTask{Index: i, Name: name})
	}
	return e
}
