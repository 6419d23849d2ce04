package generator_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/gathergen/gathergen/generator"
)

// ExampleGenerate generates the wrappers of a package in a module of its
// own: one async wrapper of a function of the package, one of the
// standard library's strconv.Atoi, and a group helper that gathers both.
func ExampleGenerate() {
	dir, err := os.MkdirTemp("", "shop")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	files := map[string]string{
		"go.mod": "module example.com/shop\n\ngo 1.26\n",
		"shop.go": `package shop

import "context"

// FetchUser loads a user's name.
//
//gathergen:async
func FetchUser(ctx context.Context, id int) (string, error) { return "ann", nil }

//gathergen:async strconv.Atoi as ParseIntAsync

//gathergen:gather LoadPage FetchUser strconv.Atoi
`,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	res, err := generator.Generate(generator.Config{Dir: dir, Env: append(os.Environ(), "GOWORK=off", "GOFLAGS=")})
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range res.Diagnostics {
		fmt.Println(d)
	}
	for _, f := range res.Files {
		fmt.Println(filepath.Base(f.Path), f.Changed())
		for _, line := range strings.Split(string(f.New), "\n") {
			if strings.HasPrefix(line, "func ") {
				fmt.Println(strings.TrimSuffix(line, " {"))
			}
		}
	}
	// Output:
	// gather_gen.go true
	// func FetchUserAsync(ctx context.Context, id int) *runtime.Future[string]
	// func ParseIntAsync(ctx context.Context, s string) *runtime.Future[int]
	// func LoadPage(ctx context.Context, id int, s string) (string, int, error)
}
