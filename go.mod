module github.com/gathergen/gathergen

go 1.26.0

require github.com/dave/jennifer v1.7.1

require (
	go.uber.org/goleak v1.3.0 // indirect
	golang.org/x/tools v0.52.0 // indirect
	pgregory.net/rapid v1.3.0 // indirect
)
