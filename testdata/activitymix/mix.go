// Package activitymix has async functions and activities: each kind goes
// to its own file, and so does each kind of group.
package activitymix

import "context"

// Local runs in-process.
//
//gathergen:async
func Local(ctx context.Context, id int) (string, error) { return "local", nil }

// Near runs in-process too.
//
//gathergen:async
func Near(ctx context.Context, id int) (int, error) { return id, nil }

// Remote runs on a worker.
//
//gathergen:activity
func Remote(ctx context.Context, id int) (string, error) { return "remote", nil }

// Far runs on a worker too.
//
//gathergen:activity
func Far(ctx context.Context, id int) (int, error) { return id, nil }

//gathergen:gather Here Local Near

//gathergen:gather There Remote Far
