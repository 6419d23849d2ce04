package errtestfiles

import . "context"

var _ = TODO

// PutAsync is a method of another type.
type U struct{}

func (U) PutAsync() {}
