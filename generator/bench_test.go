package generator

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkGenerate times Generate, load included, on a package of 1,000
// async functions, the size of the package that bench/cmd/genbench times
// against stringer. It is there to profile the generator:
//
//	go test -run=NONE -bench=Generate -cpuprofile=cpu.out ./generator
//	go tool pprof -top generator.test cpu.out
func BenchmarkGenerate(b *testing.B) {
	var src strings.Builder
	src.WriteString("package p\n\nimport \"context\"\n")
	for i := range 1000 {
		fmt.Fprintf(&src, "\n//gathergen:async\nfunc F%04d(ctx context.Context, n int, s string) (int, error) { return n + len(s), ctx.Err() }\n", i)
	}
	dir, env := tempModule(b, map[string]string{"p.go": src.String()})
	cfg := Config{Dir: dir, Env: env}
	b.ReportAllocs()
	for b.Loop() {
		res, err := Generate(cfg)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Diagnostics) > 0 || len(res.Files) != 1 {
			b.Fatalf("diagnostics %v, %d files", res.Diagnostics, len(res.Files))
		}
	}
}
