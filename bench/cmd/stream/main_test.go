package main

import "testing"

func TestPickKnowsEveryImpl(t *testing.T) {
	for _, name := range []string{"stream", "map", "maplimited"} {
		if _, ok := pick(name); !ok {
			t.Errorf("pick(%q) found nothing", name)
		}
	}
	if _, ok := pick("nope"); ok {
		t.Error("pick of an unknown name succeeded")
	}
}
