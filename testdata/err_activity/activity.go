// Package erractivity has activity directives that Temporal could not run,
// and groups that cannot be made of them.
package erractivity

import (
	"context"
	"io"
	"strconv"
	"unsafe"
)

// Map is generic.
//
//gathergen:activity
func Map[T any](ctx context.Context, v T) (T, error) { return v, nil }

// Box is a generic type.
type Box[T any] struct{ V T }

// Get is a method of a generic type.
//
//gathergen:activity
func (b *Box[T]) Get(ctx context.Context) (T, error) { return b.V, nil }

// Wait takes a channel.
//
//gathergen:activity
func Wait(ctx context.Context, done chan struct{}) error { return nil }

// Call takes a function.
//
//gathergen:activity
func Call(ctx context.Context, f func() int) (int, error) { return f(), nil }

// Peek takes an unsafe pointer, unnamed.
//
//gathergen:activity
func Peek(unsafe.Pointer) error { return nil }

// Root takes a complex number.
//
//gathergen:activity
func Root(z complex128) (float64, error) { return real(z), nil }

// Read takes an interface with methods.
//
//gathergen:activity
func Read(ctx context.Context, r io.Reader) (int, error) { return 0, nil }

// Report takes an error.
//
//gathergen:activity
func Report(ctx context.Context, err error) error { return err }

// Job holds a channel in an exported field.
type Job struct {
	Name string
	Meta Meta
}

// Meta holds the channel.
type Meta struct{ Done chan bool }

// Run takes a struct that holds a channel.
//
//gathergen:activity
func Run(ctx context.Context, job *Job) error { return nil }

// Point is a struct, which JSON cannot use as a map key.
type Point struct{ X, Y int }

// Index takes a map keyed by a struct.
//
//gathergen:activity
func Index(ctx context.Context, m map[Point]string) error { return nil }

// Events returns a channel.
//
//gathergen:activity
func Events(ctx context.Context) (<-chan int, error) { return nil, nil }

// Split returns two values.
//
//gathergen:activity
func Split(ctx context.Context, s string) (string, string, error) { return s, s, nil }

// Fetch and Load claim the same activity name.
//
//gathergen:activity as Fetch
func Fetch(ctx context.Context) error { return nil }

// Load claims Fetch too.
//
//gathergen:activity as Fetch
func Load(ctx context.Context) error { return nil }

// Twice has two activity directives.
//
//gathergen:activity
//gathergen:activity as Again
func Twice(ctx context.Context) error { return nil }

// Both is async and an activity.
//
//gathergen:async
//gathergen:activity
func Both(ctx context.Context) error { return nil }

// Local is async.
//
//gathergen:async
func Local(ctx context.Context) error { return nil }

// Remote is an activity.
//
//gathergen:activity as Distant
func Remote(ctx context.Context) error { return nil }

// Plain has no directive.
func Plain(ctx context.Context) error { return nil }

// Taken is an activity whose stub's name is declared.
//
//gathergen:activity
func Taken(ctx context.Context) error { return nil }

// TakenActivity is declared by hand.
func TakenActivity() {}

// Config is not a function.
//
//gathergen:activity
type Config struct{}

//gathergen:activity as

//gathergen:activity strconv.Atoi extra

//gathergen:activity (*Box).Get

//gathergen:activity strconv.quote

//gathergen:activity strconv.Missing

//gathergen:gather Mixed Local Remote

//gathergen:gather Partial Remote Plain

//gathergen:gather ByName Remote Distant

//gathergen:gather Skipped Remote Wait

// A has a method that is an activity.
type A struct{}

// Sync is an activity of A.
//
//gathergen:activity
func (A) Sync(ctx context.Context) error { return nil }

// B has one too.
type B struct{}

// Sync is an activity of B.
//
//gathergen:activity
func (*B) Sync(ctx context.Context) error { return nil }

//gathergen:gather Ambiguous Sync Remote

//gathergen:activity time.Time.Format

//gathergen:activity (*Box[T]).Get

// ActivityReceivers is declared by hand, while A and B have activities.
type ActivityReceivers struct{}

// Pull is an activity whose stub's name an async wrapper takes.
//
//gathergen:activity
func Pull(ctx context.Context) error { return nil }

// Grab has an async wrapper named as Pull's stub.
//
//gathergen:async as PullActivity
func Grab(ctx context.Context) error { return nil }

// Again says local twice.
//
//gathergen:activity local local
func Again(n int) int { return n }

// Ping is a local activity whose stub's name an async wrapper takes.
//
//gathergen:activity local
func Ping(ctx context.Context) error { return nil }

// Poke has an async wrapper named as Ping's stub.
//
//gathergen:async as PingLocalActivity
func Poke(ctx context.Context) error { return nil }

//gathergen:activity strconv.Itoa

// Format has an async wrapper named as the stub of strconv.Itoa's activity.
//
//gathergen:async as ItoaActivity
func Format(ctx context.Context, n int) (string, error) { return strconv.Itoa(n), nil }

// Hand has an async wrapper named as the registration of the activities.
//
//gathergen:async as RegisterActivities
func Hand(ctx context.Context) error { return nil }
