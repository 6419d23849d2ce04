package gtemporal_test

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"testing"

	"go.temporal.io/sdk/log"
)

// TestMain turns the test binary into a worker process of the end-to-end
// test when it is started with the worker's variable set.
func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) != "" {
		if err := runWorker(); err != nil {
			fmt.Fprintln(os.Stderr, "worker:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// quiet is a logger that drops everything.
func quiet() log.Logger {
	return log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))
}
