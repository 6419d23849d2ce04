//go:build integration

package errplatforms

//gathergen:nope

//gathergen:async
func Slow() undefinedType { return nil }
