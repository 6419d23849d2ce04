//go:build unix

package bench

import (
	"testing"

	"go.temporal.io/sdk/client"

	"github.com/gathergen/gathergen/temporal/internal/devserver"
)

// devServer starts a dev server and two workers for b.
func devServer(b *testing.B) client.Client {
	_, c := devserver.Start(b)
	startWorkers(b, c)
	return c
}
