// Package methods wraps methods of other packages' types, of interfaces
// (this package's and another's, through embedded interfaces too) and
// methods promoted from embedded fields.
package methods

import (
	"context"
	"database/sql"
	"io"
	"sync/atomic"
)

// Store is an interface of this package.
type Store interface {
	Get(ctx context.Context, key string) (string, error)
}

// ReadStore embeds Store and io.Closer: Get and Close are its methods too.
type ReadStore interface {
	Store
	io.Closer
}

// Cache is a generic interface.
type Cache[K comparable, V any] interface {
	Lookup(key K) (value V, ok bool)
}

// Counter embeds atomic.Int64, whose methods it promotes.
type Counter struct {
	atomic.Int64
	name string
}

// Box is a generic type that embeds a generic type.
type Box[T any] struct {
	atomic.Pointer[T]
}

var _ *sql.DB

//gathergen:async (*http.Client).Do

//gathergen:async (*sql.DB).QueryContext as QueryAsync

//gathergen:async time.Time.Format

//gathergen:async (*atomic.Pointer[T]).Load

//gathergen:async (*atomic.Pointer[E]).Swap as SwapAsync

//gathergen:async bufio.ReadWriter.Read

//gathergen:async Store.Get

//gathergen:async ReadStore.Close

//gathergen:async ReadStore.Get as ReadGetAsync

//gathergen:async io.Reader.Read

//gathergen:async (*Counter).Add

//gathergen:async Cache.Lookup

//gathergen:async (*Box[T]).Store

//gathergen:gather Fetch (*http.Client).Do Store.Get io.Reader.Read

//gathergen:gather Count Counter.Add time.Time.Format

//gathergen:async (*http.Client).Get

// Page shares its client: both elements' receivers are c *http.Client.
//
//gathergen:gather Page (*http.Client).Do (*http.Client).Get

// Clash has two receivers named c of different types: each is named after
// its type.
//
//gathergen:gather Clash (*http.Client).Get (*Counter).Add

// Spelled names (*http.Client).Get as http.Client.Get: a group element
// names a method whatever its receiver.
//
//gathergen:gather Spelled http.Client.Get Store.Get
