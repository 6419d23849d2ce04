package main

import (
	"context"
	"testing"
)

func TestLimitedGathersInOrder(t *testing.T) {
	out, err := limited(context.Background(), 500, 7)
	if err != nil || len(out) != 500 {
		t.Fatalf("limited = %d results, %v", len(out), err)
	}
	for i, v := range out {
		if v != 2*i {
			t.Fatalf("out[%d] = %d; want %d", i, v, 2*i)
		}
	}
}

func TestPeakRSS(t *testing.T) {
	if peak, err := peakRSS(); err != nil || peak <= 0 {
		t.Fatalf("peakRSS = %d, %v", peak, err)
	}
}

func TestPickKnowsEveryImpl(t *testing.T) {
	for _, name := range []string{"floor", "errgroup", "conc", "all", "limited"} {
		if _, ok := pick(name, 10); !ok {
			t.Errorf("pick(%q) found nothing", name)
		}
	}
	if _, ok := pick("nope", 10); ok {
		t.Error("pick of an unknown name succeeded")
	}
}
