package runtime

import (
	"errors"
	"testing"
)

// Tests of promises that must hold under every interleaving run their
// scenario stressRuns times, so that a promise broken once in a thousand
// runs fails them (run them under -race).
const stressRuns = 2000

var (
	errFirst = errors.New("A, first")
	errAfter = errors.New("B, after A")
	errStop  = errors.New("stopped by the caller")
)

// wantSlot fails t unless err is a *TaskError for slot i.
func wantSlot(t *testing.T, run int, err error, i int) {
	t.Helper()
	var te *TaskError
	if !errors.As(err, &te) || te.Index != i {
		t.Fatalf("run %d: err = %v; want the failure of task %d", run, err, i)
	}
}
