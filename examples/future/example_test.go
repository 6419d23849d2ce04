package main

import (
	"context"
	"fmt"
	"time"
)

func Example() {
	got, err := both(context.Background(), 10*time.Millisecond)
	fmt.Println(got, err)
	fmt.Println("main terminated")
	// Output:
	// Future is done! <nil>
	// main terminated
}
