// Package errmapworkflow has Maps whose child workflows would be
// registered under the name of a workflow of the package.
package errmapworkflow

import (
	"context"

	"go.temporal.io/sdk/workflow"
)

// Fetch has a Map, FetchMap.
//
//gathergen:activity map
func Fetch(ctx context.Context, id int) (string, error) { return "", nil }

// Load is a workflow registered under the name of Fetch's Map.
//
//gathergen:workflow as FetchMap
func Load(ctx workflow.Context, ids []int) ([]string, error) { return nil, nil }

// Price has a Map, PriceMap.
//
//gathergen:activity map
func Price(ctx context.Context, item string) (int, error) { return 0, nil }

// PriceMap is a workflow whose function has the name of Price's Map.
//
//gathergen:workflow
func PriceMap(ctx workflow.Context, items []string) ([]int, error) { return nil, nil }
