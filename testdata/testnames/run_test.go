package testnames

import (
	stdctx "context"
	"testing"
)

// context and runtime are names of the package while it is tested.
func context() stdctx.Context { return stdctx.Background() }

var runtime = "not a package"

// ctx and n are names that the wrapper's parameters may take all the same:
// generated code never refers to what only test files declare.
var ctx, n = "not a context", 0

func TestCount(t *testing.T) {
	if n, err := CountAsync(context(), 3).Await(context()); err != nil || n != 3 || runtime == "" || ctx == "" {
		t.Fatalf("Count = %d, %v", n, err)
	}
}
