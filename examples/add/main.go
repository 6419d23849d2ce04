// Command add is the second example of the asyncio.gather tutorial in Go: a
// list of tasks built at run time, gathered into a slice whose order is the
// order of the inputs, whatever the order in which the tasks finish.
//
// The Python original:
//
//	async def add(a, b):
//	    return a + b
//
//	tasks = [asyncio.ensure_future(add(a, b)) for a, b in inputs]
//	result = await asyncio.gather(*tasks)
package main

import (
	"context"
	"fmt"
	"log"

	"github.com/gathergen/gathergen/runtime"
)

//go:generate go tool gathergen

// Add returns a + b.
//
//gathergen:async
func Add(a, b int) int { return a + b }

// sums starts one Add per pair and gathers the sums in input order.
func sums(ctx context.Context, pairs [][2]int) ([]int, error) {
	tasks := make([]*runtime.Future[int], len(pairs))
	for i, p := range pairs {
		tasks[i] = AddAsync(ctx, p[0], p[1])
	}
	return runtime.All(ctx, tasks...)
}

func main() {
	result, err := sums(context.Background(), [][2]int{{4, 5}, {6, 6}, {7, 8}, {9, 4}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(result)
}
