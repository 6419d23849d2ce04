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

// chunks cuts in into chunks of at most size elements whose encoding,
// with a task's overhead, stays under maxInputBytes. It encodes a chunk of
// size elements as one slice, and only when that is too large each of its
// elements alone, to cut the chunk where it fills up: one encoding per
// chunk keeps the calling workflow's task short (a million small elements
// take some tens of milliseconds, not the seconds of one encoding each,
// which the SDK's deadlock detector would stop). It fails, naming the
// element's index in the whole input and its size, when one element alone
// does not fit. Once a chunk has been cut where it filled up, the next one
// most likely will be too: it is filled element by element at once, so
// that large elements are not encoded again in slices too large to carry.
// The chunks are the same either way, as fill counts a slice's bytes as
// its encoding has them.
func (p *plan[In, Out, R]) chunks(in []In, first, size int) ([]span, error) {
	var chunks []span
	cut := false // the chunk before was cut where it filled up
	for lo := 0; lo < len(in); {
		hi := min(lo+size, len(in))
		end, n := hi, 0
		var err error
		if !cut {
			if n, err = encodedSize(in[lo:hi]); err != nil {
				return nil, fmt.Errorf("gtemporal: %s: elements %d to %d: %w", p.name, first+lo, first+hi-1, err)
			}
		}
		if cut || n+taskOverhead > maxInputBytes {
			if end, n, err = p.fill(in, first, lo, hi); err != nil {
				return nil, err
			}
		}
		cut = end < hi
		chunks = append(chunks, span{lo: lo, hi: end, bytes: n, leaf: true})
		lo = end
	}
	return chunks, nil
}

// fill returns the end of the chunk that starts at lo, before hi, that
// holds as many elements as fit under maxInputBytes, and the size of
// their slice's encoding, by encoding each element alone: the slice's
// brackets and each element with its separator (see elementSize).
func (p *plan[In, Out, R]) fill(in []In, first, lo, hi int) (int, int, error) {
	total := 1 // the brackets, beyond one separator per element
	for i := lo; i < hi; i++ {
		n, err := elementSize(in[i])
		if err != nil {
			return 0, 0, fmt.Errorf("gtemporal: %s: element %d: %w", p.name, first+i, err)
		}
		if total+n+taskOverhead > maxInputBytes {
			if i == lo {
				return 0, 0, fmt.Errorf("gtemporal: %s: element %d encodes to %d bytes in a chunk of its own, "+
					"over the %d bytes that one child's input may hold", p.name, first+i, total+n, maxInputBytes-taskOverhead)
			}
			return i, total, nil
		}
		total += n
	}
	return hi, total, nil
}

// encodedSize returns the size of v's payload under the default data
// converter.
func encodedSize(v any) (int, error) {
	p, err := converter.GetDefaultDataConverter().ToPayload(v)
	if err != nil {
		return 0, err
	}
	return len(p.GetData()), nil
}

// elementSize returns what v adds to the encoding of a slice that holds
// it: its payload's data under the default data converter (base64 and
// quotes when the converter wrote it as bytes, null for nil), and a
// separator.
func elementSize(v any) (int, error) {
	p, err := converter.GetDefaultDataConverter().ToPayload(v)
	if err != nil {
		return 0, err
	}
	n := len(p.GetData())
	switch string(p.GetMetadata()[converter.MetadataEncoding]) {
	case converter.MetadataEncodingBinary:
		n = (n+2)/3*4 + 2
	case converter.MetadataEncodingNil:
		n = len("null")
	}
	return n + 1, nil
}

// fits returns nil when v (what a child returns, or carries to its next
// run) encodes to at most maxResultBytes; otherwise the non-retryable
// error that says what to do. first and n name the child's elements; what
// names v.
func (p *plan[In, Out, R]) fits(v any, first, n int, what string) error {
	size, err := encodedSize(v)
	if err != nil {
		return err
	}
	if size > maxResultBytes {
		return temporal.NewNonRetryableApplicationError(fmt.Sprintf(
			"gtemporal: %s: the %s of elements %d to %d encode to %d bytes, over %d: "+
				"use a smaller ChunkSize, or a Reducer to fold the results in the children",
			p.name, what, first, first+n-1, size, maxResultBytes), MapResultTooLargeType, nil)
	}
	return nil
}
