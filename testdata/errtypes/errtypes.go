// Package errtypes returns errors of other types than error: a pointer or
// interface type that implements error fails the future when it is not nil;
// an error type that cannot be nil stays a value.
package errtypes

import (
	"context"
	"net"

	"github.com/gathergen/gathergen/testdata/errtypes/lib"
)

// NotFound is an error of a pointer type.
type NotFound struct{ Key string }

// Error says which key is missing.
func (e *NotFound) Error() string { return e.Key + " not found" }

// Code is an error type that cannot be nil: it is a value like any other.
type Code int

// Error names the code.
func (c Code) Error() string { return "code" }

// Lookup fails with a *NotFound for an empty key.
//
//gathergen:async
func Lookup(ctx context.Context, key string) (int, *NotFound) {
	if key == "" {
		return 0, &NotFound{Key: key}
	}
	return len(key), nil
}

// Check fails with a *NotFound unless ok.
//
//gathergen:async
func Check(ok bool) *NotFound {
	if !ok {
		return &NotFound{Key: "check"}
	}
	return nil
}

// Dial fails with a net.Error, an interface, unless ok.
//
//gathergen:async
func Dial(ok bool) (host string, port int, err net.Error) {
	if !ok {
		return "", 0, &net.DNSError{Err: "no such host", Name: "x"}
	}
	return "localhost", 80, nil
}

// Status returns a Code, which is no failure.
//
//gathergen:async
func Status(n int) (int, Code) { return n, Code(n) }

// Both gathers Lookup and Dial.
//
//gathergen:gather Both Lookup Dial

// lib.Find fails with an error of a type that this package cannot name,
// and need not: the wrapper compares it with nil where Find returns it.
//
//gathergen:async lib.Find

var _ = lib.Find
