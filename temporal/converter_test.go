package gtemporal_test

import (
	"io"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"go.temporal.io/sdk/converter"
)

// The types of TestCarriedAsTheSDKDoes are those that the generator's
// converter check (generator/internal/converter, TestCarryProblem) judges
// by the method set of the value as passed, under the same names: X are
// refused there, V accepted.

type PtrKey struct{ A, B int }

func (k *PtrKey) MarshalText() ([]byte, error) { return []byte{byte('0' + k.A), byte('0' + k.B)}, nil }
func (k *PtrKey) UnmarshalText(b []byte) error {
	k.A, k.B = int(b[0]-'0'), int(b[1]-'0')
	return nil
}

type XPtrJSON struct{ Done chan int }

func (*XPtrJSON) MarshalJSON() ([]byte, error) { return []byte(`{}`), nil }

type inner struct{ A int }

type PtrText struct{ n int }

func (p *PtrText) MarshalText() ([]byte, error) { return []byte{byte('0' + p.n)}, nil }
func (p *PtrText) UnmarshalText(b []byte) error {
	p.n = int(b[0] - '0')
	return nil
}

type reader interface{ Read([]byte) (int, error) }

type (
	XPtrKey     map[PtrKey]int
	VPtrJSON    *XPtrJSON
	XPtrJSONs   map[string]XPtrJSON
	XEmbedPtr   struct{ *inner }
	VEmbedValue struct{ inner }
	XTextField  struct{ At PtrText }
	VTextField  *struct{ At PtrText }
	VBigInt     *big.Int
	VBigInts    []big.Int
	VEmbedIface struct {
		reader
		N int
	}
	VZeroFuncs   struct{ F [0]func() }
	XEmbedReader struct{ io.Reader }
	XBigField    struct{ N big.Int }
)

// roundTrip passes v through the SDK's default data converter, as an
// activity's parameter or result travels, and reports whether it came
// back equal.
func roundTrip(t *testing.T, v any) bool {
	dc := converter.GetDefaultDataConverter()
	payload, err := dc.ToPayload(v)
	if err != nil {
		t.Logf("%T: written with %v", v, err)
		return false
	}
	back := reflect.New(reflect.TypeOf(v))
	if err := dc.FromPayload(payload, back.Interface()); err != nil {
		t.Logf("%T: %s read back with %v", v, payload.GetData(), err)
		return false
	}
	if !reflect.DeepEqual(back.Elem().Interface(), v) {
		t.Logf("%T: %s read back as %+v", v, payload.GetData(), back.Elem().Interface())
		return false
	}
	return true
}

// TestCarriedAsTheSDKDoes confirms with the SDK's real data converter the
// seven cases in which the generator's check was wrong before it judged
// by the value as passed: the X values do not come back as they went,
// the V values do.
func TestCarriedAsTheSDKDoes(t *testing.T) {
	for name, c := range map[string]struct {
		v       any
		carried bool
	}{
		"XPtrKey":       {XPtrKey{{1, 2}: 3}, false},
		"XPtrJSON":      {XPtrJSON{Done: make(chan int)}, false},
		"VPtrJSON":      {VPtrJSON(&XPtrJSON{}), true},
		"XPtrJSONs":     {XPtrJSONs{"a": {}}, false},
		"XEmbedPtr":     {XEmbedPtr{&inner{A: 1}}, false},
		"VEmbedValue":   {VEmbedValue{inner{A: 1}}, true},
		"XTextField":    {XTextField{At: PtrText{n: 4}}, false},
		"VTextField":    {VTextField(&struct{ At PtrText }{At: PtrText{n: 4}}), true},
		"XBigIntValue":  {*big.NewInt(7), false},
		"VBigInt":       {big.NewInt(7), true},
		"VBigInts":      {[]big.Int{*big.NewInt(7)}, true},
		"VEmbedIface":   {VEmbedIface{N: 2}, true},
		"VZeroFuncs":    {VZeroFuncs{}, true},
		"XEmbedReader":  {XEmbedReader{strings.NewReader("x")}, false},
		"XBigField":     {XBigField{N: *big.NewInt(7)}, false},
		"VZeroFuncsSet": {[1]VZeroFuncs{}, true},
	} {
		if got := roundTrip(t, c.v); got != c.carried {
			t.Errorf("%s: carried = %v, want %v", name, got, c.carried)
		}
	}
}
