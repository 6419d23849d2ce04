package doctest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// root is the repository's root folder.
const root = "../.."

// pages reads README.md and docs/*.md.
func pages(t *testing.T) map[string][]byte {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, name := range append(names, filepath.Join(root, "README.md")) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, name)
		out[filepath.ToSlash(rel)] = data
	}
	return out
}

// extract reads every page, in a fixed order.
func extract(t *testing.T, srcs map[string][]byte) []Page {
	t.Helper()
	var names []string
	for name := range srcs {
		names = append(names, name)
	}
	slices.Sort(names)
	var out []Page
	for _, name := range names {
		p, err := Extract(name, srcs[name])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// check runs every check over the pages and returns the problems.
func check(t *testing.T, dir string, srcs map[string][]byte) []string {
	t.Helper()
	abs, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	var blocks []Block
	var problems []string
	cmds := &Commands{Root: abs, Work: t.TempDir()}
	for _, p := range extract(t, srcs) {
		blocks = append(blocks, p.Blocks...)
		for _, cmd := range p.Commands {
			problems = append(problems, cmds.Check(cmd)...)
		}
		for _, line := range p.GoLines {
			if text, ok := strings.CutPrefix(line.Text, "//go:generate "); ok {
				problems = append(problems, cmds.Check(Command{line.Page, line.Line, text})...)
			}
		}
	}
	for name, src := range srcs {
		for _, l := range Links(name, src) {
			problems = append(problems, checkLink(dir, l)...)
		}
	}
	c := &Checker{Root: abs, Work: t.TempDir()}
	found, err := c.Compile(blocks)
	if err != nil {
		t.Fatal(err)
	}
	return append(problems, found...)
}

// checkLink checks that a link's file exists, under dir, and has the
// heading that its anchor names.
func checkLink(dir string, l Link) []string {
	target := l.Page
	if l.Target != "" {
		target = filepath.ToSlash(filepath.Join(filepath.Dir(l.Page), l.Target))
	}
	data, err := os.ReadFile(filepath.Join(dir, target))
	if err != nil && !isDir(filepath.Join(dir, target)) {
		return []string{fmt.Sprintf("%s:%d: no file %s", l.Page, l.Line, target)}
	}
	if l.Anchor != "" && strings.HasSuffix(target, ".md") && !slices.Contains(Anchors(data), l.Anchor) {
		return []string{fmt.Sprintf("%s:%d: no heading #%s in %s", l.Page, l.Line, l.Anchor, target)}
	}
	return nil
}

// TestDocs compiles every marked block of README.md and docs/*.md, checks
// every command and //go:generate line they give, and every relative link.
func TestDocs(t *testing.T) {
	srcs := pages(t)
	for _, p := range check(t, root, srcs) {
		t.Error(p)
	}
}

// TestReadmeLinksEveryPage: the README's map of the documentation names
// every page of docs/.
func TestReadmeLinksEveryPage(t *testing.T) {
	srcs := pages(t)
	var linked []string
	for _, l := range Links("README.md", srcs["README.md"]) {
		linked = append(linked, filepath.ToSlash(filepath.Clean(l.Target)))
	}
	for name := range srcs {
		if strings.HasPrefix(name, "docs/") && !slices.Contains(linked, name) {
			t.Errorf("README.md does not link %s", name)
		}
	}
}

// TestCatchesBrokenDocs: every check fails on a page that breaks it, and
// names the page's line.
func TestCatchesBrokenDocs(t *testing.T) {
	const page = "testdata/broken.md"
	problems := checkFile(t, page)
	wantProblems(t, problems, []string{
		page + ":21: the block differs from the gather_gen.go that gathergen writes",
		page + ":29:2: undefined: undefinedName",
		page + ":34: go run ./cmd/gathergen -nosuchflag ./examples/...: gathergen has no flag -nosuchflag",
		page + ":35: go test ./nosuchfolder/...: no folder ./nosuchfolder",
		page + ":36: go tool nosuchtool ./...: no command nosuchtool in cmd/",
		page + ":37: go get -tool github.com/gathergen/gathergen/cmd/nosuchcommand@v0.1.0: no package",
		page + ":38: go mod edit -require=github.com/gathergen/gathergen/nosuchmodule@v0.1.0: github.com/gathergen/gathergen/nosuchmodule is no module",
		page + ":39: go test ./nosuchfolder: no folder ./nosuchfolder",
		page + ":43: no file testdata/nosuchpage.md",
		page + ":45: no heading #nosuchheading in testdata/broken.md",
	})
	if strings.Contains(problems, page+":40") {
		t.Errorf("a fine command reported:\n%s", problems)
	}
}

// TestCatchesWrongOutput: an output block must be what the program before
// it prints.
func TestCatchesWrongOutput(t *testing.T) {
	const page = "testdata/output.md"
	problems := checkFile(t, page)
	wantProblems(t, problems, []string{
		page + ":18: the program prints another line here:\n\tblock:   \"there\"\n\tprogram: \"world\"",
	})
}

// TestCatchesOrphans: an output block needs a program before it, and a
// generated block a file of its package.
func TestCatchesOrphans(t *testing.T) {
	const page = "orphans.md"
	src := "<!-- doctest: output -->\n```text\nhello\n```\n" +
		"<!-- doctest: generated -->\n```go\npackage shop\n```\n"
	problems := strings.Join(check(t, ".", map[string][]byte{page: []byte(src)}), "\n")
	wantProblems(t, problems, []string{
		page + ":3: an output block with no package main before it on the page",
		page + ":7: a generated block of package shop, and no file block of that package on the page",
	})
}

// TestExtractRefusesBadMarks: a mark that marks nothing, or nothing known,
// is an error with its position.
func TestExtractRefusesBadMarks(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"<!-- doctest: file -->\ntext\n", "p.md:1: a doctest mark must be followed by a fence"},
		{"<!-- doctest: file -->\n```sh\nls\n```\n", "p.md:2: a doctest file mark is followed by a \"sh\" block, not a go block"},
		{"<!-- doctest: output -->\n```go\n```\n", "p.md:2: a doctest output mark is followed by a \"go\" block, not a text block"},
		{"<!-- doctest: snippet -->\n```go\n```\n", "p.md:1: unknown doctest mark \"snippet\""},
		{"<!-- doctest: file\n", "p.md:1: a doctest mark ends with -->"},
		{"<!-- doctest: file -->\n", "p.md:1: a doctest mark must be followed by a fence"},
		{"```go\npackage p\n", "p.md:1: the block opened here never closes"},
	} {
		_, err := Extract("p.md", []byte(tc.src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Extract(%q) = %v, want %s", tc.src, err, tc.want)
		}
	}
}

// checkFile runs every check over one page of testdata and returns the
// problems, one a line.
func checkFile(t *testing.T, page string) string {
	t.Helper()
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(check(t, ".", map[string][]byte{page: src}), "\n")
}

// wantProblems fails t for each of wants that is not among problems.
func wantProblems(t *testing.T, problems string, wants []string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(problems, want) {
			t.Errorf("no problem %q among:\n%s", want, problems)
		}
	}
}

// TestExtractJoinsContinuedCommands: a shell line that ends in a backslash
// goes on on the next, and the command is checked whole, at its first line.
func TestExtractJoinsContinuedCommands(t *testing.T) {
	src := "```sh\n# a comment\ngo mod edit \\\n\t-require=a@v1 \\\n\t-replace=a=../a\ngo mod tidy\n```\n"
	p, err := Extract("p.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(p.Commands)
	want := fmt.Sprint([]Command{
		{"p.md", 3, "go mod edit -require=a@v1 -replace=a=../a"},
		{"p.md", 6, "go mod tidy"},
	})
	if got != want {
		t.Errorf("commands:\n got %s\nwant %s", got, want)
	}
}

// TestLinksSkipFencedCode: a link in prose is found, while Go in a fenced
// block that looks like one (an instantiation called with an argument) is
// not, nor is a link in a block that a longer fence holds.
func TestLinksSkipFencedCode(t *testing.T) {
	src := "See [the tutorial](tutorial.md).\n" +
		"```go\nvar m = gtemporal.NewMapper[int, User](FetchUserActivityName)\n```\n" +
		"And [install](install.md#from-a-clone).\n" +
		"````md\n```go\n[in the inner block](missing.md)\n```\n````\n" +
		"Last, [the design](design.md).\n"
	got := Links("p.md", []byte(src))
	want := []Link{
		{Page: "p.md", Line: 1, Target: "tutorial.md"},
		{Page: "p.md", Line: 5, Target: "install.md", Anchor: "from-a-clone"},
		{Page: "p.md", Line: 11, Target: "design.md"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Links = %+v, want %+v", got, want)
	}
}
