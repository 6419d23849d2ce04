package platforms

import "context"

// Sys is Linux's.
//
//gathergen:async
func Sys(ctx context.Context, id int) (string, error) { return "linux", nil }
