// Package emit renders models as Go source, with jennifer, formatted as
// format.Source would format it.
//
// It takes a *model.Model and returns the bytes of a file: Gathers for the
// gather file (async wrappers, their result structs and the group
// helpers), Activities for the activity file (name constants, stubs, the
// registration helper and workflow-side group helpers). A large file is
// rendered in chunks, each formatted on a goroutine of its own while the
// next is rendered (format.go). RuntimeHelpers and TemporalHelpers render
// the fixed-arity helpers of the runtime and of the Temporal module.
//
// It knows the model and the type conversion (typecode), never the loader
// or the resolver: every name it writes was decided before.
package emit
