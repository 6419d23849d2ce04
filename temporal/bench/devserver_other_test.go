//go:build !unix

package bench

import (
	"testing"

	"go.temporal.io/sdk/client"
)

// devServer skips b: the dev server harness runs on unix only.
func devServer(b *testing.B) client.Client {
	b.Skip("the dev server benchmark runs on unix only")
	return nil
}
