package methods

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gathergen/gathergen/runtime"
)

// mapStore is a Store and a ReadStore.
type mapStore map[string]string

func (m mapStore) Get(_ context.Context, key string) (string, error) {
	v, ok := m[key]
	if !ok {
		return "", errors.New("no " + key)
	}
	return v, nil
}

func (m mapStore) Close() error { return errors.New("closed") }

// mapCache is a Cache[string, int].
type mapCache map[string]int

func (m mapCache) Lookup(key string) (int, bool) {
	v, ok := m[key]
	return v, ok
}

func TestOtherPackagesMethods(t *testing.T) {
	ctx := context.Background()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello "+r.URL.Path)
	}))
	defer srv.Close()
	req, err := http.NewRequest("GET", srv.URL+"/x", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := ClientDoAsync(ctx, srv.Client(), req).Await(ctx)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "hello /x" {
		t.Fatalf("body = %q", body)
	}
	day := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	if s, err := TimeFormatAsync(ctx, day, time.DateOnly).Await(ctx); err != nil || s != "2026-11-30" {
		t.Fatalf("Format = %q, %v", s, err)
	}
	var p atomic7
	one, two := 1, 2
	p.Store(&one)
	if old, err := SwapAsync(ctx, &p.Pointer, &two).Await(ctx); err != nil || *old != 1 {
		t.Fatalf("Swap = %v, %v", old, err)
	}
	if now, err := PointerLoadAsync(ctx, &p.Pointer).Await(ctx); err != nil || *now != 2 {
		t.Fatalf("Load = %v, %v", now, err)
	}
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("abc")), nil)
	buf := make([]byte, 8)
	if n, err := ReadWriterReadAsync(ctx, *rw, buf).Await(ctx); err != nil || string(buf[:n]) != "abc" {
		t.Fatalf("Read = %d, %v", n, err)
	}
}

// atomic7 embeds the pointer that the test swaps and loads.
type atomic7 struct{ Box[int] }

func TestInterfaceMethods(t *testing.T) {
	ctx := context.Background()
	store := mapStore{"k": "v"}
	if v, err := StoreGetAsync(ctx, store, "k").Await(ctx); err != nil || v != "v" {
		t.Fatalf("Get = %q, %v", v, err)
	}
	if v, err := ReadGetAsync(ctx, store, "k").Await(ctx); err != nil || v != "v" {
		t.Fatalf("ReadStore.Get = %q, %v", v, err)
	}
	if _, err := ReadStoreCloseAsync(ctx, store).Await(ctx); err == nil || err.Error() != "closed" {
		t.Fatalf("Close = %v", err)
	}
	r, err := CacheLookupAsync[string, int](ctx, mapCache{"a": 1}, "a").Await(ctx)
	if err != nil || r.Value != 1 || !r.Ok {
		t.Fatalf("Lookup = %+v, %v", r, err)
	}
}

func TestGroupOfMethods(t *testing.T) {
	ctx := context.Background()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	req, _ := http.NewRequest("GET", srv.URL, nil)
	buf := make([]byte, 2)
	resp, v, n, err := Fetch(ctx, srv.Client(), req, mapStore{"k": "v"}, "k", strings.NewReader("xy"), buf)
	if err != nil || resp.StatusCode != 200 || v != "v" || n != 2 {
		t.Fatalf("Fetch = %v, %q, %d, %v", resp, v, n, err)
	}
	resp.Body.Close()
	_, _, _, err = Fetch(ctx, srv.Client(), req, mapStore{}, "k", strings.NewReader("xy"), buf)
	var te *runtime.TaskError
	if !errors.As(err, &te) || te.Name != "Store.Get" || te.Index != 1 {
		t.Fatalf("Fetch error = %v", err)
	}
	var c Counter
	c.Store(40)
	if n, s, err := Count(ctx, &c, 2, time.Time{}, "2006"); err != nil || n != 42 || s != "0001" {
		t.Fatalf("Count = %d, %q, %v", n, s, err)
	}
	var b Box[string]
	hi := "hi"
	if _, err := BoxStoreAsync(ctx, &b, &hi).Await(ctx); err != nil || *b.Load() != "hi" {
		t.Fatalf("Box.Store = %v", err)
	}
}

func TestGroupSharesReceivers(t *testing.T) {
	ctx := context.Background()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.URL.Path)
	}))
	defer srv.Close()
	req, _ := http.NewRequest("GET", srv.URL+"/do", nil)
	done, got, err := Page(ctx, srv.Client(), req, srv.URL+"/get")
	if err != nil {
		t.Fatal(err)
	}
	for resp, want := range map[*http.Response]string{done: "/do", got: "/get"} {
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(body) != want {
			t.Errorf("body %q, want %q", body, want)
		}
	}
	var c Counter
	resp, n, err := Clash(ctx, srv.Client(), srv.URL, &c, 5)
	if err != nil || n != 5 {
		t.Fatalf("Clash = %d, %v", n, err)
	}
	resp.Body.Close()
}

func TestGroupElementSpelling(t *testing.T) {
	ctx := context.Background()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	resp, v, err := Spelled(ctx, srv.Client(), srv.URL, mapStore{"k": "v"}, "k")
	if err != nil || v != "v" {
		t.Fatalf("Spelled = %q, %v", v, err)
	}
	resp.Body.Close()
}
