//go:build go1.22 && !gathergen_never

package buildtags

import (
	"context"
	"testing"
)

func TestBoth(t *testing.T) {
	a, q, err := Both(context.Background(), "why")
	if a != 42 || q != "why?" || err != nil {
		t.Fatalf("Both = %v %q %v", a, q, err)
	}
}

func TestEcho(t *testing.T) {
	ctx := context.Background()
	if s, err := EchoAsync(ctx, "hi").Await(ctx); s != "hi" || err != nil {
		t.Fatalf("Echo = %q, %v", s, err)
	}
}
