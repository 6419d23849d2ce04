// Package model is the other package named model.
package model

import "context"

// Order is a purchase.
type Order struct{ Total int }

// Merge adds orders.
func Merge(ctx context.Context, orders ...Order) (Order, error) {
	var o Order
	for _, x := range orders {
		o.Total += x.Total
	}
	return o, ctx.Err()
}
