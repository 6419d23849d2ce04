package mapped

import (
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	gtemporal "github.com/gathergen/gathergen/temporal"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"
)

// This test runs in the temporal module (its TestGeneratedActivities copies
// this case into a module that requires the SDK): the root module never
// builds it.

// environment returns a test environment with the package's activities and
// the Maps' child workflows registered, and the workflows of the tests.
func environment() *testsuite.TestWorkflowEnvironment {
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	env := suite.NewTestWorkflowEnvironment()
	RegisterActivities(env, ActivityReceivers{Scales: &Scales{Unit: "g"}})
	RegisterWorkflows(env)
	env.RegisterWorkflow(everyMap)
	env.RegisterWorkflow(SumOfSquares)
	return env
}

// small cuts an input into chunks of two, so that every Map runs several
// child workflows.
var small = gtemporal.MapOptions{ChunkSize: 2}

// withOptions sets the activity options that a Map carries to its
// children.
func withOptions(ctx workflow.Context) workflow.Context {
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
}

// results are the results of everyMap.
type results struct {
	Squares []int
	Weights []Weight
	Audits  int
	Texts   []string
	Sums    []int
	Touches int
}

// everyMap runs each Map of the package over five elements.
func everyMap(ctx workflow.Context) (results, error) {
	ctx = withOptions(ctx)
	var r results
	var err error
	if r.Squares, err = SquareMap(ctx, []int{1, 2, 3, 4, 5}, small); err != nil {
		return r, err
	}
	items := []Item{{"fig", 1}, {"pear", 2}, {"plum", 3}, {"kiwi", 1}, {"lime", 2}}
	if r.Weights, err = ScalesWeighMap(ctx, items, small); err != nil {
		return r, err
	}
	audits, err := AuditMap(ctx, []string{"a", "b", "c", "d", "e"}, small)
	if err != nil {
		return r, err
	}
	r.Audits = len(audits)
	if r.Texts, err = ItoaMap(ctx, []int{10, 20, 30, 40, 50}, small); err != nil {
		return r, err
	}
	if r.Sums, err = SumMap(ctx, [][]int{{1, 2}, nil, {3}, {4, 5, 6}}, small); err != nil {
		return r, err
	}
	touches, err := TouchMap(ctx, []string{"a", "b", "c", "d", "e"}, small)
	r.Touches = len(touches)
	return r, err
}

// TestEveryMap runs every Map of the package: results in input order,
// whatever the chunks.
func TestEveryMap(t *testing.T) {
	env := environment()
	env.ExecuteWorkflow(everyMap)
	var got results
	if err := env.GetWorkflowResult(&got); err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 4, 9, 16, 25}; !slices.Equal(got.Squares, want) {
		t.Errorf("SquareMap = %v, want %v", got.Squares, want)
	}
	want := []Weight{{30, "g"}, {80, "g"}, {120, "g"}, {40, "g"}, {80, "g"}}
	if !slices.Equal(got.Weights, want) {
		t.Errorf("ScalesWeighMap = %v, want %v", got.Weights, want)
	}
	if got.Audits != 5 {
		t.Errorf("AuditMap returned %d results, want 5", got.Audits)
	}
	if want := []string{"10", "20", "30", "40", "50"}; !slices.Equal(got.Texts, want) {
		t.Errorf("ItoaMap = %v, want %v", got.Texts, want)
	}
	if want := []int{3, 0, 3, 15}; !slices.Equal(got.Sums, want) {
		t.Errorf("SumMap = %v, want %v", got.Sums, want)
	}
	if got.Touches != 5 {
		t.Errorf("TouchMap returned %d results, want 5", got.Touches)
	}
}

// TestWorkflowCode runs SumOfSquares, the package's own workflow code.
func TestWorkflowCode(t *testing.T) {
	env := environment()
	env.ExecuteWorkflow(SumOfSquares, []int{1, 2, 3, 4, 5})
	var got int
	if err := env.GetWorkflowResult(&got); err != nil {
		t.Fatal(err)
	}
	if got != 55 {
		t.Errorf("SumOfSquares = %d, want 55", got)
	}
}

// TestMapFailure: a failed element fails the Map with a TaskError of its
// index in the whole input and the activity's name, as a client reads it.
func TestMapFailure(t *testing.T) {
	env := environment()
	ns := []int{0, 1, 2, 3, 4, 5, -6, 7}
	env.ExecuteWorkflow(SumOfSquares, ns)
	err := env.GetWorkflowError()
	if err == nil || !strings.Contains(err.Error(), "negative") {
		t.Fatalf("SumOfSquares = %v, want the failure of element 6", err)
	}
	te, ok := gtemporal.AsTaskError(err)
	if !ok || te.Index != 6 || te.Name != SquareActivityName {
		t.Fatalf("the failure is %+v, want index 6, %s", te, SquareActivityName)
	}
}

// TestMapNames: the names that the generated code declares are those under
// which the Mappers register their child workflows.
func TestMapNames(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{SquareMapWorkflowName, squareMapper.Name()},
		{ScalesWeighMapWorkflowName, scalesWeighMapper.Name()},
		{AuditMapWorkflowName, auditMapper.Name()},
		{ItoaMapWorkflowName, itoaMapper.Name()},
		{SumMapWorkflowName, sumMapper.Name()},
		{ItoaMapWorkflowName, ItoaActivityName + "Map"},
	} {
		if c.got != c.want {
			t.Errorf("%s, want %s", c.got, c.want)
		}
	}
}
