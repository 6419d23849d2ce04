package converter

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// carrySource declares the types of TestCarryProblem: V<name> are carried,
// X<name> are not.
const carrySource = `package p

import (
	"io"
	"math/big"
)

type Tree struct{ Kids []Tree; Up *Tree }
type Stamp struct{ f func() }
func (Stamp) MarshalJSON() ([]byte, error) { return nil, nil }
type Key struct{ A, B int }
func (Key) MarshalText() ([]byte, error) { return nil, nil }
func (*Key) UnmarshalText([]byte) error { return nil }
type Msg struct{ Oneof interface{ isOneof() } }
func (*Msg) ProtoReflect() int { return 0 }
type hidden struct{ Done chan int }
type Marshaler interface{ MarshalJSON() ([]byte, error) }

// the cases of TestCarriedAsTheSDKDoes in the temporal module, by its names
type PtrKey struct{ A, B int }
func (*PtrKey) MarshalText() ([]byte, error) { return nil, nil }
func (*PtrKey) UnmarshalText([]byte) error { return nil }
type XPtrJSON struct{ Done chan int }
func (*XPtrJSON) MarshalJSON() ([]byte, error) { return nil, nil }
type inner struct{ A int }
type PtrText struct{ n int }
func (*PtrText) MarshalText() ([]byte, error) { return nil, nil }
func (*PtrText) UnmarshalText([]byte) error { return nil }
type reader interface{ Read([]byte) (int, error) }

type (
	VTree      Tree
	VAny       any
	VEmpty     interface{}
	VMap       map[int8]string
	VTextKey   map[Key]int
	VStamp     []Stamp
	VProto     *Msg
	VSkipped   struct{ F func() ` + "`json:\"-\"`" + `; g chan int }
	VArray     [4]*[]map[string]uint64
	VBytes     []byte

	XChan      chan int
	XFunc      func()
	XComplex   complex64
	XIface     interface{ M() }
	XError     []error
	XMarshaler Marshaler
	XBoolKey   map[bool]int
	XFloatKey  map[float64]int
	XEmbedded  struct{ hidden }
	XDeep      struct{ A struct{ B [2]map[string]func() } }

	XPtrKey       map[PtrKey]int
	VPtrJSON      *XPtrJSON
	VPtrJSONs     []XPtrJSON
	XPtrJSONs     map[string]XPtrJSON
	XEmbedPtr     struct{ *inner }
	VEmbedValue   struct{ inner }
	XTextField    struct{ At PtrText }
	VTextField    *struct{ At PtrText }
	VBigInt       *big.Int
	VBigInts      []big.Int
	VEmbedIface   struct{ reader; N int }
	VZeroFuncs    struct{ F [0]func() }
	XEmbedReader  struct{ io.Reader }
	XBigField     struct{ N big.Int }
)
`

// TestCarryProblem checks which types the check lets through to the data
// converter, and that a problem names the field that leads to it.
func TestCarryProblem(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", carrySource, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range pkg.Scope().Names() {
		if name[0] != 'V' && name[0] != 'X' {
			continue
		}
		got := CarryProblem(pkg.Scope().Lookup(name).Type(), pkg)
		if (got == "") != (name[0] == 'V') {
			t.Errorf("carryProblem(%s) = %q", name, got)
		}
	}
	bigInt := pkg.Scope().Lookup("VBigInt").Type().Underlying().(*types.Pointer).Elem()
	if got := CarryProblem(bigInt, pkg); !strings.Contains(got, "is big.Int, passed by value while its MarshalJSON has a pointer receiver") {
		t.Errorf("carryProblem(big.Int) = %q", got)
	}
	for name, want := range map[string]string{
		"XEmbedded":  "is XEmbedded: its field hidden.Done is chan int, a channel, which Temporal's default data converter cannot carry",
		"XDeep":      "is XDeep: its field A.B is func(), a function, which",
		"XBoolKey":   "is XBoolKey, a map whose keys are neither strings, integers nor text marshalers (MarshalText",
		"XPtrKey":    "is XPtrKey, a map whose keys are neither",
		"XEmbedPtr":  "its field inner is *inner, an embedded pointer to an unexported struct",
		"XTextField": "its field At is PtrText, passed by value while its MarshalText has a pointer receiver",
		"XBigField":  "its field N is big.Int, passed by value while its MarshalJSON has a pointer receiver",
		"XError":     "is XError: it holds error, an interface with methods",
		"XChan":      "is XChan, a channel, which",
	} {
		got := CarryProblem(pkg.Scope().Lookup(name).Type(), pkg)
		if !strings.Contains(got, want) {
			t.Errorf("carryProblem(%s) = %q, want one that says %q", name, got, want)
		}
	}
}
