package directive

import (
	"strings"

	"github.com/gathergen/gathergen/generator/internal/goname"
)

// RegisterName is the registration helper of a package's activities.
const RegisterName = "RegisterActivities"

// ReceiversName is the struct in which RegisterName takes the values whose
// methods are activities, one field per type.
const ReceiversName = "ActivityReceivers"

// ActivityBase is the base of an activity's generated identifiers and the
// name it is registered under: NAME of "as NAME", Type+Method for a method
// (ShippingQuote), the function's name otherwise (Atoi for strconv.Atoi).
// It never holds a dot, as Temporal's replay compares only the part of a
// name after its last dot.
func ActivityBase(spec *AsyncSpec, fn, recv string) string {
	if spec.As.Text != "" {
		return spec.As.Text
	}
	if recv != "" {
		return recv + goname.UpperFirst(fn)
	}
	return fn
}

// StubName names an activity's stub: Base+"Activity", or
// Base+"LocalActivity" for a local activity.
func StubName(base string, local bool) string {
	if local {
		return base + "LocalActivity"
	}
	return base + "Activity"
}

// ConstName names the constant that holds an activity's registered name.
func ConstName(base string) string { return base + "ActivityName" }

// WrapperName is the name of the wrapper a directive asks for.
func WrapperName(spec *AsyncSpec, fn string) string {
	if spec.As.Text != "" {
		return spec.As.Text
	}
	return fn + "Async"
}

// StructName is the name of the struct that holds several results: the
// receiver's type name, then the wrapper's name with Result for Async
// (SplitAsync: SplitResult; Client.SplitAsync: ClientSplitResult).
func StructName(recv, wrapper string) string {
	base := strings.TrimSuffix(wrapper, "Async")
	if recv != "" {
		base = recv + goname.UpperFirst(base)
	}
	return base + "Result"
}

// MapName names the Map of an activity, Base+"Map": the function that
// runs it over a slice, and the name under which its child workflow is
// registered (gtemporal.NewMapper registers it there).
func MapName(base string) string { return base + "Map" }

// MapperName names the variable that holds the gtemporal.Mapper of an
// activity's Map: fetchUserMapper for FetchUser.
func MapperName(base string) string { return goname.LowerFirst(base) + "Mapper" }
