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

// TestTemporal checks the futures of the Temporal target in workflow code:
// those never read are reported like the runtime's, those read are not; nor
// is anything in the stub of github.com/gathergen/gathergen/temporal.
func TestTemporal(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unawaited.Analyzer,
		"workflows", "github.com/gathergen/gathergen/temporal")
}
