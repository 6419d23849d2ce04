package errnonfunc

// Helper is a test helper: gathergen reads no _test.go file, so its
// directive would be ignored without a word.
//
//gathergen:async
func Helper() int { return 1 }
