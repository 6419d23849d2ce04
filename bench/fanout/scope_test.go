//go:build unix

package fanout

import (
	"context"
	"slices"
	"testing"
)

// The scoped fan-outs return what the others do.
func TestScopedFanouts(t *testing.T) {
	want, _ := Floor(context.Background(), 64)
	for name, run := range map[string]func(context.Context, int) ([]int, error){"ScopeAll": ScopeAll, "ScopeAllWith": ScopeAllWith, "ScopeMap": ScopeMap, "CancelAllWith": CancelAllWith} {
		if got, err := run(context.Background(), 64); err != nil || !slices.Equal(got, want) {
			t.Errorf("%s = %v, %v; want %v", name, got, err, want)
		}
	}
}

// BenchmarkScopePaired measures All over Go and over GoWith inside a
// runtime.Scope against errgroup in turn (see package pair): both wait for
// every task before they return. x-base is the scoped fan-out's wall time
// over errgroup's, cpu-x-base its CPU time. All and AllWith alone, and
// AllWith under the kind of context a scope makes (CancelAllWith), are
// measured in the same run, so that the scope's own part can be told
// from theirs. Map inside a scope, and alone, is the scoped fan-out with
// no future per task.
func BenchmarkScopePaired(b *testing.B) {
	pairEach(b, context.Background(), []Impl{
		{"scope-all", ScopeAll}, {"scope-allwith", ScopeAllWith}, {"all", All}, {"allwith", AllWith},
		{"cancel-allwith", CancelAllWith}, {"scope-map", ScopeMap}, {"map", Map},
	})
}

// BenchmarkScopeCancellablePaired is BenchmarkScopePaired's scoped
// fan-outs under a caller's context that can end, as a request's can,
// against errgroup under the same context: a gather in the scope's body
// then selects on the scope context's Done channel, where under
// context.Background the scope itself wakes it.
func BenchmarkScopeCancellablePaired(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pairEach(b, ctx, []Impl{{"scope-all", ScopeAll}, {"scope-allwith", ScopeAllWith}})
}
