package imports

import (
	stdctx "context"
	goruntime "runtime"
	"testing"

	amodel "github.com/gathergen/gathergen/testdata/imports/a/model"
	"github.com/gathergen/gathergen/testdata/imports/b/model"
	userrt "github.com/gathergen/gathergen/testdata/imports/c/runtime"
)

func TestCount(t *testing.T) {
	ctx := stdctx.Background()
	if n, err := CountStatsAsync(ctx, userrt.Stats{N: 3}).Await(ctx); n != 3 || err != nil {
		t.Fatalf("CountStats = %v, %v", n, err)
	}
}

func TestLoadAll(t *testing.T) {
	ctx := stdctx.Background()
	o, s, names, merged, u, err := LoadAll(ctx, 1, amodel.User{Name: "ab"}, model.Order{Total: 10},
		&goruntime.MemStats{}, userrt.Stats{N: 1}, Users{{Name: "x"}}, "y", amodel.Set[string]{"z": {}},
		[]model.Order{{Total: 2}, {Total: 3}}, "new")
	if err != nil || o.Total != 13 || s.N != len(runtime)+len(context)+1 || len(names) != 3 || merged.Total != 5 || u.Name != "new" {
		t.Fatalf("LoadAll = %v %v %v %v %v %v", o, s, names, merged, u, err)
	}
}
