package scoped

import (
	"context"
	"errors"
	"testing"
)

// TestScopedGroupOutlivesNoTask: Check's failure cancels Slow, and the
// scoped helper returns Check's error only after Slow, which is slow to
// notice its cancellation, has returned.
func TestScopedGroupOutlivesNoTask(t *testing.T) {
	for range 200 {
		p := &Probe{Started: make(chan struct{}), Cancelled: make(chan struct{}), Release: make(chan struct{})}
		go func() {
			<-p.Cancelled
			close(p.Release)
		}()
		_, _, err := p.Load(context.Background(), 7)
		if !errors.Is(err, ErrCheck) {
			t.Fatalf("Load: %v, want ErrCheck", err)
		}
		if n := p.Inside.Load(); n != 0 {
			t.Fatalf("Load returned with %d task(s) still running", n)
		}
	}
}

// TestUnscopedGroupReturnsAtOnce: without -scoped, the helper returns
// Check's error on the first failure, whatever Slow is doing.
func TestUnscopedGroupReturnsAtOnce(t *testing.T) {
	release := make(chan struct{})
	close(release)
	p := &Probe{Started: make(chan struct{}), Cancelled: make(chan struct{}), Release: release}
	if _, _, err := p.Load(context.Background(), 7); !errors.Is(err, ErrCheck) {
		t.Fatalf("Unscoped: %v, want ErrCheck", err)
	}
}
