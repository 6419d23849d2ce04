package unawaited_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/gathergen/gathergen/analysis/unawaited"
)

// TestAnalyzer checks every want comment in testdata/src: each reported call
// in package dropped, nothing in packages kept, unseen and shop (which also
// play the part of generated code), nor in the runtime stub.
func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unawaited.Analyzer,
		"dropped", "kept", "unseen", "shop", "github.com/gathergen/gathergen/runtime")
}
