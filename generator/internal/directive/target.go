package directive

import (
	"go/token"
	"go/types"
	"strings"

	"github.com/gathergen/gathergen/generator/internal/goname"
)

// Target is what an async directive or a group element names, from its
// text alone: a function of another package (PKG.FUNC) or a method
// ((*T).M, (T).M, T.M, PKG.T.M, with type parameter names after a generic
// type: (*atomic.Pointer[T]).Load). Whether T.M names a method of this
// package's type T or a function of a package T is known only once types
// are.
type Target struct {
	// Qual is what comes before the last dot, without parentheses, star
	// or type parameters: PKG, T or PKG.T, where PKG is a package's name
	// or import path.
	Qual string
	// Name is the function or method.
	Name string
	// Method reports that the form says it is a method: parenthesised or
	// with type parameters.
	Method bool
	// Pointer reports the form (*T).M.
	Pointer bool
	// TypeArgs holds the names given to the receiver type's type
	// parameters, in order; nil when none are written.
	TypeArgs []string
}

// targetUsage is the shape of what an async directive may name.
const targetUsage = "want PKG.FUNC, (*PKG.TYPE).METHOD, PKG.TYPE.METHOD or TYPE.METHOD"

// ParseTarget parses the text of a target. It reports, as a message
// without position, what is malformed.
func ParseTarget(text string) (Target, string) {
	var t Target
	rest := text
	if inner, ok := strings.CutPrefix(rest, "("); ok {
		recv, method, ok := strings.Cut(inner, ").")
		if !ok {
			return t, "is not (*TYPE).METHOD"
		}
		t.Method = true
		recv, t.Pointer = strings.CutPrefix(recv, "*")
		rest = recv + "." + method
	}
	if open := strings.IndexByte(rest, '['); open >= 0 {
		end := strings.LastIndexByte(rest, ']')
		if end < open || !strings.HasPrefix(rest[end+1:], ".") {
			return t, "has type parameters that do not follow the type ((*PKG.TYPE[T]).METHOD)"
		}
		args, msg := parseTypeArgs(rest[open+1 : end])
		if msg != "" {
			return t, msg
		}
		t.Method, t.TypeArgs = true, args
		rest = rest[:open] + rest[end+1:]
	}
	qual, name, ok := SplitQualified(rest)
	if !ok || !token.IsIdentifier(name) || strings.ContainsAny(qual, "()*[] ") {
		return t, "is not " + targetUsage[len("want "):]
	}
	if t.Method && !strings.Contains(qual, ".") && !token.IsIdentifier(qual) {
		return t, "names a receiver type that is not TYPE or PKG.TYPE"
	}
	t.Qual, t.Name = qual, name
	return t, ""
}

// parseTypeArgs parses the names of a receiver's type parameters: "T" or
// "K,V". Each must be a distinct identifier: the wrapper declares them.
func parseTypeArgs(list string) ([]string, string) {
	args := strings.Split(list, ",")
	seen := map[string]bool{}
	for i, arg := range args {
		args[i] = strings.TrimSpace(arg)
		_, predeclared := types.Universe.Lookup(args[i]).(*types.TypeName)
		if !token.IsIdentifier(args[i]) || args[i] == "_" || seen[args[i]] || predeclared {
			return nil, "has type parameters [" + list + "]: write distinct names, which the wrapper declares ([T] or [K,V]), not types"
		}
		seen[args[i]] = true
	}
	return args, ""
}

// DefaultName is the wrapper name that a target gets without as NAME:
// FUNCAsync for a function, TYPEMETHODAsync for a method (ClientDoAsync
// for (*http.Client).Do), the type's name capitalised.
func DefaultName(typeName, name string) string {
	if typeName == "" {
		return name + "Async"
	}
	return goname.UpperFirst(typeName) + name + "Async"
}

// typeOfQual returns the type part of a qualifier that names a type: T of
// T, or T of PKG.T.
func typeOfQual(qual string) string {
	if _, name, ok := SplitQualified(qual); ok {
		return name
	}
	return qual
}
