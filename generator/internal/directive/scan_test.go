package directive

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func TestRecvTypeName(t *testing.T) {
	src := "package p\nfunc (T) A() {}\nfunc (*T[X]) B() {}\nfunc (t (*U[X, Y])) C() {}\nfunc D() {}\nfunc (struct{}) E() {}"
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range f.Decls {
		got = append(got, RecvTypeNameOf(d.(*ast.FuncDecl)))
	}
	if strings.Join(got, ",") != "T,T,U,," {
		t.Errorf("receiver names %q", got)
	}
}
