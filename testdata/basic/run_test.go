package basic

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/gathergen/gathergen/runtime"
)

func TestLoadPage(t *testing.T) {
	ctx := context.Background()
	user, orders, err := LoadPage(ctx, 7, &Client{prefix: "book-"}, 3)
	if err != nil || user.ID != 7 || !reflect.DeepEqual(orders, []Order{{Item: "book-3"}}) {
		t.Fatalf("LoadPage = %v, %v, %v", user, orders, err)
	}
	_, _, err = LoadPage(ctx, -1, &Client{}, 3)
	var te *runtime.TaskError
	if !errors.As(err, &te) || te.Name != "FetchUser" || !errors.Is(err, ErrNotFound) {
		t.Fatalf("LoadPage error = %v", err)
	}
}

func TestMixed(t *testing.T) {
	ctx := context.Background()
	orders, twice, _, _, split, pair, n, err := Mixed(ctx, &Client{}, 1, 21, false, "go", 5, "42")
	if err != nil || len(orders) != 1 || twice != 42 || split != (SplitResult{Head: "g", Tail: "o"}) ||
		pair != (PairResult{R0: 5, R1: "5"}) || n != 42 {
		t.Fatalf("Mixed = %v %v %v %v %v %v", orders, twice, split, pair, n, err)
	}
	_, _, _, _, _, _, _, err = Mixed(ctx, &Client{}, 1, 21, true, "go", 5, "42")
	var te *runtime.TaskError
	if !errors.As(err, &te) || te.Name != "Store" || te.Index != 2 {
		t.Fatalf("Mixed error = %v", err)
	}
}

func TestWrappers(t *testing.T) {
	ctx := context.Background()
	if _, err := SplitAsync(ctx, "").Await(ctx); !errors.Is(err, ErrNotFound) {
		t.Fatalf("SplitAsync error = %v", err)
	}
	if _, err := TouchAsync(ctx).Await(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := ParseIntAsync(ctx, "x").Await(ctx); err == nil {
		t.Fatal("ParseIntAsync(x) did not fail")
	}
}

func TestAliasElement(t *testing.T) {
	ctx := context.Background()
	orders, user, err := ShopPage(ctx, &Shop{prefix: "pen-"}, 2, 5)
	if err != nil || !reflect.DeepEqual(orders, []Order{{Item: "pen-2"}}) || user.ID != 5 {
		t.Fatalf("ShopPage = %v, %v, %v", orders, user, err)
	}
}
