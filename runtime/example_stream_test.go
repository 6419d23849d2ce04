package runtime_test

import (
	"bufio"
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/gathergen/gathergen/runtime"
)

// Stream reads an input of any length, here the lines of a reader, calls
// the function for each element with at most window calls in flight, and
// yields the results in input order, each as soon as it is ready.
func ExampleStream() {
	ctx := context.Background()
	lines := func(yield func(string) bool) {
		sc := bufio.NewScanner(strings.NewReader("3\n1\n4\n1\n5\n"))
		for sc.Scan() {
			if !yield(sc.Text()) {
				return
			}
		}
	}
	square := func(_ context.Context, line string) (int, error) {
		n, err := strconv.Atoi(line)
		return n * n, err
	}
	for sq, err := range runtime.Stream(ctx, lines, 2, square) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(sq)
	}
	// Output:
	// 9
	// 1
	// 16
	// 1
	// 25
}

// The first failure ends the stream with a *TaskError that names the
// element; the calls still in flight are cancelled.
func ExampleStream_failure() {
	ctx := context.Background()
	words := func(yield func(string) bool) {
		for _, w := range strings.Fields("7 seven 9") {
			if !yield(w) {
				return
			}
		}
	}
	for _, err := range runtime.Stream(ctx, words, 3, func(_ context.Context, w string) (int, error) {
		return strconv.Atoi(w)
	}) {
		if err != nil {
			fmt.Println(err)
		}
	}
	// Output:
	// task 1: strconv.Atoi: parsing "seven": invalid syntax
}

// The input may never end: leaving the loop stops reading it and cancels
// the calls in flight.
func ExampleStream_break() {
	ctx := context.Background()
	naturals := func(yield func(int) bool) {
		for i := 1; yield(i); i++ {
		}
	}
	cube := func(_ context.Context, n int) (int, error) { return n * n * n, nil }
	for c, err := range runtime.Stream(ctx, naturals, 100, cube) {
		if err != nil || c > 100 {
			break
		}
		fmt.Println(c)
	}
	// Output:
	// 1
	// 8
	// 27
	// 64
}
