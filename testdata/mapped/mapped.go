// Package mapped has activities with a Map: a function, a method, one that
// returns only an error and is named with as, a variadic one, and a
// function of another package without a context. It declares no workflow: RegisterWorkflows
// registers the Maps' child workflows alone.
package mapped

import (
	"context"
	"errors"
	"strings"
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
