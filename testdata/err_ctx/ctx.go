// Package errctx declares functions with more than one context.Context
// parameter: their wrappers have one context, the task's, to pass.
package errctx

import "context"

// Two takes two contexts.
//
//gathergen:async
func Two(ctx context.Context, id int, parent context.Context) error { return nil }

// Three takes three unnamed contexts.
//
//gathergen:async
func Three(context.Context, context.Context, context.Context) {}

// Pair is an activity that takes two contexts.
//
//gathergen:activity
func Pair(a, b context.Context) error { return nil }
