package errplatforms

//gathergen:async
func Lin() int { return 1 }

//gathergen:async as
func BadLinux() {}
