package runtime

import (
	"testing"
)

// Await checks its ctx as every other function that takes one does, whether
// the future has settled or not.
func TestAwaitNilCtxPanicsNamingIt(t *testing.T) {
	for name, f := range map[string]*Future[int]{"pending": NewPromise[int]().Future(), "settled": Resolved(1)} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != "runtime.Future.Await: ctx is nil" {
					t.Fatalf("panic = %v; want the named misuse", r)
				}
			}()
			f.Await(nil) //nolint:staticcheck // the misuse under test
		})
	}
}
