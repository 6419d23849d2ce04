// Package deep is internal to package hidden.
package deep

// Token is exported, but only hidden and the packages below it may import
// this package.
type Token struct{ N int }
