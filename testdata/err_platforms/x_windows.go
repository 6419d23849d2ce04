package errplatforms

//gathergen:async
func Win() int { return 1 }

//gathergen:async as 9
func BadWindows() {}
