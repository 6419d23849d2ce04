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

// cpuClock does nothing where the CPU time is not read.
type cpuClock struct{}

// startCPU returns a clock that reports nothing.
func startCPU() cpuClock { return cpuClock{} }

// report reports nothing.
func (cpuClock) report(*testing.B) {}
