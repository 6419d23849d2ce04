package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Two calls that each write Hello, pause and write World print both Hellos
// before either World only when they run at the same time. The writer
// proves it without timing anything: it holds each call at its Hello until
// the other has written its own, which a call made after the first has
// returned never does (the guard then ends the wait, and World follows
// Hello, which the expected output does not allow).
func Example() {
	guard, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	w := &meetingWriter{w: os.Stdout, met: make(chan struct{}), guard: guard}
	_, err := gatherWishes(context.Background(), w, 10*time.Millisecond)
	fmt.Println("error:", err)
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
	if hello {
		select {
		case <-m.met:
		case <-m.guard.Done():
			return n, errors.New("the other call never wrote Hello")
		}
	}
	return n, err
}
