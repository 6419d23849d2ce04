module github.com/gathergen/gathergen/bench

go 1.26.0

replace github.com/gathergen/gathergen => ..

require (
	github.com/gathergen/gathergen v0.1.0
	github.com/sourcegraph/conc v0.3.0
	golang.org/x/sync v0.25.0
)

require (
	github.com/aclements/go-moremath v0.0.0-20210112150236-f10218a38794 // indirect
	github.com/dave/jennifer v1.7.1 // indirect
	go.uber.org/atomic v1.7.0 // indirect
	go.uber.org/multierr v1.9.0 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/perf v0.0.0-20260908200009-22c9c6c9d4da // indirect
	golang.org/x/tools v0.52.0 // indirect
)

tool (
	github.com/gathergen/gathergen/cmd/gathergen
	golang.org/x/perf/cmd/benchstat
)
