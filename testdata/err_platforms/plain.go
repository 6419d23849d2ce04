// Package errplatforms has problems in files of several configurations:
// one run reports them all.
package errplatforms

//gathergen:async nope.F

// Apart names functions that never build together.
//
//gathergen:gather Apart Lin Win
