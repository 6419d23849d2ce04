//go:build never

package errtestfiles

func IgnoredAsync() {}
