package goname

import (
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// KindOf names the kind of a declared object.
func KindOf(obj types.Object) string {
	switch o := obj.(type) {
	case *types.Func:
		if o.Signature().Recv() != nil {
			return "method"
		}
		return "function"
	case *types.TypeName:
		return "type"
	case *types.Const:
		return "constant"
	case *types.Var:
		if o.IsField() {
			return "field"
		}
		return "variable"
	}
	return "declaration"
}

// BaseName is a source name, or def for an unnamed or blank one.
func BaseName(name, def string) string {
	if name == "" || name == "_" {
		return def
	}
	return name
}

// Scope hands out identifiers that clash with nothing visible where they are
// declared: the file's import names, the package's top-level names (declared
// and generated), the predeclared types and constants, and the names already
// handed out in the same function.
type Scope struct {
	// reserved holds the names taken before the scope began; it is shared
	// between scopes and never written.
	reserved map[string]bool
	// Own holds the names the scope handed out.
	Own map[string]bool
}

// NewScope returns a scope in which every name of reserved is taken. The
// scope keeps reserved, unchanged, rather than a copy: every function of a
// file starts a scope from the same set.
func NewScope(reserved map[string]bool) *Scope {
	return &Scope{reserved: reserved, Own: map[string]bool{}}
}

// Fresh takes base, or base followed by the smallest number that is free.
func (s *Scope) Fresh(base string) string {
	if !token.IsIdentifier(base) || base == "_" {
		base = "v"
	}
	name := base
	for i := 1; !s.Free(name); i++ {
		name = base + strconv.Itoa(i)
	}
	s.Own[name] = true
	return name
}

// Free reports whether name can still be handed out.
func (s *Scope) Free(name string) bool {
	return !s.reserved[name] && !s.Own[name]
}

// Predeclared lists the universe names that generated code may refer to, and
// that a generated name must therefore never shadow.
func Predeclared() map[string]bool {
	names := map[string]bool{}
	for _, name := range types.Universe.Names() {
		switch types.Universe.Lookup(name).(type) {
		case *types.TypeName, *types.Const, *types.Nil:
			names[name] = true
		}
	}
	return names
}

// initialisms are the words that Go spells in one case (userID, not userId).
var initialisms = map[string]bool{
	"api": true, "ascii": true, "cpu": true, "css": true, "dns": true, "eof": true,
	"guid": true, "html": true, "http": true, "https": true, "id": true, "ip": true,
	"json": true, "rpc": true, "sql": true, "tcp": true, "tls": true, "ttl": true,
	"udp": true, "ui": true, "uid": true, "uri": true, "url": true, "uuid": true,
	"xml": true,
}

// UpperFirst capitalises name as the tail of a camel-case identifier: "id"
// becomes "ID", "name" becomes "Name".
func UpperFirst(name string) string {
	if initialisms[name] {
		return strings.ToUpper(name)
	}
	r, size := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(r)) + name[size:]
}

// LowerFirst turns an identifier into the head of a camel-case identifier:
// its leading capitals become lower case, but for the last of several,
// which starts the next word ("FetchUser" becomes "fetchUser", "URL"
// becomes "url", "HTTPServer" becomes "httpServer").
func LowerFirst(name string) string {
	runes := []rune(name)
	n := 0
	for n < len(runes) && unicode.IsUpper(runes[n]) {
		n++
	}
	if n > 1 && n < len(runes) && unicode.IsLower(runes[n]) {
		n-- // the last capital starts the next word
	}
	for i := range max(n, 1) {
		if i < len(runes) {
			runes[i] = unicode.ToLower(runes[i])
		}
	}
	return string(runes)
}

// IsStd reports whether an import path belongs to the standard library: its
// first element has no dot.
func IsStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// CanImport reports whether the package at path from may import the package
// at path to: an internal package only from the tree rooted at the parent
// of its last internal element (the standard library's only from the
// standard library).
func CanImport(from, to string) bool {
	var parent string
	switch i := strings.LastIndex(to, "/internal/"); {
	case strings.HasSuffix(to, "/internal"):
		parent = strings.TrimSuffix(to, "/internal")
	case i >= 0:
		parent = to[:i]
	case to == "internal" || strings.HasPrefix(to, "internal/"):
		return IsStd(from)
	default:
		return true
	}
	return from == parent || strings.HasPrefix(from, parent+"/")
}

// IsFunc reports whether obj is a function.
func IsFunc(obj types.Object) bool {
	_, ok := obj.(*types.Func)
	return ok
}
