package errtestfiles_test

func ExternalAsync() {}
