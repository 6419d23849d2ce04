// Package workflow is a stub of the Temporal SDK's workflow package for the
// analyzer's tests: only what the gtemporal stub needs.
package workflow

// Context is the context of workflow code.
type Context interface {
	Value(key any) any
}
