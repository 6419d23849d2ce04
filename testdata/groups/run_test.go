package groups

import (
	"context"
	"reflect"
	"testing"
)

func TestLoadDashboard(t *testing.T) {
	ctx := context.Background()
	user, orders, recs, nums, err := (&Client{base: 100}).LoadDashboard(ctx, 1, 5, "42")
	if err != nil || user.ID != 101 || !reflect.DeepEqual(orders, []Order{{ID: 1, N: 5}}) ||
		!reflect.DeepEqual(recs, []Rec{{Limit: 5}}) || !reflect.DeepEqual(nums, []int{42}) {
		t.Fatalf("LoadDashboard = %v %v %v %v %v", user, orders, recs, nums, err)
	}
}

func TestShapes(t *testing.T) {
	ctx := context.Background()
	if name, size, err := Label("ab").Describe(ctx, 3); name != "ab3" || size != 2 || err != nil {
		t.Fatalf("Describe = %q %d %v", name, size, err)
	}
	if u, name, n, err := Mixed(ctx, &Client{}, 7, Label("x"), 8, "four"); u.ID != 7 || name != "x8" || n != 4 || err != nil {
		t.Fatalf("Mixed = %v %q %d %v", u, name, n, err)
	}
	if _, _, err := Edit(ctx, "a", 1, "b", 2); err != nil {
		t.Fatal(err)
	}
	if n, total, err := Total(ctx, "ab", 1, 2, 3); n != 2 || total != 6 || err != nil {
		t.Fatalf("Total = %d %d %v", n, total, err)
	}
	if v, n, err := Unbox(ctx, &Box[int]{v: 9}, "abc"); v != 9 || n != 3 || err != nil {
		t.Fatalf("Unbox = %d %d %v", v, n, err)
	}
}
