//go:build linux && windows

package errplatforms

//gathergen:async
func Never() {}
