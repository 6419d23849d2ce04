package platforms

import "context"

// Sys is Windows'.
//
//gathergen:async
func Sys(ctx context.Context, id int) (string, error) { return "windows", nil }
