package unimportedplatforms

import (
	"context"
	"errors"
	"testing"
)

func TestJoin(t *testing.T) {
	ctx := context.Background()
	if _, err := JoinAsync(ctx, errors.New("a")).Await(ctx); err == nil || err.Error() != "a" {
		t.Fatalf("Join = %v", err)
	}
}
