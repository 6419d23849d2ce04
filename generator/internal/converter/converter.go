package converter

import (
	"go/types"
	"reflect"
	"strings"
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
//   - a map whose key is not a string, an integer or a type whose value has
//     MarshalText and whose pointer has UnmarshalText;
//   - an embedded pointer to an unexported struct, which it writes but
//     cannot read back.
//
// The check looks through pointers, slices, arrays (but those of length
// 0, written as []), map values and the fields that encoding/json uses
// (exported, not tagged json:"-", and embedded structs; an embedded
// unexported type that is not a struct is left out). A type whose value,
// as the converter meets it, has MarshalJSON, MarshalText or ProtoReflect
// is trusted as it is. Method sets matter: a parameter or result reaches
// the converter by value, and so does a map's key or value, so that a
// method with a pointer receiver is called only through a pointer, in a
// slice, or on a field or element of such a value. Met by value, a type
// whose marshaler has a pointer receiver is written field by field: it is
// refused when its pointer has an unmarshaler (big.Int, written as {} and
// read back by UnmarshalJSON), and judged by its fields otherwise. The empty interface (any) is
// carried, as JSON values: a number comes back as a float64 and an object as
// a map[string]any.

// CarryProblem returns why the default data converter cannot carry a value
// of type t, written as code of package local sees it ("is chan int, a
// channel, which ...", "is *Job: its field Meta.Done is chan bool, a
// channel, which ...", "is []error: it holds error, an interface ..."), or
// "".
func CarryProblem(t types.Type, local *types.Package) string {
	c := &carrier{seen: map[*types.Named]bool{}}
	bad := c.check(t, nil, false)
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
// holds the fields that led to t, and addressable says whether encoding/json
// meets t where it can take its address (through a pointer, in a slice, or
// a field or element of such a value), and so call a method with a pointer
// receiver. The converter receives a parameter or a result by value: there
// it is not addressable, nor is a map's key or value.
func (c *carrier) check(t types.Type, path []string, addressable bool) *uncarried {
	if named, ok := types.Unalias(t).(*types.Named); ok {
		if c.seen[named] {
			return nil
		}
		c.seen[named] = true
	}
	if _, isIface := t.Underlying().(*types.Interface); !isIface {
		if bad, judged := marshaled(t, path, addressable); judged {
			return bad
		}
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
		return c.check(u.Elem(), path, true)
	case *types.Slice:
		return c.check(u.Elem(), path, true)
	case *types.Array:
		if u.Len() == 0 {
			return nil // written as [], its elements never
		}
		return c.check(u.Elem(), path, addressable)
	case *types.Map:
		if !isJSONKey(u.Key()) {
			return &uncarried{t, "a map whose keys are neither strings, integers nor text marshalers (MarshalText on the key's value, UnmarshalText on its pointer)", path}
		}
		return c.check(u.Elem(), path, false)
	case *types.Struct:
		return c.fields(u, path, addressable)
	}
	return nil
}

// fields checks the fields of a struct that encoding/json writes.
func (c *carrier) fields(u *types.Struct, path []string, addressable bool) *uncarried {
	for i := range u.NumFields() {
		f := u.Field(i)
		if jsonSkips(f, u.Tag(i)) {
			continue
		}
		at := append(path[:len(path):len(path)], f.Name())
		if ptr, ok := f.Type().Underlying().(*types.Pointer); ok && f.Embedded() && !f.Exported() {
			if s, ok := ptr.Elem().Underlying().(*types.Struct); ok && writesAny(s) {
				return &uncarried{f.Type(), "an embedded pointer to an unexported struct, whose fields encoding/json writes but cannot read back (it cannot set the pointer)", at}
			}
		}
		if bad := c.check(f.Type(), at, addressable); bad != nil {
			return bad
		}
	}
	return nil
}

// writesAny reports whether encoding/json writes a field of s.
func writesAny(s *types.Struct) bool {
	for i := range s.NumFields() {
		if !jsonSkips(s.Field(i), s.Tag(i)) {
			return true
		}
	}
	return false
}

// marshalers are the methods with which the data converter writes a value
// itself: MarshalJSON, MarshalText or, for a protocol buffer message,
// ProtoReflect.
var marshalers = []string{"MarshalJSON", "MarshalText", "ProtoReflect"}

// marshaled judges a type that has a marshaler in the method set of *T:
// carried when encoding/json calls it, that is when the value as met has
// it (a method of T, or one of *T where t is addressable). A T met by value
// whose marshaler has a pointer receiver is written field by field, and
// read back by the unmarshaler of *T: refused when it has one (big.Int,
// written as {}), judged by its fields otherwise (judged false).
func marshaled(t types.Type, path []string, addressable bool) (bad *uncarried, judged bool) {
	name := ""
	for _, m := range marshalers {
		if hasMethod(types.NewPointer(t), m) {
			name = m
			break
		}
	}
	if name == "" {
		return nil, false
	}
	if addressable {
		return nil, true
	}
	for _, m := range marshalers {
		if hasMethod(t, m) {
			return nil, true
		}
	}
	if hasMethod(types.NewPointer(t), "UnmarshalJSON") || hasMethod(types.NewPointer(t), "UnmarshalText") {
		return &uncarried{t, "passed by value while its " + name + " has a pointer receiver: encoding/json writes its fields instead, and then reads them back with its unmarshaler (pass a pointer, or give " + name + " a value receiver)", path}, true
	}
	return nil, false
}

// hasMethod reports whether the method set of t has the exported method
// name.
func hasMethod(t types.Type, name string) bool {
	return types.NewMethodSet(t).Lookup(nil, name) != nil
}

// isJSONKey reports whether encoding/json can use t as an object key and
// read it back: a string, an integer, or a type whose value has
// MarshalText and whose pointer has UnmarshalText.
func isJSONKey(t types.Type) bool {
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&(types.IsString|types.IsInteger) != 0 {
		return true
	}
	return hasMethod(t, "MarshalText") && hasMethod(types.NewPointer(t), "UnmarshalText")
}

// jsonSkips reports whether encoding/json leaves a struct field out: an
// unexported field that is not embedded, an embedded one of an unexported
// type that is not a struct (or a pointer to one), or one tagged json:"-".
func jsonSkips(f *types.Var, tag string) bool {
	if reflect.StructTag(tag).Get("json") == "-" {
		return true
	}
	if !f.Embedded() {
		return !f.Exported()
	}
	t := f.Type()
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem()
	}
	_, isStruct := t.Underlying().(*types.Struct)
	return !f.Exported() && !isStruct
}
