package main

import (
	"context"
	"fmt"
	"os"
	"time"
)

// Two calls that each sleep for pause finish in less than two pauses only
// when they run at the same time.
func Example() {
	const pause = 200 * time.Millisecond
	elapsed, err := gatherWishes(context.Background(), &lockedWriter{w: os.Stdout}, pause)
	fmt.Println("error:", err)
	fmt.Println("ran concurrently:", elapsed < 2*pause)
	// Output:
	// Hello
	// Hello
	// World
	// World
	// error: <nil>
	// ran concurrently: true
}
