// Package runtime is a user package named like the standard runtime and
// gathergen's runtime.
package runtime

// Stats counts things.
type Stats struct{ N int }

// Count returns the count.
func Count(s Stats) int { return s.N }
