package runtime

import (
	"context"
	"fmt"
	"testing"
)

// windowInput is an input that counts its reads and checks, at each one,
// that the stream holds fewer than window elements read and not yet
// yielded: yielded is what the loop has received so far.
type windowInput struct {
	t       *testing.T
	window  int
	read    int
	yielded *int
	wrong   bool // the check has failed once: it reports no more
}

// seq returns the input 0, 1, 2, ... without end.
func (w *windowInput) seq(yield func(int) bool) {
	for i := 0; ; i++ {
		if held := w.read - *w.yielded; held >= w.window && !w.wrong {
			w.wrong = true
			w.t.Errorf("element %d read with %d elements held (read, not yet yielded); window %d",
				i, held, w.window)
		}
		w.read++
		if !yield(i) {
			return
		}
	}
}

// Stream reads the next element only when fewer than window are started
// and not yet yielded, and a loop that breaks leaves no element read past
// the window and dropped.
func TestStreamReadsNoElementPastItsWindow(t *testing.T) {
	for _, window := range []int{1, 2, 5} {
		for _, stop := range []int{1, 2, 7, 40} {
			t.Run(fmt.Sprintf("window %d, break after %d", window, stop), func(t *testing.T) {
				for range 50 {
					yielded := 0
					in := &windowInput{t: t, window: window, yielded: &yielded}
					for v, err := range Stream(context.Background(), in.seq, window,
						func(_ context.Context, i int) (int, error) { return i, nil }) {
						if err != nil || v != yielded {
							t.Fatalf("step %d: %d, %v; want %d, nil", yielded, v, err, yielded)
						}
						if yielded++; yielded == stop {
							break
						}
					}
					// The last read came before the last yield, with fewer
					// than window held: stop-1 yielded and window read past them
					// at most.
					if in.read > stop-1+window {
						t.Fatalf("%d elements read for %d yielded; want at most %d",
							in.read, stop, stop-1+window)
					}
				}
			})
		}
	}
}
