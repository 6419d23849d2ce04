//go:build linux

package platforms

import (
	"context"
	"testing"
)

func TestBoth(t *testing.T) {
	ctx := context.Background()
	n, sys, err := Both(ctx, 4)
	if n != 8 || sys != "linux" || err != nil {
		t.Fatalf("Both = %d %q %v", n, sys, err)
	}
	if one, err := OldAsync(ctx).Await(ctx); one != 1 || err != nil {
		t.Fatalf("Old = %d %v", one, err)
	}
}
