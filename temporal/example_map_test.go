package gtemporal_test

import (
	"fmt"
	"time"

	"go.temporal.io/sdk/workflow"

	gtemporal "github.com/gathergen/gathergen/temporal"
)

// fetchUsers is the Mapper of FetchUser: gathergen writes it, and
// FetchUserMap around it, for //gathergen:activity map.
var fetchUsers = gtemporal.NewMapper[int, User]("FetchUser")

// Names is a workflow that fetches many users through one Map, in child
// workflows of at most 3 users each.
func Names(ctx workflow.Context, n int) (string, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
	ids := make([]int, n)
	for i := range ids {
		ids[i] = 100 + i
	}
	users, err := fetchUsers.Map(ctx, ids, gtemporal.MapOptions{ChunkSize: 3})
	if err != nil {
		return "", err
	}
	return fmt.Sprint(len(users), " users, from ", users[0].Name, " to ", users[n-1].Name), nil
}

func ExampleMapper_Map() {
	env := newEnv()
	fetchUsers.Register(env) // a worker registers it beside the activity: FetchUserMap
	page, err := result(env, Names, 10)
	fmt.Println(page, err)
	// Output: 10 users, from user100 to user109 <nil>
}
