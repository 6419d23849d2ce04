package runtime

import (
	"errors"
	"fmt"
)

// ErrNoFutures is returned by [Race] and [Any] when they are given no futures:
// with nothing to wait for, there is no first result.
var ErrNoFutures = errors.New("runtime: no futures to wait for")

// errGoexit settles the future of a task that called runtime.Goexit (as
// testing.T.FailNow does) instead of returning.
var errGoexit = errors.New("runtime: task called runtime.Goexit")

// TaskError reports which input of a gather ([All], GatherN, [Map]), [Race]
// or [Any] failed. Settles report each input's own error, unwrapped.
// errors.Is and errors.As reach the cause through Unwrap.
type TaskError struct {
	// Index is the input's position in the argument list (for Map, in
	// the slice), from 0.
	Index int
	// Name names the task's function when the future was started by
	// [GoNamed] or by [GoWith] to [GoWith9] (as generated wrappers are),
	// or the calls of [MapNamed] and [StreamNamed]; it is empty otherwise.
	Name string
	// Err is the cause: what the task returned, a *PanicError, or
	// context.Canceled when the input was cancelled.
	Err error
}

// Error reports the slot, the name when known, and the cause.
func (e *TaskError) Error() string {
	if e.Name != "" {
		return fmt.Sprintf("task %d (%s): %v", e.Index, e.Name, e.Err)
	}
	return fmt.Sprintf("task %d: %v", e.Index, e.Err)
}

// Unwrap returns the cause.
func (e *TaskError) Unwrap() error { return e.Err }

// PanicError is the error of a future whose task panicked. The panic is
// recovered in the task's goroutine, so the process keeps running.
type PanicError struct {
	// Value is the value passed to panic.
	Value any
	// Stack is the task goroutine's stack trace at the panic, as
	// runtime/debug.Stack formats it.
	Stack []byte
}

// Error reports the panic value; the stack is in the Stack field.
func (e *PanicError) Error() string { return fmt.Sprintf("task panicked: %v", e.Value) }

// Unwrap returns the panic value when it is an error, so that errors.Is and
// errors.As see through a panic(err).
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}
