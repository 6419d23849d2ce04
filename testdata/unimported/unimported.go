// Package unimported wraps functions and methods of packages that no file of
// it imports: a bare name is the standard library's package of that name,
// a path any package's. math/rand/v2.N has a constraint that its package
// does not export, which the wrapper spells by its type set.
package unimported

//gathergen:async errors.Join

//gathergen:async net/http.Get

//gathergen:async strings.ToUpper as UpperAsync

//gathergen:async (*strings.Builder).WriteString

//gathergen:async math/rand/v2.N

//gathergen:async slices.Max

//gathergen:async encoding/json.Marshal

//gathergen:async encoding/xml.Marshal as XMLMarshalAsync

//gathergen:gather Both errors.Join strings.ToUpper
