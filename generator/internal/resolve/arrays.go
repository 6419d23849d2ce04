package resolve

import (
	"go/ast"
	"go/types"

	"github.com/gathergen/gathergen/generator/internal/model"
)

// arrayLengths collects the length expressions of every array type written
// in files.
func arrayLengths(info *types.Info, files []*ast.File) *model.Lengths {
	l := &model.Lengths{Info: info, Exprs: map[*types.Array]ast.Expr{}}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if at, ok := n.(*ast.ArrayType); ok && at.Len != nil {
				if arr, ok := info.TypeOf(at).(*types.Array); ok {
					l.Exprs[arr] = at.Len
				}
			}
			return true
		})
	}
	return l
}
