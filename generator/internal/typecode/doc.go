// Package typecode converts go/types types into jennifer code: named types
// with type arguments, aliases kept by name, type parameters, pointers,
// slices, arrays (with their lengths spelt as in the source), maps,
// channels with direction, signatures, structs and interfaces with unions.
//
// It takes a type and the package the code is written in, and returns a
// *jen.Statement; a TypeWriter records what it could not write (a type
// that another package does not export, a name that a parameter shadows)
// so that the resolve stage can report it before anything is emitted.
package typecode
