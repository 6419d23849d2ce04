package params

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"unsafe"
)

func TestEverything(t *testing.T) {
	ctx := context.Background()
	s, one, n, joined, desc, _, err := Derived{Label: "d-"}.Everything(ctx, 2, "ab", true, false, 0, 7, "x", 0, 3, "y", "-", []string{"a", "b"}, nil)
	if err != nil || s != "abab" || one != 1 || n != 3 || joined != "a-b" || desc != "d-base" {
		t.Fatalf("Everything = %q %v %v %q %q %v", s, one, n, joined, desc, err)
	}
	boom := errors.New("boom")
	if _, _, _, _, _, _, err := (Derived{}).Everything(ctx, 0, "", false, false, 0, 0, "", 0, 0, "", "", nil, boom); !errors.Is(err, boom) {
		t.Fatalf("Everything error = %v", err)
	}
}

func TestChannels(t *testing.T) {
	ctx := context.Background()
	in, out, both := make(chan int, 1), make(chan int, 1), make(chan int, 1)
	in <- 4
	both <- 1
	v, err := ChannelsAsync(ctx, in, out, both, make(chan (<-chan int), 2), make(chan<- <-chan int, 3)).Await(ctx)
	if err != nil || v != 10 || <-out != 4 {
		t.Fatalf("Channels = %v, %v", v, err)
	}
}

func TestPointer(t *testing.T) {
	ctx := context.Background()
	n := 1
	ok, err := PointerAsync(ctx, unsafe.Pointer(&n), struct {
		X int "tag:\"a`b\""
	}{}).Await(ctx)
	if !ok || err != nil {
		t.Fatalf("Pointer = %v, %v", ok, err)
	}
}

func TestFuncsAndComposite(t *testing.T) {
	ctx := context.Background()
	n, err := FuncsAsync(ctx,
		func(n int) (int, error) { return n * 10, nil },
		func(s ...string) string { return strings.Join(s, "") },
		func(context.Context) <-chan func() { return nil }).Await(ctx)
	if err != nil || n != 20 {
		t.Fatalf("Funcs = %v, %v", n, err)
	}
	arr := &[2]string{"", "xy"}
	s := struct {
		io.Reader
		*strings.Builder
		N int `json:"n"`
	}{N: 100}
	c, err := CompositeAsync(ctx, [3]int{1}, map[string][]*int{"k": nil}, &arr, s, nil).Await(ctx)
	if err != nil || c != 104 {
		t.Fatalf("Composite = %v, %v", c, err)
	}
}

func TestArrays(t *testing.T) {
	ctx := context.Background()
	got, err := ArraysAsync(ctx, [Width]int{}, [Width]string{}, [2]byte{}, [1]bool{}, [2]map[[3]int]int{}).Await(ctx)
	if err != nil || got != [3]int{3, 2, 3} {
		t.Fatalf("Arrays = %v, %v", got, err)
	}
}
