// Package platforms keeps platform code in x_linux.go and x_windows.go,
// and slow code behind //go:build integration: each constraint gets an
// output file of its own, whatever the configuration of the run.
package platforms

import "context"

// Plain builds everywhere.
//
//gathergen:async
func Plain(ctx context.Context, id int) (int, error) { return id * 2, nil }

// Both goes where Sys builds: to the file of each platform that has one.
//
//gathergen:gather Both Plain Sys
