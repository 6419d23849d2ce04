package main

import (
	"context"
	"fmt"
)

func Example() {
	result, err := sums(context.Background(), [][2]int{{4, 5}, {6, 6}, {7, 8}, {9, 4}})
	fmt.Println(result, err)
	// Output: [9 12 15 13] <nil>
}

// A thousand tasks finish in any order; the sums keep the order of the pairs.
func Example_many() {
	pairs := make([][2]int, 1000)
	for i := range pairs {
		pairs[i] = [2]int{i, i}
	}
	result, err := sums(context.Background(), pairs)
	inOrder := err == nil && len(result) == len(pairs)
	for i, v := range result {
		inOrder = inOrder && v == 2*i
	}
	fmt.Println("in input order:", inOrder)
	// Output: in input order: true
}
