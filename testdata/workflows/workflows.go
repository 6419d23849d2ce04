// Package workflows has workflows and a local activity: a workflow that
// gathers an activity and a local activity, one that gathers it as child
// workflows, one named with as, one that returns only an error, and one
// that calls the Map of an activity.
package workflows

import (
	"context"
	"errors"
	"time"

	gtemporal "github.com/gathergen/gathergen/temporal"
	"go.temporal.io/sdk/workflow"
)

//go:generate go run github.com/gathergen/gathergen/cmd/gathergen

// Line is a line of a basket.
type Line struct {
	Item  string
	Count int
}

// Price is an item's price, from a remote service.
//
//gathergen:activity map
func Price(ctx context.Context, item string) (int, error) {
	if item == "" {
		return 0, errors.New("no item")
	}
	return 100 * len(item), nil
}

// Tax is a line's tax, computed by the worker itself.
//
//gathergen:activity local
func Tax(line Line) int { return line.Count * len(line.Item) }

// options sets the options of activities and local activities.
func options(ctx workflow.Context) workflow.Context {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
	return workflow.WithLocalActivityOptions(ctx, workflow.LocalActivityOptions{StartToCloseTimeout: time.Minute})
}

// QuoteLine gathers a line's price and its tax.
//
//gathergen:workflow
func QuoteLine(ctx workflow.Context, line Line) (int, error) {
	ctx = options(ctx)
	price, tax, err := gtemporal.Gather2(ctx, PriceActivity(ctx, line.Item), TaxLocalActivity(ctx, line))
	return line.Count*price + tax, err
}

// QuoteBasket quotes every line as a child workflow and sums the quotes.
//
//gathergen:workflow as Basket
func QuoteBasket(ctx workflow.Context, lines []Line) (int, error) {
	fs := make([]*gtemporal.Future[int], len(lines))
	for i, line := range lines {
		fs[i] = QuoteLineChildWorkflow(ctx, line)
	}
	quotes, err := gtemporal.All(ctx, fs...)
	total := 0
	for _, q := range quotes {
		total += q
	}
	return total, err
}

// Audit returns only an error.
//
//gathergen:workflow
func Audit(ctx workflow.Context, lines []Line) error {
	if len(lines) == 0 {
		return errors.New("empty basket")
	}
	return nil
}

// Prices prices every item with PriceMap, two items per child workflow.
//
//gathergen:workflow
func Prices(ctx workflow.Context, items []string) ([]int, error) {
	return PriceMap(options(ctx), items, gtemporal.MapOptions{ChunkSize: 2})
}
