// Command future is the third example of the asyncio.gather tutorial in Go:
// one task settles a promise by hand after a pause (asyncio's set_result),
// another awaits the promise's future, and both are gathered.
//
// The Python original:
//
//	async def function1(future):
//	    await asyncio.sleep(1)
//	    future.set_result("Future is done!")
//
//	async def function2(future):
//	    print(await future)
//
//	future = asyncio.Future()
//	await asyncio.gather(function1(future), function2(future))
//	print("main terminated")
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"time"

	"github.com/gathergen/gathergen/runtime"
)

//go:generate go tool gathergen

// Settle waits for pause, or until ctx is done, then resolves p.
//
//gathergen:async
func Settle(ctx context.Context, p *runtime.Promise[string], pause time.Duration) error {
	select {
	case <-time.After(pause):
	case <-ctx.Done():
		return context.Cause(ctx)
	}
	p.Resolve("Future is done!")
	return nil
}

// Wait awaits f and returns its value.
//
//gathergen:async
func Wait(ctx context.Context, f *runtime.Future[string]) (string, error) {
	return f.Await(ctx)
}

// both gathers a Settle of a new promise and a Wait for it, and returns what
// Wait received.
func both(ctx context.Context, pause time.Duration) (string, error) {
	p := runtime.NewPromise[string]()
	_, got, err := runtime.Gather2(ctx, SettleAsync(ctx, p, pause), WaitAsync(ctx, p.Future()))
	return got, err
}

func main() {
	pause := flag.Duration("pause", time.Second, "how long Settle waits before it resolves the promise")
	flag.Parse()
	got, err := both(context.Background(), *pause)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(got)
	fmt.Println("main terminated")
}
