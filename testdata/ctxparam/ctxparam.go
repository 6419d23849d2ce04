// Package ctxparam wraps functions whose context.Context parameter is not
// first: the task's context goes there, and the wrapper takes it first.
package ctxparam

import "context"

// Late takes its context last.
//
//gathergen:async
func Late(id int, ctx context.Context) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return id * 2, nil
}

// Store holds a name.
type Store struct{ Name string }

// Between takes its context between two values, and waits for it to end.
//
//gathergen:async
func (s *Store) Between(prefix string, ctx context.Context, wait bool) (string, error) {
	if wait {
		<-ctx.Done()
		return "", context.Cause(ctx)
	}
	return prefix + s.Name, nil
}

// Unnamed takes an unnamed context after a value.
//
//gathergen:async
func Unnamed(int, context.Context) error { return nil }

//gathergen:gather Both Late Store.Between
