package converter

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// carrySource declares the types of TestCarryProblem: V<name> are carried,
// X<name> are not.
const carrySource = `package p

type Tree struct{ Kids []Tree; Up *Tree }
type Stamp struct{ f func() }
func (Stamp) MarshalJSON() ([]byte, error) { return nil, nil }
type Key struct{ A, B int }
func (Key) MarshalText() ([]byte, error) { return nil, nil }
type Msg struct{ Oneof interface{ isOneof() } }
func (*Msg) ProtoReflect() int { return 0 }
type hidden struct{ Done chan int }
type Marshaler interface{ MarshalJSON() ([]byte, error) }

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
	pkg, err := new(types.Config).Check("p", fset, []*ast.File{f}, nil)
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
	for name, want := range map[string]string{
		"XEmbedded": "is XEmbedded: its field hidden.Done is chan int, a channel, which Temporal's default data converter cannot carry",
		"XDeep":     "is XDeep: its field A.B is func(), a function, which",
		"XBoolKey":  "is XBoolKey, a map whose keys are neither strings, integers nor text marshalers, which",
		"XError":    "is XError: it holds error, an interface with methods",
		"XChan":     "is XChan, a channel, which",
	} {
		got := CarryProblem(pkg.Scope().Lookup(name).Type(), pkg)
		if !strings.Contains(got, want) {
			t.Errorf("carryProblem(%s) = %q, want one that says %q", name, got, want)
		}
	}
}
