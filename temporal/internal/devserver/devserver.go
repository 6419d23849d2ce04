//go:build unix

// Package devserver starts a Temporal dev server for the temporal module's
// end-to-end test and benchmarks: the temporal CLI's server start-dev, in
// memory, on 127.0.0.1 and free ports, stopped when the test ends. Without
// a temporal binary, or when the server does not start, the test is
// skipped with a message saying how to get one, unless the environment
// variable CI is set: then it fails, so that CI never skips it silently.
package devserver

import (
	"context"
	"fmt"
	"go/build"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/log"
)

// CLI is what to go install to get the temporal binary.
const CLI = "github.com/temporalio/cli/cmd/temporal@v1.5.1"

// Start starts a dev server and returns its address and a client of it,
// both valid until tb ends.
func Start(tb testing.TB) (string, client.Client) {
	tb.Helper()
	bin, ok := binary()
	if !ok {
		unavailable(tb, "no temporal binary on PATH or in $(go env GOPATH)/bin; install it with\n\tgo install %s\n(about 5 minutes the first time) and put $(go env GOPATH)/bin on PATH", CLI)
	}
	port := freePort(tb)
	hostPort := "127.0.0.1:" + port
	logPath := filepath.Join(tb.TempDir(), "server.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		tb.Fatal(err)
	}
	server := exec.Command(bin, "server", "start-dev", "--headless", "--ip", "127.0.0.1",
		"--port", port, "--http-port", freePort(tb), "--metrics-port", freePort(tb),
		"--dynamic-config-value", "matching.numTaskqueueReadPartitions=1",
		"--dynamic-config-value", "matching.numTaskqueueWritePartitions=1",
		"--dynamic-config-value", "frontend.enableServerVersionCheck=false")
	server.Stdout, server.Stderr = logFile, logFile
	if err := server.Start(); err != nil {
		logFile.Close()
		unavailable(tb, "the dev server did not start: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- server.Wait() }()
	tb.Cleanup(func() {
		_ = server.Process.Kill()
		<-exited
		logFile.Close()
	})
	c, err := dial(hostPort, exited)
	if err != nil {
		out, _ := os.ReadFile(logPath)
		unavailable(tb, "%v; its log:\n%s", err, out)
	}
	tb.Cleanup(c.Close)
	return hostPort, c
}

// dial connects to the server at hostPort, trying every 100 ms for a
// minute or until the server exits.
func dial(hostPort string, exited <-chan error) (client.Client, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		c, err := client.DialContext(ctx, client.Options{HostPort: hostPort, Logger: Quiet()})
		if err == nil {
			return c, nil
		}
		select {
		case <-tick.C:
		case err := <-exited:
			return nil, fmt.Errorf("the dev server exited: %v", err)
		case <-ctx.Done():
			return nil, fmt.Errorf("the dev server did not answer on %s within a minute", hostPort)
		}
	}
}

// Quiet is a logger that drops everything.
func Quiet() log.Logger {
	return log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))
}

// binary returns the path of the temporal CLI: on PATH, or where go
// install puts it.
func binary() (string, bool) {
	if path, err := exec.LookPath("temporal"); err == nil {
		return path, true
	}
	path := filepath.Join(build.Default.GOPATH, "bin", "temporal")
	if _, err := os.Stat(path); err == nil {
		return path, true
	}
	return "", false
}

// unavailable skips tb, or fails it when CI is set: CI must run it.
func unavailable(tb testing.TB, format string, args ...any) {
	tb.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") != "" {
		tb.Fatalf("CI is set and %s", msg)
	}
	tb.Skip(msg)
}

// freePort returns a TCP port of 127.0.0.1 that nothing listens on now.
func freePort(tb testing.TB) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()
	return fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
}
