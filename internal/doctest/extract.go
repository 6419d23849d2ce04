package doctest

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// Kind is what a marked code block is.
type Kind string

// The kinds of marked blocks.
const (
	// File is a complete Go file, compiled with the page's other files of
	// its package.
	File Kind = "file"
	// Program is a complete package main, compiled on its own.
	Program Kind = "program"
	// Generated is the file that gathergen writes for the page's package of
	// the same name; it must match byte for byte.
	Generated Kind = "generated"
	// Output is what the page's last package main before it prints, in a
	// block fenced as text.
	Output Kind = "output"
)

// Block is a marked Go code block.
type Block struct {
	Page string // the Markdown file's path, as given to Extract
	Line int    // the line of the block's first line of code, from 1
	Kind Kind
	Name string // for Generated: the file's name (gather_gen.go by default)
	Code string // the code, each line ending in a newline
}

// Command is one line of a shell block.
type Command struct {
	Page string
	Line int
	Text string // the line without its comment
}

// Page is what Extract finds in one Markdown file.
type Page struct {
	Blocks   []Block
	Commands []Command
	// GoLines are the lines of every Go block, marked or not, with their
	// positions: a //go:generate line among them is a command too.
	GoLines []Command
}

const marker = "<!-- doctest:"

// Extract reads the Markdown text src of the file page. A mark that is not
// followed by a Go fence, or that names an unknown kind, is an error with
// its position, as is a fence that never closes.
func Extract(page string, src []byte) (Page, error) {
	var p Page
	var pending *Block // a mark waiting for its fence
	var fence string   // the open fence's backquotes, "" outside a block
	var lang string
	var code strings.Builder
	var start int
	var cont bool // the last command line ended in a backslash
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if closesFence(trimmed, fence) {
				if pending != nil {
					pending.Code = code.String()
					p.Blocks = append(p.Blocks, *pending)
					pending = nil
				}
				fence = ""
				continue
			}
			code.WriteString(line + "\n")
			switch lang {
			case "sh", "bash", "shell":
				text := stripComment(line)
				text, next := strings.CutSuffix(text, "\\")
				switch {
				case cont:
					// the command goes on from the line before: it is
					// checked whole, at its first line
					last := &p.Commands[len(p.Commands)-1]
					last.Text = strings.TrimSpace(last.Text + " " + text)
				case text != "":
					p.Commands = append(p.Commands, Command{page, n, strings.TrimSpace(text)})
				}
				cont = next && (cont || text != "")
			case "go":
				p.GoLines = append(p.GoLines, Command{page, n, trimmed})
			}
			continue
		}
		if fence = opensFence(trimmed); fence != "" {
			lang = ""
			if info := strings.Fields(strings.TrimLeft(trimmed, "`")); len(info) > 0 {
				lang = info[0]
			}
			code.Reset()
			start = n + 1
			if pending != nil {
				if want := pending.fence(); lang != want {
					return p, fmt.Errorf("%s:%d: a doctest %s mark is followed by a %q block, not a %s block", page, n, pending.Kind, lang, want)
				}
				pending.Line = start
			}
			continue
		}
		if pending != nil && trimmed != "" {
			return p, fmt.Errorf("%s:%d: a doctest mark must be followed by a fence", page, pending.Line)
		}
		if strings.HasPrefix(trimmed, marker) {
			b, err := parseMark(trimmed)
			if err != nil {
				return p, fmt.Errorf("%s:%d: %v", page, n, err)
			}
			b.Page, b.Line = page, n
			pending = &b
		}
	}
	if err := sc.Err(); err != nil {
		return p, fmt.Errorf("%s: %v", page, err)
	}
	if fence != "" {
		return p, fmt.Errorf("%s:%d: the block opened here never closes", page, start-1)
	}
	if pending != nil {
		return p, fmt.Errorf("%s:%d: a doctest mark must be followed by a fence", page, pending.Line)
	}
	return p, nil
}

// parseMark reads "<!-- doctest: kind [name] -->".
func parseMark(line string) (Block, error) {
	body, ok := strings.CutSuffix(strings.TrimPrefix(line, marker), "-->")
	if !ok {
		return Block{}, fmt.Errorf("a doctest mark ends with -->")
	}
	words := strings.Fields(body)
	if len(words) == 0 {
		return Block{}, fmt.Errorf("a doctest mark names a kind: file, program, generated or output")
	}
	b := Block{Kind: Kind(words[0])}
	switch {
	case b.Kind == Generated && len(words) <= 2:
		b.Name = "gather_gen.go"
		if len(words) == 2 {
			b.Name = words[1]
		}
	case (b.Kind == File || b.Kind == Program || b.Kind == Output) && len(words) == 1:
	default:
		return Block{}, fmt.Errorf("unknown doctest mark %q: want file, program, generated [name] or output", strings.TrimSpace(body))
	}
	return b, nil
}

// fence is the language of the fence that a block of this kind needs.
func (b *Block) fence() string {
	if b.Kind == Output {
		return "text"
	}
	return "go"
}

// stripComment removes a shell comment and surrounding spaces.
func stripComment(line string) string {
	if i := strings.Index(line, "#"); i == 0 || i > 0 && (line[i-1] == ' ' || line[i-1] == '\t') {
		line = line[:i]
	}
	return strings.TrimSpace(line)
}

var link = regexp.MustCompile(`\]\(([^()\s]+)\)`)

// Link is a relative link of a page.
type Link struct {
	Page   string
	Line   int
	Target string // the file, relative to the page's folder; "" for the page itself
	Anchor string // the part after #, or ""
}

// Links returns the relative links of a Markdown page: links to other sites
// are left out, and so is text in fenced code blocks, where `](` is Go (an
// instantiation called with an argument), not a link.
func Links(page string, src []byte) []Link {
	var links []Link
	fence := ""
	for n, line := range strings.Split(string(src), "\n") {
		if inFence(line, &fence) {
			continue
		}
		for _, m := range link.FindAllStringSubmatch(line, -1) {
			target, anchor, _ := strings.Cut(m[1], "#")
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			links = append(links, Link{page, n + 1, target, anchor})
		}
	}
	return links
}

// opensFence returns the backquotes of the fence that the trimmed line
// opens, three or more, an info string such as go following them; or ""
// when it opens none.
func opensFence(trimmed string) string {
	if !strings.HasPrefix(trimmed, "```") {
		return ""
	}
	return trimmed[:len(trimmed)-len(strings.TrimLeft(trimmed, "`"))]
}

// closesFence reports whether the trimmed line closes the block that fence
// opened: at least as many backquotes, and nothing else.
func closesFence(trimmed, fence string) bool {
	return strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, "`") == ""
}

// inFence reports whether line of a Markdown page is a code fence or lies
// in a fenced code block, given the fence of the block that the lines
// before it left open ("" for none), which it updates.
func inFence(line string, fence *string) bool {
	trimmed := strings.TrimSpace(line)
	switch {
	case *fence != "":
		if closesFence(trimmed, *fence) {
			*fence = ""
		}
		return true
	case opensFence(trimmed) != "":
		*fence = opensFence(trimmed)
		return true
	}
	return false
}

// Anchors returns the anchors that a Markdown renderer such as GitHub's
// gives the headings of a page: lower case, spaces as hyphens, punctuation
// dropped, and -1, -2, ... after a repeated one.
func Anchors(src []byte) []string {
	var anchors []string
	seen := map[string]int{}
	fence := ""
	for line := range strings.Lines(string(src)) {
		if inFence(line, &fence) {
			continue
		}
		text, ok := strings.CutPrefix(strings.TrimLeft(line, "#"), " ")
		if !ok || !strings.HasPrefix(line, "#") {
			continue
		}
		var b strings.Builder
		for _, r := range strings.ToLower(strings.TrimSpace(text)) {
			switch {
			case r == ' ':
				b.WriteRune('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(r)
			}
		}
		a := b.String()
		if n := seen[a]; n > 0 {
			anchors = append(anchors, fmt.Sprintf("%s-%d", a, n))
		} else {
			anchors = append(anchors, a)
		}
		seen[a]++
	}
	return anchors
}
