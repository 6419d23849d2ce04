// Command wishes is the first example of the asyncio.gather tutorial in Go:
// two calls that each print, sleep and print again, gathered so that they
// sleep at the same time. The whole run takes about one pause, not two.
//
// The Python original:
//
//	async def wishes():
//	    print("Hello")
//	    await asyncio.sleep(1)
//	    print("World")
//
//	await asyncio.gather(wishes(), wishes())
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/gathergen/gathergen/runtime"
)

//go:generate go tool gathergen

// Wishes writes Hello, sleeps for pause (or until ctx is done), then writes
// World.
//
//gathergen:async
func Wishes(ctx context.Context, w io.Writer, pause time.Duration) error {
	fmt.Fprintln(w, "Hello")
	select {
	case <-time.After(pause):
	case <-ctx.Done():
		return context.Cause(ctx)
	}
	fmt.Fprintln(w, "World")
	return nil
}

// gatherWishes runs two Wishes at once and returns how long they took.
func gatherWishes(ctx context.Context, w io.Writer, pause time.Duration) (time.Duration, error) {
	start := time.Now()
	_, _, err := runtime.Gather2(ctx, WishesAsync(ctx, w, pause), WishesAsync(ctx, w, pause))
	return time.Since(start), err
}

func main() {
	pause := flag.Duration("pause", time.Second, "how long each call sleeps")
	flag.Parse()
	elapsed, err := gatherWishes(context.Background(), &lockedWriter{w: os.Stdout}, *pause)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("two calls of %v each took %v in all\n", *pause, elapsed.Round(time.Millisecond))
}
