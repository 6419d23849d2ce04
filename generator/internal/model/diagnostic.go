package model

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"
)

// Diagnostic is one problem found in the loaded packages.
type Diagnostic struct {
	// Pos is where the problem is; Filename alone (a package path) when
	// the go command gave no position.
	Pos token.Position
	// Message says what is wrong.
	Message string
}

// String formats d as file:line:col: message.
func (d Diagnostic) String() string {
	if d.Pos.Filename == "" {
		return d.Message
	}
	return fmt.Sprintf("%s: %s", d.Pos, d.Message)
}

// ParsePos parses "file:line:col", "file:line", "file", "" or "-".
func ParsePos(s string) token.Position {
	var pos token.Position
	if s == "-" {
		return pos
	}
	rest, last, ok := cutLastNumber(s)
	if !ok {
		pos.Filename = s
		return pos
	}
	if before, line, ok := cutLastNumber(rest); ok {
		pos.Filename, pos.Line, pos.Column = before, line, last
		return pos
	}
	pos.Filename, pos.Line = rest, last
	return pos
}

// cutLastNumber splits "a:12" into "a" and 12.
func cutLastNumber(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return s, 0, false
	}
	return s[:i], n, true
}
