// Package lib fails with an error of a type that it does not export.
package lib

// notFound is an error of a pointer type that other packages cannot name.
type notFound struct{ key string }

// Error says which key is missing.
func (e *notFound) Error() string { return e.key + " not found" }

// Find fails with a *notFound for an empty key.
func Find(key string) (int, *notFound) {
	if key == "" {
		return 0, &notFound{key: "empty"}
	}
	return len(key), nil
}
