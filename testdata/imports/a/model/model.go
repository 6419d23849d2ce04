// Package model is one of two packages named model.
package model

// User is a customer.
type User struct{ Name Name }

// Name is an alias.
type Name = string

// Set is a generic alias.
type Set[T comparable] = map[T]struct{}

// New returns a user.
func New(name Name) User { return User{Name: name} }
