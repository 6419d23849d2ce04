// Package imports uses types of packages with colliding names, aliases, and
// declares the names that generated code would import under.
package imports

import (
	stdctx "context"
	goruntime "runtime"

	amodel "github.com/gathergen/gathergen/testdata/imports/a/model"
	"github.com/gathergen/gathergen/testdata/imports/b/model"
	userrt "github.com/gathergen/gathergen/testdata/imports/c/runtime"
)

// context and runtime are top-level names of this package: the generated
// file must import its packages under other names.
const context = "not a package"

var runtime = "not a package either"

// ID is a local alias.
type ID = int

// Users is a local alias of a type of another package.
type Users = []amodel.User

// Load uses types of both packages named model.
//
//gathergen:async
func Load(ctx stdctx.Context, id ID, u amodel.User, o model.Order) (model.Order, error) {
	return model.Order{Total: id + len(u.Name) + o.Total}, ctx.Err()
}

// Mem uses the standard runtime and a user package named runtime.
//
//gathergen:async
func Mem(ms *goruntime.MemStats, s userrt.Stats) (userrt.Stats, error) {
	return userrt.Stats{N: s.N + len(runtime) + len(context)}, nil
}

// Names uses aliases, a generic one among them, kept by name.
//
//gathergen:async
func Names(users Users, n amodel.Name, set amodel.Set[string]) (amodel.Set[amodel.Name], error) {
	out := amodel.Set[amodel.Name]{n: {}}
	for _, u := range users {
		out[u.Name] = struct{}{}
	}
	for k := range set {
		out[k] = struct{}{}
	}
	return out, nil
}

//gathergen:async model.Merge as MergeAsync

//gathergen:async github.com/gathergen/gathergen/testdata/imports/a/model.New

//gathergen:async userrt.Count as CountStatsAsync

//gathergen:gather LoadAll Load Mem Names model.Merge amodel.New
