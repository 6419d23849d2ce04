package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/testsuite"
)

// The workflow, run in the SDK's test environment with the generated stub
// and registration, runs the two activities at the same time: the writer
// holds each Hello until the other's is written, which activities run one
// after the other never do (the guard then ends the wait with an error,
// and World follows Hello, which the expected output does not allow).
func Example() {
	guard, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	w := &meetingWriter{w: os.Stdout, met: make(chan struct{}), guard: guard}
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	env := suite.NewTestWorkflowEnvironment()
	register(env, w)
	env.ExecuteWorkflow(GatherWishes, 10*time.Millisecond)
	fmt.Println("error:", env.GetWorkflowError())
	// Output:
	// Hello
	// Hello
	// World
	// World
	// error: <nil>
}

// meetingWriter serialises writes to w and makes each "Hello" wait until
// two have been written, or until guard is done.
type meetingWriter struct {
	mu     sync.Mutex
	w      io.Writer
	hellos int
	met    chan struct{}
	guard  context.Context
}

func (m *meetingWriter) Write(p []byte) (int, error) {
	m.mu.Lock()
	n, err := m.w.Write(p)
	hello := string(p) == "Hello\n"
	if hello {
		if m.hellos++; m.hellos == 2 {
			close(m.met)
		}
	}
	m.mu.Unlock()
	if !hello {
		return n, err
	}
	select {
	case <-m.met:
		return n, err
	case <-m.guard.Done():
		return n, errors.New("the other activity never wrote Hello")
	}
}
