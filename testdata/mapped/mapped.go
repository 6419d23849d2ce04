// Package mapped has activities with a Map: a function, a method, one that
// returns only an error and is named with as, a variadic one, a function
// of another package without a context, and one that returns nothing. It declares no workflow
// directive: RegisterWorkflows registers the Maps' child workflows alone.
// Its own workflow code calls a Map before the Map is generated.
package mapped

import (
	"context"
	"errors"
	"strings"
	"time"

	gtemporal "github.com/gathergen/gathergen/temporal"
	"go.temporal.io/sdk/workflow"
)

//go:generate go run github.com/gathergen/gathergen/cmd/gathergen

// Square squares n; it fails for a negative n.
//
//gathergen:activity map
func Square(ctx context.Context, n int) (int, error) {
	if n < 0 {
		return 0, errors.New("negative")
	}
	return n * n, nil
}

// Item is a thing to weigh.
type Item struct {
	Name  string
	Count int
}

// Weight is what an item weighs.
type Weight struct {
	Grams int
	Unit  string
}

// Scales weighs items.
type Scales struct{ Unit string }

// Weigh weighs an item: ten grams per letter of its name, per piece.
//
//gathergen:activity map
func (s *Scales) Weigh(ctx context.Context, item Item) (Weight, error) {
	return Weight{Grams: 10 * len(item.Name) * item.Count, Unit: s.Unit}, nil
}

// Check checks an identifier, which must be in lower case.
//
//gathergen:activity map as Audit
func Check(ctx context.Context, id string) error {
	if id != strings.ToLower(id) {
		return errors.New("not in lower case: " + id)
	}
	return nil
}

// Sum adds numbers: a Map of it takes a slice of them per element.
//
//gathergen:activity map
func Sum(ctx context.Context, ns ...int) (int, error) {
	total := 0
	for _, n := range ns {
		total += n
	}
	return total, nil
}

//gathergen:activity map strconv.Itoa

// Touch marks an identifier as seen; it returns nothing, so its Map gives
// a []struct{}.
//
//gathergen:activity map
func Touch(ctx context.Context, id string) {}

// SumOfSquares is workflow code that squares ns with SquareMap, two
// elements per child workflow, and adds the squares.
func SumOfSquares(ctx workflow.Context, ns []int) (int, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
	squares, err := SquareMap(ctx, ns, gtemporal.MapOptions{ChunkSize: 2})
	total := 0
	for _, sq := range squares {
		total += sq
	}
	return total, err
}

// The package refers to names that gathergen generates before they are
// generated: a Map's name constant, its Mapper and RegisterWorkflows.
var (
	_ = SquareMapWorkflowName
	_ = squareMapper
	_ = RegisterWorkflows
)
