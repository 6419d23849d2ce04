package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// svcSource is a package that wraps a method of another package's type,
// (*http.Client).Do, from a package that it does not import, and methods
// of its own interfaces, and gathers them with a group helper whose
// interface methods share their key parameter.
const svcSource = `package svc

import "context"

//go:generate go tool gathergen

// Store is where the service keeps what it does not fetch.
type Store interface {
	Get(ctx context.Context, key string) (string, error)
}

// Archive is where the service keeps what it no longer serves.
type Archive interface {
	Get(ctx context.Context, key string) (string, error)
}

//gathergen:async (*net/http.Client).Do

//gathergen:async Store.Get

//gathergen:async Archive.Get

//gathergen:gather Load (*http.Client).Do Store.Get Archive.Get
`

// svcProgram serves a page on a loopback httptest server and gathers its
// fetch with a Store's Get through the generated group helper, then makes
// the Store fail and checks that the failure names Store.Get.
const svcProgram = `package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"

	"example.com/shop/svc"
	"github.com/gathergen/gathergen/runtime"
)

type store map[string]string

func (s store) Get(_ context.Context, key string) (string, error) {
	if v, ok := s[key]; ok {
		return v, nil
	}
	return "", errors.New("no " + key)
}

func main() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "page "+r.URL.Path)
	}))
	defer srv.Close()
	ctx := context.Background()
	req, err := http.NewRequestWithContext(ctx, "GET", srv.URL+"/a", nil)
	if err != nil {
		panic(err)
	}
	resp, v, old, err := svc.Load(ctx, srv.Client(), req, store{"k": "v"}, "k", store{"k": "old"})
	if err != nil || old != "old" {
		fmt.Println("Load:", old, err)
		os.Exit(1)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	req, _ = http.NewRequestWithContext(ctx, "GET", srv.URL+"/b", nil)
	_, _, _, err = svc.Load(ctx, srv.Client(), req, store{}, "k", store{"k": "old"})
	var te *runtime.TaskError
	if !errors.As(err, &te) || te.Name != "Store.Get" {
		fmt.Println("want a failure of Store.Get, got", err)
		os.Exit(1)
	}
	fmt.Printf("fetched %q and %q\n", body, v)
}
`

// testMethods: go generate wraps (*http.Client).Do, whose package the
// package does not import, and interface methods, and gathers them with one
// key for both interfaces; go vet passes and the program gets the page
// from an httptest server.
func testMethods(t *testing.T, dir string) {
	writeFiles(t, dir, map[string]string{"svc/svc.go": svcSource, "fetch/main.go": svcProgram})
	goIn(t, dir, "generate", "./svc")
	out := readFile(t, filepath.Join(dir, "svc", "gather_gen.go"))
	for _, want := range []string{
		"func ClientDoAsync(\n\tctx context.Context,\n\tc *http.Client,\n\treq *http.Request,\n) *runtime.Future[*http.Response] {",
		"func StoreGetAsync(ctx context.Context, s Store, key string) *runtime.Future[string] {",
		// key is shared by Store.Get and Archive.Get
		"\tc *http.Client,\n\treq *http.Request,\n\ts Store,\n\tkey string,\n\ta Archive,\n) (*http.Response, string, string, error) {",
	} {
		if !strings.Contains(out, want) {
			t.Fatalf("svc/gather_gen.go lacks %q:\n%s", want, out)
		}
	}
	goIn(t, dir, "vet", "./svc", "./fetch")
	if got := goIn(t, dir, "run", "./fetch"); !strings.Contains(got, `fetched "page /a" and "v"`) {
		t.Fatalf("program printed %q", got)
	}
	os.RemoveAll(filepath.Join(dir, "svc"))
	os.RemoveAll(filepath.Join(dir, "fetch"))
}
