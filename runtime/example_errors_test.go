package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/gathergen/gathergen/runtime"
)

// Given no futures, Any and Race have no first result to return: they return
// ErrNoFutures.
func ExampleAny_noFutures() {
	ctx := context.Background()
	var mirrors []*runtime.Future[string] // none configured
	_, err := runtime.Any(ctx, mirrors...)
	fmt.Println(err)
	fmt.Println(errors.Is(err, runtime.ErrNoFutures))

	// All of no futures is not an error: nothing failed.
	all, err := runtime.All(ctx, mirrors...)
	fmt.Println(len(all), err)
	// Output:
	// runtime: no futures to wait for
	// true
	// 0 <nil>
}

// A *TaskError tells which input failed; errors.Is and errors.As see the
// task's own error through it.
func ExampleTaskError() {
	ctx := context.Background()
	errNotFound := errors.New("not found")
	settings := runtime.GoNamed(ctx, "FetchSettings", func(context.Context) (map[string]bool, error) {
		return map[string]bool{"dark": true}, nil
	})
	user := runtime.GoNamed(ctx, "FetchUser", func(context.Context) (string, error) {
		return "", fmt.Errorf("user 42: %w", errNotFound)
	})
	_, _, err := runtime.Gather2(ctx, settings, user)

	var te *runtime.TaskError
	if errors.As(err, &te) {
		fmt.Println("index:", te.Index)
		fmt.Println("name:", te.Name)
		fmt.Println("cause:", te.Err)
	}
	fmt.Println(errors.Is(err, errNotFound))
	// Output:
	// index: 1
	// name: FetchUser
	// cause: user 42: not found
	// true
}

// A panic in a task does not crash the process: the future settles with a
// *PanicError that keeps the value and the stack. A panic with an error
// value stays visible to errors.Is, also through a gather's *TaskError.
func ExamplePanicError() {
	ctx := context.Background()
	decode := runtime.GoNamed(ctx, "Decode", func(context.Context) (int, error) {
		panic(io.ErrUnexpectedEOF) // a bug, or a library that panics
	})
	_, err := decode.Await(ctx)
	fmt.Println(err)

	var pe *runtime.PanicError
	if errors.As(err, &pe) {
		fmt.Println("value:", pe.Value)
		fmt.Println("stack shows the task:", strings.Contains(string(pe.Stack), "ExamplePanicError"))
	}

	_, _, err = runtime.Gather2(ctx, runtime.Resolved("header"), decode)
	fmt.Println(err)
	fmt.Println(errors.Is(err, io.ErrUnexpectedEOF), errors.As(err, &pe))
	// Output:
	// task panicked: unexpected EOF
	// value: unexpected EOF
	// stack shows the task: true
	// task 1 (Decode): task panicked: unexpected EOF
	// true true
}

func ExampleTaskError_Error() {
	cause := errors.New("not found")
	fmt.Println(&runtime.TaskError{Index: 1, Name: "FetchUser", Err: cause})
	fmt.Println(&runtime.TaskError{Index: 2, Err: cause}) // started by Go: no name
	// Output:
	// task 1 (FetchUser): not found
	// task 2: not found
}

// Unwrap lets errors.Is and errors.As reach the task's own error, however
// deeply it is wrapped: here the *fs.PathError of a missing file.
func ExampleTaskError_Unwrap() {
	ctx := context.Background()
	config := runtime.GoNamed(ctx, "LoadConfig", func(context.Context) ([]byte, error) {
		return os.ReadFile("/no/such/dir/config.toml")
	})
	_, err := runtime.All(ctx, config)

	var te *runtime.TaskError
	if errors.As(err, &te) {
		fmt.Println(te.Unwrap() == te.Err)
	}
	fmt.Println(errors.Is(err, fs.ErrNotExist))
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		fmt.Println(pathErr.Path)
	}
	// Output:
	// true
	// true
	// /no/such/dir/config.toml
}

func ExamplePanicError_Error() {
	ctx := context.Background()
	task := runtime.Go(ctx, func(context.Context) (int, error) {
		var counts map[string]int
		counts["hits"]++ // a bug: the map was never made
		return counts["hits"], nil
	})
	_, err := task.Await(ctx)
	fmt.Println(err)
	// Output:
	// task panicked: assignment to entry in nil map
}

// Unwrap returns the panic value when it is an error, and nil otherwise.
func ExamplePanicError_Unwrap() {
	withError := &runtime.PanicError{Value: io.ErrClosedPipe}
	withString := &runtime.PanicError{Value: "unreachable"}
	fmt.Println(withError.Unwrap() == io.ErrClosedPipe, errors.Is(withError, io.ErrClosedPipe))
	fmt.Println(withString.Unwrap())
	// Output:
	// true true
	// <nil>
}
