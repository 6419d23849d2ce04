package errtypes

import (
	"context"
	"errors"
	"net"
	"testing"

	"github.com/gathergen/gathergen/runtime"
)

func TestNilErrorIsNoFailure(t *testing.T) {
	ctx := context.Background()
	if n, err := LookupAsync(ctx, "abc").Await(ctx); err != nil || n != 3 {
		t.Fatalf("Lookup = %d, %v (a nil *NotFound must not fail)", n, err)
	}
	if _, err := CheckAsync(ctx, true).Await(ctx); err != nil {
		t.Fatalf("Check = %v", err)
	}
	if r, err := DialAsync(ctx, true).Await(ctx); err != nil || r.Host != "localhost" || r.Port != 80 {
		t.Fatalf("Dial = %+v, %v", r, err)
	}
	if r, err := StatusAsync(ctx, 4).Await(ctx); err != nil || r.R0 != 4 || r.R1 != 4 {
		t.Fatalf("Status = %+v, %v", r, err)
	}
	if n, err := FindAsync(ctx, "ab").Await(ctx); err != nil || n != 2 {
		t.Fatalf("Find = %d, %v", n, err)
	}
}

func TestErrorFails(t *testing.T) {
	ctx := context.Background()
	var nf *NotFound
	if _, err := LookupAsync(ctx, "").Await(ctx); !errors.As(err, &nf) {
		t.Fatalf("Lookup error = %v", err)
	}
	if _, err := CheckAsync(ctx, false).Await(ctx); !errors.As(err, &nf) || nf.Key != "check" {
		t.Fatalf("Check error = %v", err)
	}
	if _, err := FindAsync(ctx, "").Await(ctx); err == nil || err.Error() != "empty not found" {
		t.Fatalf("Find error = %v", err)
	}
	var dns *net.DNSError
	if _, err := DialAsync(ctx, false).Await(ctx); !errors.As(err, &dns) {
		t.Fatalf("Dial error = %v", err)
	}
	_, _, err := Both(ctx, "", true)
	var te *runtime.TaskError
	if !errors.As(err, &te) || te.Name != "Lookup" || !errors.As(err, &nf) {
		t.Fatalf("Both error = %v", err)
	}
}
