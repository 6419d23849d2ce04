// Package activities has activities of every form: functions with and
// without a context, methods of pointer and value receivers, functions of
// other packages, every kind of result, a variadic function, names given
// with as, and groups of activities.
package activities

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"
)

//go:generate go run github.com/gathergen/gathergen/cmd/gathergen

// User is a user.
type User struct {
	ID   int
	Name string
	// Joined marshals itself.
	Joined time.Time
	// cache is not carried: encoding/json leaves unexported fields out.
	cache chan int
	// Notify is not carried either: its tag leaves it out.
	Notify func() `json:"-"`
}

// Order is an order.
type Order struct {
	ID    int
	Items map[string]int
}

// FetchUser loads a user.
//
//gathergen:activity
func FetchUser(ctx context.Context, id int) (User, error) {
	if id < 0 {
		return User{}, errors.New("no such user")
	}
	return User{ID: id, Name: "user" + strconv.Itoa(id)}, nil
}

// Client is a client.
type Client struct{ Prefix string }

// FetchOrders loads a user's orders.
//
//gathergen:activity
func (c *Client) FetchOrders(ctx context.Context, id int) ([]Order, error) {
	return []Order{{ID: id, Items: map[string]int{c.Prefix: 1}}}, nil
}

// Clock is a value receiver.
type Clock struct{ Offset time.Duration }

// Shift shifts a duration, without a context.
//
//gathergen:activity as ShiftBy
func (c Clock) Shift(d time.Duration) (time.Duration, error) {
	return c.Offset + d, nil
}

// Double returns a value and no error.
//
//gathergen:activity
func Double(n int) int { return 2 * n }

// Store fails or not.
//
//gathergen:activity
func Store(ctx context.Context, fail bool) error {
	if fail {
		return errors.New("store failed")
	}
	return nil
}

// Touch returns nothing.
//
//gathergen:activity
func Touch() {}

// NotFound is an error type.
type NotFound struct{ Key string }

// Error implements error.
func (e *NotFound) Error() string { return "not found: " + e.Key }

// Lookup returns a concrete error type: a nil *NotFound is no failure.
//
//gathergen:activity
func Lookup(key string) (string, *NotFound) {
	if key == "" {
		return "", &NotFound{Key: key}
	}
	return strings.ToUpper(key), nil
}

// Sum is variadic.
//
//gathergen:activity
func Sum(ctx context.Context, label string, ns ...int) (string, error) {
	total := 0
	for _, n := range ns {
		total += n
	}
	return label + strconv.Itoa(total), nil
}

// Echo takes parameters named like the imports of the generated file, and
// an empty interface, which travels as JSON values.
//
//gathergen:activity
func Echo(workflow string, activity int, worker any) (string, error) {
	return workflow + strconv.Itoa(activity), nil
}

// Label takes its context after its value: the activity's context goes
// there.
//
//gathergen:activity
func Label(n int, ctx context.Context) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	return "n" + strconv.Itoa(n), nil
}

//gathergen:activity strconv.Atoi

//gathergen:activity strings.Repeat as RepeatText

// path is imported by no file of the package.
//
//gathergen:activity path.Base as BaseName

//gathergen:gather LoadPage FetchUser Client.FetchOrders

//gathergen:gather -scoped ScopedPage FetchUser Client.FetchOrders

//gathergen:gather Tally Double Clock.Shift Sum
