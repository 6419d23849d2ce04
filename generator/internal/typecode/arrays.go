package typecode

import (
	"go/ast"
	"go/types"

	"github.com/dave/jennifer/jen"
)

// arrayLen writes the length of an array type: its source expression when
// the package spells it with constants that generated code can name, its
// value otherwise.
func (w *TypeWriter) arrayLen(t *types.Array) *jen.Statement {
	if w.lens != nil {
		if code, ok := w.constExpr(w.lens.Exprs[t]); ok {
			return code
		}
	}
	return jen.Lit(int(t.Len()))
}

// constExpr writes a constant expression made of literals, operators,
// constants of this package and exported constants of imported packages.
func (w *TypeWriter) constExpr(x ast.Expr) (*jen.Statement, bool) {
	switch x := x.(type) {
	case *ast.BasicLit:
		return jen.Op(x.Value), true
	case *ast.Ident:
		c, ok := w.lens.Info.Uses[x].(*types.Const)
		return jen.Id(x.Name), ok && c.Pkg() == w.local && c.Parent() == w.local.Scope()
	case *ast.SelectorExpr:
		return w.qualifiedConst(x)
	case *ast.ParenExpr:
		inner, ok := w.constExpr(x.X)
		return jen.Parens(inner), ok
	case *ast.UnaryExpr:
		inner, ok := w.constExpr(x.X)
		return jen.Op(x.Op.String()).Add(inner), ok
	case *ast.BinaryExpr:
		left, okl := w.constExpr(x.X)
		right, okr := w.constExpr(x.Y)
		return left.Op(x.Op.String()).Add(right), okl && okr
	}
	return nil, false
}

// qualifiedConst writes pkg.Const, an exported constant of an imported
// package.
func (w *TypeWriter) qualifiedConst(x *ast.SelectorExpr) (*jen.Statement, bool) {
	id, ok := x.X.(*ast.Ident)
	if !ok {
		return nil, false
	}
	pn, ok := w.lens.Info.Uses[id].(*types.PkgName)
	c, isConst := w.lens.Info.Uses[x.Sel].(*types.Const)
	if !ok || !isConst || !c.Exported() {
		return nil, false
	}
	w.Used[pn.Imported().Path()] = pn.Imported()
	return jen.Qual(pn.Imported().Path(), c.Name()), true
}
