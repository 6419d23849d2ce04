package errtestfiles

// PutAsync is a method of another type.
type U struct{}

func (U) PutAsync() {}
