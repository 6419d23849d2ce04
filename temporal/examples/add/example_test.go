package main

import (
	"fmt"
	"io"
	"log/slog"

	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/testsuite"
)

// The workflow, run in the SDK's test environment with the generated stubs
// and registration, gathers the sums in the order of the pairs.
func Example() {
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	env := suite.NewTestWorkflowEnvironment()
	register(env)
	env.ExecuteWorkflow(Sums, [][2]int{{4, 5}, {6, 6}, {7, 8}, {9, 4}})
	var sums []int
	err := env.GetWorkflowResult(&sums)
	fmt.Println(sums, err)
	// Output: [9 12 15 13] <nil>
}
