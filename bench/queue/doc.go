// Package queue measures how a queue of futures waiting behind
// runtime.WithLimit empties when each future leaves it on its own: its
// context ends, or it is cancelled, one after another. The package holds
// only benchmarks; see bench/README.md for their figures.
package queue
