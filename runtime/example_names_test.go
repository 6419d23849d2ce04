package runtime_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/gathergen/gathergen/runtime"
)

// MapNamed names the calls, so that a failure says which function failed,
// as a generated wrapper's does.
func ExampleMapNamed() {
	quote := func(_ context.Context, sku string) (int, error) {
		if sku == "B" {
			return 0, errors.New("pricing service: 404 Not Found")
		}
		return 100, nil
	}
	_, err := runtime.MapNamed(context.Background(), "Pricing.Quote", []string{"A", "B"}, quote)
	fmt.Println(err)
	// Output: task 1 (Pricing.Quote): pricing service: 404 Not Found
}
