package generator

import (
	"fmt"
	"go/types"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// stdWrapped are the standard library's packages whose every exported
// function, and every exported method of every exported type, the test
// wraps: most I/O of a Go service goes through them.
var stdWrapped = []string{
	"net/http", "database/sql", "os", "bytes", "strings", "bufio", "encoding/json", "time", "sync/atomic",
}

// TestWrapStandardLibrary wraps every exported function and every exported
// method (in the method set of T or *T, promoted ones included) of every
// exported type of stdWrapped, named by import path in packages that import
// nothing, then builds and vets the output. None is refused, and none
// needs as NAME: the default names (FAsync, TypeMethodAsync) of one
// package never collide.
func TestWrapStandardLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds wrappers of nine packages")
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes}, stdWrapped...)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	total := 0
	for _, pkg := range pkgs {
		targets := exportedTargets(pkg.Types)
		if len(targets) == 0 {
			t.Fatalf("%s: nothing to wrap", pkg.PkgPath)
		}
		var src strings.Builder
		fmt.Fprintf(&src, "// Package %s wraps %s.\npackage %[1]s\n", stdPackageName(pkg.PkgPath), pkg.PkgPath)
		for _, target := range targets {
			fmt.Fprintf(&src, "\n//gathergen:async %s\n", target)
			total++
		}
		files[stdPackageName(pkg.PkgPath)+"/w.go"] = src.String()
	}
	dir, env := tempModule(t, files)
	res, err := Generate(Config{Dir: dir, Env: env, Patterns: []string{"./..."}})
	if err != nil {
		t.Fatal(err)
	}
	// Nothing of these packages needs to be dropped: every function and
	// method that outside code can call, it can also wrap.
	for _, d := range res.Diagnostics {
		t.Errorf("refused: %s", d)
	}
	wrappers := 0
	for _, f := range res.Files {
		// each wrapper's doc comment, whose lines may wrap
		doc := strings.ReplaceAll(string(f.New), "\n// ", " ")
		wrappers += strings.Count(doc, " in its own goroutine and returns its future.\n")
	}
	t.Logf("%d directives in %d packages, %d wrappers", total, len(res.Files), wrappers)
	if wrappers != total || len(res.Files) != len(stdWrapped) {
		t.Fatalf("%d wrappers in %d files for %d directives in %d packages", wrappers, len(res.Files), total, len(stdWrapped))
	}
	if _, err := res.Write(); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir, cmd.Env = dir, env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// exportedTargets lists what the test wraps in pkg, spelled by import path:
// PATH.F, PATH.T.M for a method in the method set of T (an interface's
// included), (*PATH.T).M for one in that of *T alone.
func exportedTargets(pkg *types.Package) []string {
	var targets []string
	for _, name := range pkg.Scope().Names() {
		obj := pkg.Scope().Lookup(name)
		if !obj.Exported() {
			continue
		}
		switch obj := obj.(type) {
		case *types.Func:
			targets = append(targets, pkg.Path()+"."+name)
		case *types.TypeName:
			targets = append(targets, methodTargets(pkg, obj)...)
		}
	}
	return targets
}

// methodTargets lists the exported methods of a type as targets.
func methodTargets(pkg *types.Package, obj *types.TypeName) []string {
	named, ok := types.Unalias(obj.Type()).(*types.Named)
	if !ok {
		return nil
	}
	value := types.NewMethodSet(named)
	pointer := value
	if !types.IsInterface(named) {
		pointer = types.NewMethodSet(types.NewPointer(named))
	}
	var targets []string
	for i := range pointer.Len() {
		m := pointer.At(i).Obj()
		if !m.Exported() {
			continue
		}
		if value.Lookup(m.Pkg(), m.Name()) != nil {
			targets = append(targets, pkg.Path()+"."+obj.Name()+"."+m.Name())
		} else {
			targets = append(targets, "(*"+pkg.Path()+"."+obj.Name()+")."+m.Name())
		}
	}
	return targets
}

// stdPackageName names the generated package that wraps path: wnethttp
// for net/http.
func stdPackageName(path string) string {
	return "w" + strings.ReplaceAll(path, "/", "")
}
