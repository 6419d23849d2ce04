// Gathergen writes typed async wrappers and gather helpers for Go functions,
// so that Python's
//
//	user, orders = await asyncio.gather(fetch_user(id), fetch_orders(id))
//
// becomes, with every value statically typed,
//
//	user, orders, err := client.LoadPage(ctx, id)
//
// # Usage
//
//	gathergen [flags] [packages]
//
// Packages are named as for go build; the default is ".", the package in
// whose folder go generate runs the command. All packages load in one go
// (./... included), and each package with directives gets one file,
// gather_gen.go, beside its sources, and a second, activity_gen.go, when it
// has Temporal activities. Install it as a tool of your module and
// run it with go generate:
//
//	go get -tool github.com/gathergen/gathergen/cmd/gathergen
//
//	//go:generate go tool gathergen
//
// The flags are:
//
//	-activity-output name
//		name of the generated file of Temporal activities in each
//		package folder (default activity_gen.go), with the rules of
//		-output, and another name than the output's
//	-output name
//		name of the generated file in each package folder (default
//		gather_gen.go); a name without a folder, ending in .go, that
//		every configuration builds (not _test.go, no GOOS or GOARCH
//		suffix, not starting with _ or .)
//	-check
//		write nothing; print a unified diff of every stale file and exit
//		1 (for CI: go tool gathergen -check ./...)
//	-tags list
//		comma-separated build tags to load the packages with
//	-v
//		report every file written, removed, unchanged or stale
//	-version
//		print the version of the gathergen module that the command was
//		built from and exit: the version that go install or go run
//		pkg@version fetched, the version that your module requires when
//		gathergen is its tool (with " => " and the replacement under a
//		replace directive), or (devel) or a pseudo-version when it was
//		built in a clone
//
// # Directives
//
// A directive is a line comment with no space after the slashes, like
// //go:generate.
//
//	//gathergen:async
//		in the doc comment of a function or method F: emits FAsync, with
//		the same type parameters, receiver and parameters, returning
//		*runtime.Future[R]
//	//gathergen:async as Other
//		the same, naming the wrapper Other
//	//gathergen:async pkg.Func [as Name]
//		anywhere at package level: a wrapper for a function of another
//		package, named by its name as imported in that file or by its
//		import path (strconv.Atoi, net/http.Get), imported or not;
//		FuncAsync by default
//	//gathergen:async (*pkg.T).M [as Name], pkg.T.M, T.M
//		anywhere at package level: a wrapper for a method of another
//		package's type, of an interface (this package's or another's) or
//		promoted from an embedded field, taking the receiver after ctx;
//		TMAsync by default (ClientDoAsync for (*http.Client).Do)
//	//gathergen:gather Name F G ...
//		anywhere at package level: Name(ctx, params of F, params of G, ...)
//		(results of F, results of G, ..., error) starts every call and
//		gathers them: the first failure cancels the others and returns a
//		*runtime.TaskError that names the function
//	//gathergen:gather -scoped Name F G ...
//		the same helper, its gather run in a runtime.Scope
//		(gtemporal.Scope for activities): it returns only once every task
//		that it started has returned
//
// Directives belong in the package's own files: generated code cannot call
// test code, so a directive in a _test.go file is reported as a problem.
//
// A group names 2 to 9 functions (the runtime's Gather2 to Gather9; a group
// of one would only await one future, so it is refused with a hint, and so
// is a group of more than nine). Each element is a function (F), a method
// (Type.Method, or Method alone where one async type has it) or a function
// of another package (pkg.Func) or a method of another package's type or
// of an interface, named as for an async directive ((*http.Client).Do,
// io.Reader.Read), and each needs its own async directive.
//
// The helper takes ctx and then the elements' parameters in order, one per
// name: parameters that have the same name and identical types in several
// elements become one (FetchUser(ctx, id int) and FetchOrders(ctx, id int)
// share id). Where the types of a shared name differ, each is prefixed with
// its function's name (id becomes fetchUserID); unnamed parameters are
// never shared. When names coincide by accident, rename one of the
// parameters (a parameter's name is no part of its function's type), or,
// for functions of other packages, call the wrappers and runtime.GatherN
// yourself. A group whose methods are all of one type (with functions or
// not) is a method of that type, with a pointer receiver where one of the
// methods has one: func (c *Client) LoadPage(ctx context.Context, id int).
// A group of methods of several types, or with generic elements, is a
// function that takes each receiver as a parameter. A signature or a call
// wider than 100 columns is written one parameter or argument per line.
//
// Methods are named as in a Go method expression: (*http.Client).Do for a
// method of *T, time.Time.Format for one of T (T.M of a method with a
// pointer receiver is refused with a hint to write (*T).M), io.Reader.Read
// or Store.Get for an interface's. Promoted methods, of embedded fields and
// embedded interfaces, resolve as the compiler resolves them. The wrapper
// is a function that takes the receiver right after ctx, named after the
// type's first letter:
//
//	//gathergen:async (*http.Client).Do
//
//	func ClientDoAsync(ctx context.Context, c *http.Client, req *http.Request) *runtime.Future[*http.Response]
//
// A generic type's parameters are carried over to the wrapper:
// (*atomic.Pointer[T]).Load, or (*atomic.Pointer).Load, gives
// PointerLoadAsync[T any](ctx context.Context, p *atomic.Pointer[T]); names
// in brackets (written without spaces: [K,V]) name the wrapper's type
// parameters. A method declared on a type of this package is wrapped from
// its doc comment, as a method; a free-standing T.M for it is refused with
// that hint. In a group helper, the receiver of a method wrapped as a
// function is a parameter like the others: two methods of one type share
// it ((*http.Client).Do and (*http.Client).Get take one c *http.Client),
// and receivers of one name but different types are named after their
// types (client, counter).
//
// A directive may name a package that no file of the package imports: an
// import that only a directive used would be unused, which the compiler
// refuses and goimports deletes. A bare name (errors.Join) is the package
// that the directive's file imports under that name, else the standard
// library's package of that name; a name of several (rand: crypto/rand,
// math/rand, math/rand/v2) is a problem that names them, and the import
// path settles it. Such packages are read from export data in one more
// load, made only when some directive needs one.
//
// A constraint that another package does not export (math/rand/v2.N's
// intType) is spelled in the wrapper by its type set; a constraint with an
// unexported method, or that names an unexported type, is refused with
// that reason, since no code outside its package could write it. Two
// directives that give one name (encoding/json.Marshal and
// encoding/xml.Marshal) are a problem whose message suggests as NAME.
//
// Every wrapper takes ctx first: a function with a context.Context
// parameter, first or not (func Late(id int, ctx context.Context)),
// receives the task's context there, so that cancellation and
// runtime.WithLimit reach it, and its wrapper takes ctx once
// (LateAsync(ctx, id)). A function with two context.Context parameters is
// a problem: gathergen has one context, the task's, to give. Results map onto the future's value:
// (T, error) and (T) give T; (error) and () give struct{}; several values
// give a generated struct, SplitResult for Split (ClientSplitResult for the
// method Client.Split), whose fields are the result names capitalised, or
// R0, R1, ... when some are unnamed. The final error may be of any pointer
// or interface type that implements error (*NotFound, net.Error): the
// future fails when it is not nil, so that a nil *NotFound is no failure.
// An error type that cannot be nil (type Code int) is a value like any
// other.
//
// # Example
//
// Given
//
//	package shop
//
//	//go:generate go tool gathergen
//
//	//gathergen:async
//	func FetchUser(ctx context.Context, id int) (User, error) { ... }
//
//	//gathergen:async
//	func (c *Client) FetchOrders(ctx context.Context, id int) ([]Order, error) { ... }
//
//	//gathergen:async strconv.Atoi as ParseIntAsync
//
//	//gathergen:gather LoadPage FetchUser FetchOrders
//
// go generate writes gather_gen.go, which declares
//
//	func FetchUserAsync(ctx context.Context, id int) *runtime.Future[User]
//	func (c *Client) FetchOrdersAsync(ctx context.Context, id int) *runtime.Future[[]Order]
//	func ParseIntAsync(ctx context.Context, s string) *runtime.Future[int]
//	func (c *Client) LoadPage(ctx context.Context, id int) (User, []Order, error)
//
// A wrapper hands the values it carries (the receiver and the parameters)
// to the runtime one by one, with runtime.GoNamed for none, runtime.GoWith
// for one and runtime.GoWith2 to GoWith9 for two to nine, so that its task
// costs the future and the goroutine and no closure. A function whose type
// is the task's (it takes a context and returns a value and an error, and
// is neither generic nor variadic) is passed as it is:
//
//	func FetchUserAsync(ctx context.Context, id int) *runtime.Future[User] {
//		return runtime.GoWith(ctx, "FetchUser", id, FetchUser)
//	}
//
// Anything else goes through a function literal that takes the values as
// parameters, named as the wrapper's, and captures nothing:
//
//	func (c *Client) FetchOrdersAsync(ctx context.Context, id int) *runtime.Future[[]Order] {
//		return runtime.GoWith2(ctx, "Client.FetchOrders", c, id, func(ctx context.Context, c *Client, id int) ([]Order, error) {
//			return c.FetchOrders(ctx, id)
//		})
//	}
//
// A wrapper of more than nine values (the receiver counts) passes
// runtime.GoNamed a closure that captures them, one allocation more.
//
// # Temporal activities
//
// When one machine is not enough, the same functions run as Temporal
// activities on a cluster of workers, and workflow code gathers them with
// the same typed helpers, from package gtemporal
// (github.com/gathergen/gathergen/temporal, a module of its own):
//
//	//gathergen:activity [local|map] [as Name]
//		in the doc comment of a function or method
//	//gathergen:activity [local|map] pkg.Func [as Name]
//		anywhere at package level: a function of another package, named
//		as for //gathergen:async
//	//gathergen:workflow [as Name]
//		in the doc comment of a workflow function (see Temporal
//		workflows below)
//
// Activities go to a file of their own, activity_gen.go (-activity-output
// names it otherwise), so that a package without activities never imports
// the Temporal SDK. For FetchUser, Client.FetchOrders and strconv.Atoi it
// declares
//
//	const FetchUserActivityName = "FetchUser"
//	func FetchUserActivity(ctx workflow.Context, id int) *gtemporal.Future[User]
//	const ClientFetchOrdersActivityName = "ClientFetchOrders"
//	func ClientFetchOrdersActivity(ctx workflow.Context, id int) *gtemporal.Future[[]Order]
//	const AtoiActivityName = "Atoi"
//	func AtoiActivity(ctx workflow.Context, s string) *gtemporal.Future[int]
//	type ActivityReceivers struct{ Client *Client }
//	func RegisterActivities(r worker.ActivityRegistry, receivers ActivityReceivers)
//
// An activity's Base is the Name of "as Name", F for a function, Type+Method
// for a method (ClientFetchOrders), Func for pkg.Func (Atoi). It is the
// name the activity is registered under, and its identifiers are
// Base+"Activity" for the stub and Base+"ActivityName" for the constant.
// A Base never holds a dot: the SDK's replay compares only the part of an
// activity's name after its last dot, so that "Shipping.Quote" and
// "Insurance.Quote" would be one name to it, and a workflow that gathers
// the two and swaps them in a later version would replay without an
// error, each future receiving the other's result. Two activities of a
// package under one name are a problem.
//
// Workflow histories record registered names, and renaming a function
// renames its activity: pin with "as Name" the name of an activity whose
// workflows may still be running. A worker that the SDK's own
// RegisterActivity set up registered a method under the method's name
// alone (RegisterActivity(&Payments{}) registers Charge): "as Charge" on
// Payments.Charge keeps that name, and its stub is ChargeActivity. Names
// are checked within a package; a worker that registers the activities of
// two packages needs theirs distinct too (the SDK panics on a name
// registered twice): give one "as Name". docs/temporal-directives.md says
// which names are safe.
//
// A stub starts its activity with gtemporal.Execute, under its name and
// with the activity options of ctx (set with workflow.WithActivityOptions;
// without a start-to-close or schedule-to-close timeout the future fails at
// once), and returns its typed future. The activity's leading
// context.Context is not among the stub's parameters, and a function
// without one is fine; a variadic parameter travels as one slice. Results
// map as for wrappers: (T, error) and (T) give Future[T], (error) and ()
// give Future[struct{}], and a final error of another type (*NotFound)
// fails only when it is not nil.
//
// RegisterActivities registers every activity of the package under its
// name. A package whose activities are all functions gets
// RegisterActivities(r worker.ActivityRegistry). One with methods among
// them gets a struct, ActivityReceivers, with one field per type whose
// methods are activities, named as the type (a pointer where one of its
// methods has a pointer receiver), and RegisterActivities takes it after
// r, so that every receiver is passed by name, in one line:
//
//	type ActivityReceivers struct {
//		Client *Client
//	}
//	func RegisterActivities(r worker.ActivityRegistry, receivers ActivityReceivers)
//
//	RegisterActivities(w, shop.ActivityReceivers{Client: client})
//
// A new type of activities adds a field, which calls that leave it out
// still compile; RegisterActivities panics, naming the field, when one of
// its pointers is nil, before it registers anything, so that a forgotten
// receiver shows when the worker starts rather than at its first call.
// The worker calls each method on the value of its type's field. A
// function that Temporal calls as it is (it returns (T, error) or error
// and is not variadic) is registered itself, any other through a function
// literal that adapts it.
//
// A gather directive whose elements are all activities emits its helper
// for workflow code:
//
//	//gathergen:gather LoadPage FetchUser Client.FetchOrders
//
//	func LoadPage(ctx workflow.Context, id int) (User, []Order, error) {
//		return gtemporal.Gather2(ctx, FetchUserActivity(ctx, id), ClientFetchOrdersActivity(ctx, id))
//	}
//
// Its elements are named as in-process ones are (F, Type.Method, Method,
// pkg.Func: the function, not the Name of "as Name"), its parameters are
// shared by the same rule, and a method's receiver is not among them: that
// is the worker's.
//
// A package's activities go to one file, with one build constraint:
// RegisterActivities registers them all, so their directives, and those of
// their groups, must come from files with the same constraint (one that
// always holds for the module's Go version counting as none); directives
// in files that the run's configuration leaves out are read in one that
// includes them, as for async directives.
//
// Each of these is a problem, with its position: a generic function or a
// method of a generic type (Temporal registers functions of one type); a
// method of another package's type or of an interface named as a target
// ((*pkg.T).M, pkg.T.M: make an activity of a function that calls it); more
// than one result besides the error (return a struct); two activities under
// one name; a function with both an async and an activity directive (a
// group that names it could not tell which to gather); a group of
// activities and async functions; and a parameter or result that
// Temporal's default data converter cannot carry. That converter writes
// protocol buffers, []byte and, for everything else, JSON, so it cannot
// carry a channel, a function, an unsafe.Pointer, a complex number, an
// interface with methods (error, io.Reader: JSON cannot tell which type to
// read back), a map whose keys are neither strings, integers nor text
// marshalers (MarshalText on the key's value, UnmarshalText on its
// pointer), or an embedded pointer to an unexported struct (written, never
// read back), wherever they are in the value: through pointers, slices,
// arrays but those of length 0, map values and the fields that
// encoding/json writes (exported, or embedded structs; not tagged
// json:"-"; an embedded unexported type that is not a struct is left out).
// A type whose value has its own MarshalJSON, MarshalText or ProtoReflect
// method is trusted as it is. Method sets matter: a parameter or result
// reaches the converter by value, as do a map's keys and values, and a
// marshaler with a pointer receiver is called only through a pointer, in a
// slice, or on a field or element of such a value. Met by value, such a
// type is written field by field: refused when its pointer has an
// unmarshaler (a big.Int by value is written as {} and cannot be read
// back; pass a *big.Int). The empty interface is carried, as JSON values: a
// number comes back as a float64.
//
// # Local activities
//
// "//gathergen:activity local" makes the activity's stub a local one,
// Base+"LocalActivity", which runs it with workflow.ExecuteLocalActivity
// (through gtemporal.ExecuteLocal) under the local activity options of ctx
// (set with workflow.WithLocalActivityOptions; without a start-to-close
// or schedule-to-close timeout the future fails at once). The worker that
// runs the workflow runs a local activity itself, with no round trip to
// the server for each attempt, which suits short work; it cannot
// heartbeat. Everything else is as for an activity: its name and constant
// (Base+"ActivityName"), RegisterActivities, which registers it like any
// activity (the worker runs a local activity by name only when it has it
// registered), the checks, and the groups that gather it:
//
//	//gathergen:activity local
//	func Tax(line Line) int { ... }
//
//	const TaxActivityName = "Tax"
//	func TaxLocalActivity(ctx workflow.Context, line Line) *gtemporal.Future[int]
//
// A future of a local activity joins every gtemporal wait beside those of
// activities and child workflows.
//
// # Maps of activities
//
// "//gathergen:activity map" gives the activity, besides its stub, a Map
// that runs it once per element of a slice, in child workflows, within
// Temporal's limits (activities in flight, events per history, payload
// sizes), and returns the results in input order. The activity takes
// exactly one parameter besides its context, the element; a result of
// error only gives []struct{}:
//
//	//gathergen:activity map
//	func FetchUser(ctx context.Context, id int) (User, error) { ... }
//
//	const FetchUserMapWorkflowName = "FetchUserMap"
//	var fetchUserMapper = gtemporal.NewMapper[int, User](FetchUserActivityName)
//	func FetchUserMap(ctx workflow.Context, in []int, o gtemporal.MapOptions) ([]User, error)
//
// The Map's child workflows are registered under Base+"Map", by
// RegisterWorkflows, which exists when the package has a workflow or a Map;
// every worker that runs them registers the activities too. The Map reads
// the activity options and the child options of ctx and carries them to
// its children; gtemporal.Mapper.Map says how chunks, the window of
// children and the first failure (a *gtemporal.TaskError of the element's
// index in the whole input) behave. An activity is local or has a Map, not
// both: a Map spreads its activities over the workers, and a local
// activity runs in the worker of its caller. Each of these is a problem,
// with its position: no element or more than one, map twice, local with
// map, a Map named as a workflow of the package, and a generated name that
// collides.
//
// # Temporal workflows
//
// "//gathergen:workflow [as Name]" in the doc comment of a workflow
// function, func(ctx workflow.Context, params...) (T, error) or error,
// emits, in the activity file:
//
//	//gathergen:workflow
//	func ShipOrder(ctx workflow.Context, order Order) (Receipt, error) { ... }
//
//	const ShipOrderWorkflowName = "ShipOrder"
//	func ShipOrderChildWorkflow(ctx workflow.Context, order Order) *gtemporal.Future[Receipt]
//	func ExecuteShipOrder(ctx context.Context, c client.Client, opts client.StartWorkflowOptions, order Order) (gtemporal.Run[Receipt], error)
//	func RegisterWorkflows(r worker.WorkflowRegistry)
//
// Base is Name or the function's name: the workflow is registered under
// it, and it names the constant (Base+"WorkflowName"), the child stub
// (Base+"ChildWorkflow") and the typed start ("Execute"+Base). Like an
// activity's, it has no dot, since the SDK's replay compares a child
// workflow's name after its last dot only.
//
// The child stub starts the workflow as a child of the workflow of ctx,
// with the child options of ctx (workflow.WithChildOptions), through
// gtemporal.ExecuteChild, and returns its typed future, which every
// gtemporal wait gathers beside activities. A workflow that returns only
// an error gives Future[struct{}]. When a gather cancels a pending child
// (a sibling failed, Race or Any has a winner, an AsCompleted loop was
// left), the child receives a cancellation request, and its future
// settles as its ChildWorkflowCancellationType and WaitForCancellation
// say; when the parent closes, the child's ParentClosePolicy decides
// (package gtemporal's doc has the table).
//
// The typed start is client code: it starts the workflow with c and opts
// (client.Client's ExecuteWorkflow; opts.TaskQueue is required) through
// gtemporal.ExecuteWorkflow and returns a gtemporal.Run[T], whose ID and
// RunID name the execution and whose Get(ctx) returns (T, error).
//
// RegisterWorkflows registers every workflow of the package under its
// name (and the child workflows of its Maps). Each of these is a
// problem, with its position: a generic workflow, a method, a variadic
// function, a first parameter that is not a workflow.Context, results
// other than (T, error) or error, a parameter or result that the data
// converter cannot carry (the rules of activities), two workflows under
// one name, and the directive anywhere but in the doc comment of a
// function.
//
// # Diagnostics and exit status
//
// Gathergen checks everything before it writes anything. Every problem (an
// unknown verb, malformed arguments, a directive on something that is not a
// function, an unknown or non-async group element, a duplicate or colliding
// name, a missing external function, a type error of the package, in go's
// own words) is printed as file:line:col: message, sorted, and then it exits
// 1 without writing. A comment that looks meant as a directive but is not
// one ("// gathergen:async", "//gathergen:Async") is a problem too, and so
// is a generated name that would collide with an import, shadow a
// predeclared identifier or a promoted field or method, or take a name
// that a _test.go file of the package declares or imports (go test
// compiles those files with the generated one, matched for -tags, or the
// tags of GOFLAGS, and the platform; the name of an import without one,
// and the names that a dot import brings in, are checked when they are
// known without loading the package: those of a package that the
// package's own files import, and the standard library's names of
// imports). The generated file imports its packages under names that
// those files do not declare.
//
// Gathergen needs declarations only, and type-checks nothing inside
// function bodies: a type error in a body is the compiler's to report, and
// so is an unused import, which gathergen cannot tell from an import that
// only bodies use. The type errors it reports are those of signatures, type
// declarations, and package-level constants and variables, function
// literals in their initializers included. Among those, errors that say a
// name gathergen is about to generate is undefined are not reported: code
// may name wrappers before their first generation, another package's too
// (its directives are then read from its source).
//
// The exit status is 0 on success, 1 on problems or, under -check, on a
// stale file, and 2 on bad usage.
//
// # Output
//
// The file starts with "// Code generated by gathergen. DO NOT EDIT." and
// keeps the build constraint (//go:build line, GOOS/GOARCH file name
// suffix, cgo for a file that imports "C") of the files that hold the
// directives. Files that the run's configuration leaves out (x_windows.go
// on Linux, a //go:build integration file without -tags integration) are
// read and type-checked too, each in a configuration that includes it, so
// that one run, whatever its GOOS and tags, writes what every
// configuration needs and reports every problem of every configuration.
// Each distinct constraint gets a file of its own: gather_gen.go holds the
// declarations without constraint (or those of the only constraint there
// is), and the others go to gather_gen.linux.go,
// gather_gen.not_windows.go, gather_gen.integration.go, named after the
// constraint past a dot (the go command reads no GOOS or GOARCH there), so
// that each builds exactly where its //go:build line says. A wrapper goes
// to the file of its directive's constraint; a group to the file where all
// its elements build (to each platform's file, where each declares the
// element). Constraints that hold in the same configurations share a
// file, and a constraint that always holds for the module's Go version
// (//go:build go1.18 in a go 1.26 module) is none. -check checks every
// such file. It is gofmt- and goimports-clean (the standard library's
// imports first, a blank line, the others, a local name only where one is
// needed), no line of it is wider than 100 columns, and it is the same
// byte for byte from run to run, written only when it changed (with the
// old file's permissions), through temporary files that are renamed over
// the old ones only once every package's file is written. After its
// imports, a constant refuses to compile against a runtime (or gtemporal)
// older than the code in the file needs, with a message that names the
// fix: "constant -1 overflows ...runtime.UpgradeRuntimeOrRegenerate" (see
// runtime.GeneratedVersion; an activity file with a Map needs gtemporal's
// version 2).
// Generated names never shadow an import or a declared name; imports that
// clash (the standard runtime and gathergen's, say) get numbered names.
// Gathergen's earlier output is left out of the load, so a stale file that
// no longer compiles (or names the package as it was called before a
// rename, has merge conflict markers, or imports a package since deleted)
// never blocks its regeneration: earlier output is known by its first
// line, the header. It is removed once no directive asks for it, and a
// symbolic link to nothing at the output's path is replaced. A file of the
// output's name that gathergen did not write is never touched, and earlier
// output under another name (another -output) is a problem.
package main
