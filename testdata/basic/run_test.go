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
	user, orders, err := (&Client{prefix: "book-"}).LoadPage(ctx, 7)
	if err != nil || user.ID != 7 || !reflect.DeepEqual(orders, []Order{{Item: "book-7"}}) {
		t.Fatalf("LoadPage = %v, %v, %v", user, orders, err)
	}
	_, _, err = (&Client{}).LoadPage(ctx, -1)
	var te *runtime.TaskError
	if !errors.As(err, &te) || te.Name != "FetchUser" || !errors.Is(err, ErrNotFound) {
		t.Fatalf("LoadPage error = %v", err)
	}
}

func TestMixed(t *testing.T) {
	ctx := context.Background()
	// Double and Pair share n, Split and strconv.Atoi share s
	orders, twice, _, _, split, pair, n, err := (&Client{}).Mixed(ctx, 1, 21, false, "42")
	if err != nil || len(orders) != 1 || twice != 42 || split != (SplitResult{Head: "4", Tail: "2"}) ||
		pair != (PairResult{R0: 21, R1: "21"}) || n != 42 {
		t.Fatalf("Mixed = %v %v %v %v %v %v", orders, twice, split, pair, n, err)
	}
	_, _, _, _, _, _, _, err = (&Client{}).Mixed(ctx, 1, 21, true, "42")
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
	orders, user, err := (&Shop{prefix: "pen-"}).ShopPage(ctx, 5)
	if err != nil || !reflect.DeepEqual(orders, []Order{{Item: "pen-5"}}) || user.ID != 5 {
		t.Fatalf("ShopPage = %v, %v, %v", orders, user, err)
	}
}
