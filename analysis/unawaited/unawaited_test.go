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

// TestReportsInPositionOrder checks that the analyzer reports a package's
// futures in the order of their positions, file by file, though it finds
// them in several passes (dropped calls, then the flow of each function,
// then appends): package dropped has reports of every kind, in two files.
func TestReportsInPositionOrder(t *testing.T) {
	for _, res := range analysistest.Run(t, analysistest.TestData(), unawaited.Analyzer, "dropped") {
		if len(res.Diagnostics) < 40 {
			t.Fatalf("%d reports in package dropped, want every report of both files", len(res.Diagnostics))
		}
		fset := res.Action.Package.Fset
		for i := 1; i < len(res.Diagnostics); i++ {
			prev, cur := fset.Position(res.Diagnostics[i-1].Pos), fset.Position(res.Diagnostics[i].Pos)
			if prev.Filename > cur.Filename || prev.Filename == cur.Filename && prev.Offset > cur.Offset {
				t.Errorf("report %d at %s follows report %d at %s", i, cur, i-1, prev)
			}
		}
	}
}
