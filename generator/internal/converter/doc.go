// Package converter checks that Temporal's default data converter can
// carry a type: an activity's parameters and results cross the wire as
// JSON (or as protobuf messages), so that channels, functions and
// unexported fields would be lost or refused at run time.
//
// CarryProblem takes a type and returns why it cannot be carried, naming
// the path to the part that cannot (field, element, key), or "".
package converter
