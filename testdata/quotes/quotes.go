// Package quotes has two methods of one name on two types, both
// activities: their registered names must differ after their last dot,
// the only part that Temporal's replay compares.
package quotes

import "context"

// Shipping quotes the shipping of a parcel.
type Shipping struct{ PerKilo int }

// Quote is the shipping's price.
//
//gathergen:activity
func (s *Shipping) Quote(ctx context.Context, kilos int) (int, error) { return s.PerKilo * kilos, nil }

// Insurance quotes the insurance of a parcel.
type Insurance struct{ PerKilo int }

// Quote is the insurance's price.
//
//gathergen:activity
func (i *Insurance) Quote(ctx context.Context, kilos int) (int, error) { return i.PerKilo * kilos, nil }

//gathergen:gather QuoteBoth Shipping.Quote Insurance.Quote
