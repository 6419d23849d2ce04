package generator

import (
	"bytes"
	"go/format"
	"sync"
)

// minChunk is the least source, in bytes, worth formatting on a goroutine of
// its own: below it, starting the goroutine and parsing the chunk apart
// cost more than they save.
const minChunk = 32 << 10

// formatChunks formats src, a file that emit rendered with jennifer, as
// format.Source does, in at most n chunks of top-level declarations
// formatted at the same time.
//
// It relies on the shape of what emit renders: after the imports, every
// declaration is preceded by a one-line doc comment, and no other line
// starts with //, as string literals are quoted and comments appear only
// at top level. Gofmt prints a declaration the same wherever it stands, and
// puts one blank line between a declaration and the next one's doc comment
// (column alignment does not reach across that blank line); so the first
// chunk, holding the header, package clause and imports, is formatted as a
// file, each other chunk as a list of declarations, and they are joined
// with a blank line. Should a chunk not format, src is formatted whole, so
// that the error is format.Source's own.
func formatChunks(src []byte, n int) ([]byte, error) {
	cuts := chunkCuts(src, n)
	if len(cuts) == 0 {
		return format.Source(src)
	}
	bounds := append(append([]int{0}, cuts...), len(src))
	out := make([][]byte, len(bounds)-1)
	errs := make([]error, len(out))
	var wg sync.WaitGroup
	for i := range out {
		wg.Go(func() {
			out[i], errs[i] = format.Source(src[bounds[i]:bounds[i+1]])
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return format.Source(src)
		}
	}
	size := 0
	for _, b := range out {
		size += len(b) + 2
	}
	joined := make([]byte, 0, size)
	joined = append(joined, out[0]...)
	for _, b := range out[1:] {
		joined = append(joined, '\n')
		joined = append(joined, bytes.TrimSpace(b)...)
		joined = append(joined, '\n')
	}
	return joined, nil
}

// chunkCuts returns where to cut src into at most n chunks of about the same
// size: offsets of the newlines that end the line before a doc comment of a
// top-level declaration. It returns none when src has no such comment, or n
// is below 2.
func chunkCuts(src []byte, n int) []int {
	if n < 2 {
		return nil
	}
	pkg := bytes.Index(src, []byte("\npackage "))
	if pkg < 0 {
		return nil
	}
	var cuts []int
	target := len(src) / n
	last := 0
	comment := []byte("\n//")
	for i := pkg + 1; ; {
		j := bytes.Index(src[i:], comment)
		if j < 0 {
			break
		}
		at := i + j
		i = at + 1
		prev := bytes.LastIndexByte(src[:at], '\n') + 1
		if bytes.HasPrefix(src[prev:at], []byte("//")) {
			continue // the comment goes on: no cut inside it
		}
		if at-last >= target && len(src)-at >= target/2 && len(cuts) < n-1 {
			cuts = append(cuts, at)
			last = at
		}
	}
	return cuts
}
