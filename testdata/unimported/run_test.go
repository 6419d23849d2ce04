package unimported

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// point is what XMLMarshalAsync marshals.
type point struct{ A int }

// small is an int type whose values N must draw below its bound.
type small int8

func TestUnimported(t *testing.T) {
	ctx := context.Background()
	if _, err := JoinAsync(ctx, errors.New("a"), errors.New("b")).Await(ctx); err == nil || err.Error() != "a\nb" {
		t.Fatalf("Join = %v", err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "got") }))
	defer srv.Close()
	resp, err := GetAsync(ctx, srv.URL).Await(ctx)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "got" {
		t.Fatalf("Get body = %q", body)
	}
	var b strings.Builder
	if n, err := BuilderWriteStringAsync(ctx, &b, "hey").Await(ctx); err != nil || n != 3 || b.String() != "hey" {
		t.Fatalf("WriteString = %d, %v", n, err)
	}
	for range 100 {
		if n, err := NAsync(ctx, small(3)).Await(ctx); err != nil || n < 0 || n >= 3 {
			t.Fatalf("N = %d, %v", n, err)
		}
	}
	if m, err := MaxAsync(ctx, []string{"b", "c", "a"}).Await(ctx); err != nil || m != "c" {
		t.Fatalf("Max = %q, %v", m, err)
	}
	j, _ := MarshalAsync(ctx, 1).Await(ctx)
	x, _ := XMLMarshalAsync(ctx, point{1}).Await(ctx)
	if string(j) != "1" || string(x) != "<point><A>1</A></point>" {
		t.Fatalf("Marshal = %s, %s", j, x)
	}
	if _, up, err := Both(ctx, nil, "up"); err != nil || up != "UP" {
		t.Fatalf("Both = %q, %v", up, err)
	}
}
