package gtemporal

import (
	"fmt"

	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/temporal"
)

// The payload bounds of a Map: Temporal refuses a payload over 2 MB.
const (
	// maxInputBytes is the most that the elements of one child's task may
	// encode to.
	maxInputBytes = 1 << 20
	// maxResultBytes is the most that a child's result (or, on
	// continue-as-new, its task) may encode to.
	maxResultBytes = 3 << 19
	// taskOverhead is what a task holds besides its elements: indices and
	// options, with room to spare.
	taskOverhead = 4 << 10
)

// MapResultTooLargeType is the type of the non-retryable
// *temporal.ApplicationError with which a child of a Map or a Reduce fails
// when its results (a leaf's, a branch's combined ones, or what a leaf
// carries when it continues as new) encode to more than 1.5 MiB.
const MapResultTooLargeType = "gathergen.MapResultTooLarge"

// span is a range [lo, hi) of a task's elements that one child runs, as a
// leaf or as a branch.
type span struct {
	lo, hi int
	bytes  int // the encoded size of the elements
	leaf   bool
}

// split cuts in (whose first element has the index first in the whole
// input) into the parts that one run starts as children: its chunks, as
// leaves, when there are at most o.Fanout of them; otherwise at most
// o.Fanout runs of whole chunks, each a branch (a leaf when it is one
// chunk), each under maxInputBytes. It fails when an element alone, or the
// whole of in, is too large to be carried.
func (p *plan[In, Out, R]) split(in []In, first int, o MapOptions) ([]span, error) {
	chunks, err := p.chunks(in, first, o.ChunkSize)
	if err != nil {
		return nil, err
	}
	if len(chunks) <= o.Fanout {
		return chunks, nil
	}
	per := (len(chunks) + o.Fanout - 1) / o.Fanout
	var parts []span
	count := 0 // the chunks of the last part
	for _, c := range chunks {
		last := len(parts) - 1
		if last >= 0 && count < per && parts[last].bytes+c.bytes+taskOverhead <= maxInputBytes {
			parts[last].hi, parts[last].bytes, parts[last].leaf = c.hi, parts[last].bytes+c.bytes, false
			count++
			continue
		}
		parts = append(parts, c)
		count = 1
	}
	if len(parts) > o.Fanout {
		total := 0
		for _, c := range chunks {
			total += c.bytes
		}
		return nil, fmt.Errorf("gtemporal: %s: elements %d to %d encode to %d bytes, more than %d children "+
			"of at most %d bytes each can carry: raise Fanout, or split the input over several calls",
			p.name, first, first+len(in)-1, total, o.Fanout, maxInputBytes-taskOverhead)
	}
	return parts, nil
}

// chunks cuts in into chunks of at most size elements whose encoded
// elements, with a task's overhead, stay under maxInputBytes. It fails,
// naming the element's index in the whole input and its size, when one
// element alone does not fit.
func (p *plan[In, Out, R]) chunks(in []In, first, size int) ([]span, error) {
	var chunks []span
	for i, v := range in {
		n, err := elementSize(v)
		if err != nil {
			return nil, fmt.Errorf("gtemporal: %s: element %d: %w", p.name, first+i, err)
		}
		if n+taskOverhead > maxInputBytes {
			return nil, fmt.Errorf("gtemporal: %s: element %d encodes to %d bytes, over the %d bytes "+
				"that one child's input may hold", p.name, first+i, n, maxInputBytes-taskOverhead)
		}
		last := len(chunks) - 1
		if last >= 0 && chunks[last].hi-chunks[last].lo < size &&
			chunks[last].bytes+n+taskOverhead <= maxInputBytes {
			chunks[last].hi++
			chunks[last].bytes += n
			continue
		}
		chunks = append(chunks, span{lo: i, hi: i + 1, bytes: n, leaf: true})
	}
	return chunks, nil
}

// elementSize returns what v adds to a task's encoding: its payload's data
// under the default data converter, base64-encoded when the converter
// wrote it as bytes, and a separator.
func elementSize(v any) (int, error) {
	p, err := converter.GetDefaultDataConverter().ToPayload(v)
	if err != nil {
		return 0, err
	}
	n := len(p.GetData())
	if string(p.GetMetadata()[converter.MetadataEncoding]) == converter.MetadataEncodingBinary {
		n = (n+2)/3*4 + 2 // base64 and quotes inside the task's JSON
	}
	return n + 1, nil
}

// fits returns nil when v (what a child returns, or carries to its next
// run) encodes to at most maxResultBytes; otherwise the non-retryable
// error that says what to do. first and n name the child's elements; what
// names v.
func (p *plan[In, Out, R]) fits(v any, first, n int, what string) error {
	pl, err := converter.GetDefaultDataConverter().ToPayload(v)
	if err != nil {
		return err
	}
	if size := len(pl.GetData()); size > maxResultBytes {
		return temporal.NewNonRetryableApplicationError(fmt.Sprintf(
			"gtemporal: %s: the %s of elements %d to %d encode to %d bytes, over %d: "+
				"use a smaller ChunkSize, or a Reducer to fold the results in the children",
			p.name, what, first, first+n-1, size, maxResultBytes), MapResultTooLargeType, nil)
	}
	return nil
}
