// Package scoped has a group helper whose gather runs in a scope: it
// returns only once every task that it started has returned.
package scoped

import (
	"context"
	"errors"
	"sync/atomic"
)

// ErrCheck is what Check fails with.
var ErrCheck = errors.New("check failed")

// Probe counts the calls inside Slow and lets the test hold them there
// after they saw their context end.
type Probe struct {
	Inside    atomic.Int32  // Slow calls that have started and not returned
	Started   chan struct{} // closed by Slow when it starts
	Cancelled chan struct{} // closed by Slow when it has seen its context end
	Release   chan struct{} // Slow returns once it is closed
}

// Slow waits for its context to end, reports it, and returns only when the
// probe releases it: a task that is slow to notice cancellation.
//
//gathergen:async
func (p *Probe) Slow(ctx context.Context) (int, error) {
	p.Inside.Add(1)
	defer p.Inside.Add(-1)
	close(p.Started)
	<-ctx.Done()
	close(p.Cancelled)
	<-p.Release
	return 0, ctx.Err()
}

// Check fails once Slow has started.
//
//gathergen:async
func (p *Probe) Check(ctx context.Context, id int) (string, error) {
	<-p.Started
	return "", ErrCheck
}

//gathergen:gather -scoped Load Probe.Slow Probe.Check

//gathergen:gather Unscoped Probe.Slow Probe.Check
