// Package cli is what the Temporal examples share: their flags, and a run
// that connects to the server, starts a worker and, unless told to be only
// a worker, starts the example's workflow and waits for it.
package cli

import (
	"context"
	"flag"
	"os"
	"os/signal"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
)

// Flags are the examples' command-line flags.
type Flags struct {
	HostPort string // the server's address
	Worker   bool   // run a worker until interrupted, start no workflow
}

// Parse parses the command line.
func Parse() Flags {
	var f Flags
	flag.StringVar(&f.HostPort, "hostport", "127.0.0.1:7233", "the Temporal server's host:port")
	flag.BoolVar(&f.Worker, "worker", false, "only run a worker, until interrupted")
	flag.Parse()
	return f
}

// Run connects to the server and runs a worker on taskQueue with what
// register registers. With f.Worker it serves until interrupted; otherwise
// it calls start, which starts the workflow and waits for it, and then
// stops the worker.
func Run(f Flags, taskQueue string, register func(worker.Registry), start func(context.Context, client.Client) error) error {
	c, err := client.Dial(client.Options{HostPort: f.HostPort})
	if err != nil {
		return err
	}
	defer c.Close()
	w := worker.New(c, taskQueue, worker.Options{})
	register(w)
	if f.Worker {
		return w.Run(worker.InterruptCh())
	}
	if err := w.Start(); err != nil {
		return err
	}
	defer w.Stop()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return start(ctx, c)
}
