// Package unimportedplatforms names packages that it does not import from
// files of two platforms: the run's configuration and the one that it
// loads for the other file resolve them alike.
package unimportedplatforms

//gathergen:async errors.Join
