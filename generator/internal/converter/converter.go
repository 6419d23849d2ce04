package converter

import (
	"go/types"
	"reflect"
	"strings"

	"github.com/gathergen/gathergen/generator/internal/goname"
)

// What Temporal's default data converter carries. An activity's arguments
// and result travel as payloads: nil, []byte, protocol buffers (a type with
// a ProtoReflect method) or, for everything else, encoding/json. So a type
// can be carried unless JSON cannot hold it:
//
//   - a channel, a function, an unsafe.Pointer or a complex number, which
//     encoding/json refuses;
//   - an interface with methods (error, io.Reader, ...), which it can write
//     but not read back: it cannot tell which type to make;
//   - a map whose key is not a string, an integer or a type with a
//     MarshalText method.
//
// The check looks through pointers, slices, arrays, map values and the
// fields that encoding/json uses (exported, not tagged json:"-", and those
// of embedded structs); a type with its own MarshalJSON, MarshalText or
// ProtoReflect method is trusted as it is. The empty interface (any) is
// carried, as JSON values: a number comes back as a float64 and an object as
// a map[string]any.

// CarryProblem returns why the default data converter cannot carry a value
// of type t, written as code of package local sees it ("is chan int, a
// channel, which ...", "is *Job: its field Meta.Done is chan bool, a
// channel, which ...", "is []error: it holds error, an interface ..."), or
// "".
func CarryProblem(t types.Type, local *types.Package) string {
	c := &carrier{seen: map[*types.Named]bool{}}
	bad := c.check(t, nil)
	if bad == nil {
		return ""
	}
	qualifier := func(pkg *types.Package) string {
		if pkg == local {
			return ""
		}
		return pkg.Name()
	}
	msg := "is " + types.TypeString(t, qualifier)
	switch {
	case len(bad.path) > 0:
		msg += ": its field " + strings.Join(bad.path, ".") + " is " + types.TypeString(bad.t, qualifier)
	case bad.t != t:
		msg += ": it holds " + types.TypeString(bad.t, qualifier)
	}
	return msg + ", " + bad.what + ", which Temporal's default data converter cannot carry"
}

// carrier walks a type for CarryProblem; seen holds the named types on the
// way, which a recursive type meets again.
type carrier struct {
	seen map[*types.Named]bool
}

// uncarried is a type that cannot be carried, what it is, and the fields
// that lead to it.
type uncarried struct {
	t    types.Type
	what string
	path []string
}

// check returns the first part of t that cannot be carried, or nil; path
// holds the fields that led to t.
func (c *carrier) check(t types.Type, path []string) *uncarried {
	if named, ok := types.Unalias(t).(*types.Named); ok {
		if c.seen[named] {
			return nil
		}
		c.seen[named] = true
	}
	if _, isIface := t.Underlying().(*types.Interface); !isIface && marshalsItself(t) {
		return nil
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsComplex != 0:
			return &uncarried{t, "a complex number", path}
		case u.Kind() == types.UnsafePointer:
			return &uncarried{t, "an unsafe pointer", path}
		}
	case *types.Chan:
		return &uncarried{t, "a channel", path}
	case *types.Signature:
		return &uncarried{t, "a function", path}
	case *types.Interface:
		if !u.Empty() {
			return &uncarried{t, "an interface with methods (JSON cannot tell which type to read back)", path}
		}
	case *types.Pointer:
		return c.check(u.Elem(), path)
	case *types.Slice:
		return c.check(u.Elem(), path)
	case *types.Array:
		return c.check(u.Elem(), path)
	case *types.Map:
		if !isJSONKey(u.Key()) {
			return &uncarried{t, "a map whose keys are neither strings, integers nor text marshalers", path}
		}
		return c.check(u.Elem(), path)
	case *types.Struct:
		for i := range u.NumFields() {
			f := u.Field(i)
			if jsonSkips(f, u.Tag(i)) {
				continue
			}
			if bad := c.check(f.Type(), append(path[:len(path):len(path)], f.Name())); bad != nil {
				return bad
			}
		}
	}
	return nil
}

// marshalsItself reports whether t, or a pointer to it, has a method with
// which the data converter writes it: MarshalJSON, MarshalText or, for a
// protocol buffer message, ProtoReflect.
func marshalsItself(t types.Type) bool {
	for _, name := range []string{"MarshalJSON", "MarshalText", "ProtoReflect"} {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name); goname.IsFunc(obj) {
			return true
		}
	}
	return false
}

// isJSONKey reports whether encoding/json can use t as an object key: a
// string, an integer or a text marshaler.
func isJSONKey(t types.Type) bool {
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&(types.IsString|types.IsInteger) != 0 {
		return true
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "MarshalText")
	return goname.IsFunc(obj)
}

// jsonSkips reports whether encoding/json leaves a struct field out: an
// unexported field that is not embedded, or one tagged json:"-".
func jsonSkips(f *types.Var, tag string) bool {
	return (!f.Exported() && !f.Embedded()) || reflect.StructTag(tag).Get("json") == "-"
}
