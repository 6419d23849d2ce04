//go:build integration

package platforms

import "context"

// Slow runs only with the integration tag.
//
//gathergen:async
func Slow(ctx context.Context, id int) (int, error) { return id, nil }

// Checked goes where Slow builds.
//
//gathergen:gather Checked Plain Slow
