package main

import (
	"context"
	"testing"
)

func TestLimitedGathersInOrder(t *testing.T) {
	for _, c := range []struct {
		name string
		run  func(context.Context, int, int) ([]int, error)
		n    int
	}{
		{"limited", limited, 500},
		{"maplimited", mapLimited, 500},
		{"maplimited below the limit", mapLimited, 5},
	} {
		out, err := c.run(context.Background(), c.n, 7)
		if err != nil || len(out) != c.n {
			t.Fatalf("%s = %d results, %v", c.name, len(out), err)
		}
		for i, v := range out {
			if v != 2*i {
				t.Fatalf("%s: out[%d] = %d; want %d", c.name, i, v, 2*i)
			}
		}
	}
}

func TestPickKnowsEveryImpl(t *testing.T) {
	for _, name := range []string{"floor", "errgroup", "conc", "all", "allwith", "map", "limited", "maplimited"} {
		if _, ok := pick(name, 10); !ok {
			t.Errorf("pick(%q) found nothing", name)
		}
	}
	if _, ok := pick("nope", 10); ok {
		t.Error("pick of an unknown name succeeded")
	}
}
