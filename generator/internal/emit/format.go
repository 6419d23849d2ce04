package emit

import (
	"bytes"
	"go/format"
	"sync"
)

// DeclChunks formats a generated file that was rendered in chunks: the head
// (header, build constraint, package clause and imports), and after it
// chunks of declarations, each formatted on a goroutine of its own from the
// moment it is added, so that formatting one goes on while the next is
// rendered.
//
// The result is what format.Source makes of the whole file, by the shape of
// what emit renders: every declaration is preceded by its doc comment, and
// gofmt prints a declaration the same wherever it stands and puts exactly
// one blank line between a declaration and the next one's doc comment (a
// blank line that column alignment does not cross). So the head is
// formatted as a file, each chunk as a list of declarations (a fragment,
// for format.Source), and they are joined with blank lines. Should any part
// not format, the whole file is formatted at once, so that the error is
// format.Source's own.
type DeclChunks struct {
	wg     sync.WaitGroup
	chunks []*declChunk
}

// declChunk is a chunk of rendered declarations and their formatted text.
type declChunk struct {
	src, out []byte
	err      error
}

// Add starts formatting a chunk of declarations: the text that jennifer
// renders after the imports.
func (d *DeclChunks) Add(src []byte) {
	c := &declChunk{src: src}
	d.chunks = append(d.chunks, c)
	d.wg.Go(func() {
		c.out, c.err = format.Source(c.src)
	})
}

// Format formats head, waits for the chunks and joins them.
func (d *DeclChunks) Format(head []byte) ([]byte, error) {
	out, err := format.Source(head)
	d.wg.Wait()
	size := len(out)
	for _, c := range d.chunks {
		if c.err != nil {
			err = c.err
		}
		size += len(c.out) + 2
	}
	if err != nil {
		whole := head
		for _, c := range d.chunks {
			whole = append(whole, c.src...)
		}
		return format.Source(whole)
	}
	joined := make([]byte, 0, size)
	joined = append(joined, out...)
	for _, c := range d.chunks {
		joined = append(joined, '\n')
		joined = append(joined, bytes.TrimSpace(c.out)...)
		joined = append(joined, '\n')
	}
	return joined, nil
}
