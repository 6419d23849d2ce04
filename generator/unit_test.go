package generator

import (
	"errors"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

func TestCase(t *testing.T) {
	for in, want := range map[string]string{"id": "ID", "name": "Name", "url": "URL", "éa": "Éa", "_x": "_x"} {
		if got := upperFirst(in); got != want {
			t.Errorf("upperFirst(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"FetchUser": "fetchUser", "URL": "url", "X": "x", "Éa": "éa",
		"URLFetch": "urlFetch", "HTTPServer": "httpServer", "A1": "a1", "ABC": "abc",
	} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScope(t *testing.T) {
	sc := newScope(map[string]bool{"ctx": true, "ctx1": true})
	for _, want := range []string{"ctx2", "a", "a1", "v", "v1"} {
		base := strings.TrimRight(want, "0123456789")
		if want == "v" || want == "v1" {
			base = "_"
		}
		if got := sc.fresh(base); got != want {
			t.Errorf("fresh(%q) = %q, want %q", base, got, want)
		}
	}
	if sc.free("a") || !sc.free("b") {
		t.Error("free disagrees with fresh")
	}
}

func TestNameTags(t *testing.T) {
	for name, want := range map[string]string{
		"a.go": "", "linux.go": "", "a_linux.go": "linux", "a_linux_amd64.go": "linux amd64",
		"a_arm64.go": "arm64", "a_linux_test.go": "linux", "a_unix.go": "", "x_windows_386_test.go": "windows 386",
	} {
		if got := strings.Join(nameTags(name), " "); got != want {
			t.Errorf("nameTags(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestFileConstraint(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"a.go", "package a", ""},
		{"a_linux.go", "//go:build cgo\n\npackage a", "cgo && linux"},
		{"a.go", "// +build x y\n\npackage a", "x || y"},
		{"a.go", "//go:build a\n// +build b\n\npackage a", "a"},
		{"a.go", "package a\n\n//go:build late\n", ""},
		{"a_linux.go", "//go:build linux\n\npackage a", "linux"},
		// a file that imports "C" builds only with cgo
		{"a.go", "// Package a.\npackage a\n\n// int one(void) { return 1; }\nimport \"C\"\n", "cgo"},
		{"a_linux.go", "//go:build x\n\npackage a\n\nimport (\n\t\"C\"\n\t\"os\"\n)\n", "x && linux && cgo"},
	} {
		f, err := parser.ParseFile(token.NewFileSet(), tt.name, tt.src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if got := fileConstraint(f, tt.name); got != tt.want {
			t.Errorf("%s %q: constraint %q, want %q", tt.name, tt.src, got, tt.want)
		}
	}
}

func TestParsePos(t *testing.T) {
	for in, want := range map[string]token.Position{
		"a.go:3:4": {Filename: "a.go", Line: 3, Column: 4},
		"a.go:3":   {Filename: "a.go", Line: 3},
		"c:\\a.go": {Filename: "c:\\a.go"},
		"x:y:5":    {Filename: "x:y", Line: 5},
		"":         {},
		"-":        {},
	} {
		if got := parsePos(in); got != want {
			t.Errorf("parsePos(%q) = %+v, want %+v", in, got, want)
		}
	}
}

func TestDiagnosticString(t *testing.T) {
	d := Diagnostic{Pos: token.Position{Filename: "a.go", Line: 1, Column: 2}, Message: "m"}
	if got := d.String(); got != "a.go:1:2: m" {
		t.Errorf("String() = %q", got)
	}
	if got := (Diagnostic{Pos: token.Position{Filename: "example.com/p"}, Message: "m"}).String(); got != "example.com/p: m" {
		t.Errorf("String() = %q", got)
	}
	if got := (Diagnostic{Message: "m"}).String(); got != "m" {
		t.Errorf("String() = %q", got)
	}
	sorted := sortDiagnostics([]Diagnostic{
		{Pos: token.Position{Filename: "b.go", Line: 1}, Message: "x"},
		{Pos: token.Position{Filename: "a.go", Line: 2}, Message: "x"},
		{Pos: token.Position{Filename: "a.go", Line: 2}, Message: "x"},
		{Pos: token.Position{Filename: "a.go", Line: 1, Column: 9}, Message: "x"},
	})
	if len(sorted) != 3 || sorted[0].Pos.Line != 1 || sorted[2].Pos.Filename != "b.go" {
		t.Errorf("sortDiagnostics = %v", sorted)
	}
}

func TestDiff(t *testing.T) {
	for _, tt := range []struct{ old, new, want string }{
		{"a\nb\nc\n", "a\nb\nc\n", ""},
		{"", "x\n", "@@ -0,0 +1,1 @@\n+x\n"},
		{"x\n", "", "@@ -1,1 +0,0 @@\n-x\n"},
		{"a\nb\nc\n", "a\nB\nc\n", "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
		{"a", "a\n", "@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n"},
		{
			"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n",
			"@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n@@ -9,4 +10,3 @@\n 9\n 10\n 11\n-12\n",
		},
	} {
		var old []byte
		if tt.old != "" {
			old = []byte(tt.old)
		}
		f := File{Path: "f.go", Old: old, New: []byte(tt.new)}
		got := f.Diff()
		if tt.want != "" {
			tt.want = "--- f.go\t(on disk)\n+++ f.go\t(generated)\n" + tt.want
		}
		if got != tt.want {
			t.Errorf("diff %q → %q:\n%s\nwant:\n%s", tt.old, tt.new, got, tt.want)
		}
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "gather_gen.go")
	res := &Result{Files: []File{{Path: path, New: []byte("new\n")}}}
	if changed, err := res.Write(); err != nil || len(changed) != 1 {
		t.Fatalf("Write = %v, %v", changed, err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new\n" {
		t.Fatalf("wrote %q", b)
	}
	res.Files[0].Old = []byte("new\n")
	if changed, err := res.Write(); err != nil || len(changed) != 0 {
		t.Fatalf("Write of an unchanged file = %v, %v", changed, err)
	}
	res.Diagnostics = []Diagnostic{{Message: "problem"}}
	res.Files[0].New = []byte("newer\n")
	if _, err := res.Write(); !errors.Is(err, ErrProblems) {
		t.Fatalf("Write with diagnostics: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new\n" {
		t.Fatalf("Write with diagnostics wrote %q", b)
	}
	if err := (File{Path: path, Old: []byte("new\n")}).Write(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("removed file: %v", err)
	}
	if err := (File{Path: path, Old: []byte("gone\n")}).Write(); err != nil {
		t.Fatalf("removing a missing file: %v", err)
	}
}

// TestWriteFailure checks that a failed write leaves what was there whole
// and no temporary file behind.
func TestWriteFailure(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "gather_gen.go")
	if err := os.MkdirAll(filepath.Join(target, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := (File{Path: target, New: []byte("x\n")}).Write(); err == nil {
		t.Fatal("renaming over a folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("left behind %v", entries)
	}
	if _, err := os.Stat(filepath.Join(target, "inside")); err != nil {
		t.Fatalf("the folder was harmed: %v", err)
	}
	if err := (File{Path: filepath.Join(dir, "missing", "x.go"), New: []byte("x\n")}).Write(); err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
	if err := (File{Path: target, Old: []byte("x")}).Write(); err == nil {
		t.Fatal("removing a folder that is not empty succeeded")
	}
}

func TestIsOwnOutput(t *testing.T) {
	for src, want := range map[string]bool{
		header + "\n\npackage p\n\nimport runtime \"" + runtimePath + "\"\n": true,
		helpersHeader + "\n\npackage runtime\n\nimport \"context\"\n":        false,
		header + "\n\npackage p\n\nimport \"example.com/m/gone\"\n":          true,
		header + "package p\n":                                  false,
		"package p\n\nimport runtime \"" + runtimePath + "\"\n": false,
		header + "\n\npackage p\n\nimport (\n":                  true,
		header + "\n\npackage p\n\nimport (\n<<<<<<< HEAD\n\t\"strings\"\n=======\n>>>>>>> b\n\truntime \"" + runtimePath + "\"\n)\n": true,
		// an activity file imports gathergen's temporal package instead
		header + "\n\npackage p\n\nimport gtemporal \"" + temporalPath + "\"\n": true,
		// git with core.autocrlf=true checks files out with CRLF.
		header + "\r\n\r\npackage p\r\n\r\nimport runtime \"" + runtimePath + "\"\r\n": true,
	} {
		if got := isOwnOutput([]byte(src)); got != want {
			t.Errorf("isOwnOutput(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestRecvTypeName(t *testing.T) {
	src := "package p\nfunc (T) A() {}\nfunc (*T[X]) B() {}\nfunc (t (*U[X, Y])) C() {}\nfunc D() {}\nfunc (struct{}) E() {}"
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range f.Decls {
		got = append(got, recvTypeNameOf(d.(*ast.FuncDecl)))
	}
	if strings.Join(got, ",") != "T,T,U,," {
		t.Errorf("receiver names %q", got)
	}
}

// TestWriteAllOrNothing checks that when one package's file cannot be
// written (its folder is read-only, or gone), no other file is written.
func TestWriteAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "gather_gen.go")
	bad := filepath.Join(dir, "missing", "gather_gen.go")
	res := &Result{Files: []File{{Path: good, New: []byte("new\n")}, {Path: bad, New: []byte("new\n")}}}
	changed, err := res.Write()
	if err == nil || !strings.Contains(err.Error(), bad) || len(changed) != 0 {
		t.Fatalf("Write = %v, %v; want an error that names %s", changed, err, bad)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a failed Write left %v", entries)
	}
}

func TestCanImport(t *testing.T) {
	for _, tt := range []struct {
		from, to string
		want     bool
	}{
		{"a.com/m/p", "a.com/m/q", true},
		{"a.com/m/p", "a.com/m/internal/x", true},
		{"a.com/m", "a.com/m/internal", true},
		{"a.com/m/p/q", "a.com/m/p/internal/x/internal/y", false},
		{"a.com/m/p/internal/x/q", "a.com/m/p/internal/x/internal/y", true},
		{"a.com/n", "a.com/m/internal/x", false},
		{"a.com/mm", "a.com/m/internal", false},
		{"a.com/m", "internal/poll", false},
		{"os", "internal/poll", true},
	} {
		if got := canImport(tt.from, tt.to); got != tt.want {
			t.Errorf("canImport(%q, %q) = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}

// TestWriteKeepsMode checks that a rewritten file keeps the permissions of
// the file it replaces (read-only to discourage edits, say).
func TestWriteKeepsMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gather_gen.go")
	if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o440); err != nil {
		t.Fatal(err)
	}
	if err := (File{Path: path, Old: []byte("old\n"), New: []byte("new\n")}).Write(); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o440 {
		t.Fatalf("mode after Write: %v, %v; want -r--r-----", info.Mode(), err)
	}
}

func TestSameConstraint(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"", "", true},
		{"linux && amd64", "amd64 && linux", true},
		{"!(a || b)", "!a && !b", true},
		{"linux", "linux && linux", true},
		{"linux", "", false},
		{"", "cgo", false},
		{"linux", "linux || darwin", false},
		{"a && b && c && d && e && f && g && h && i && j && k", "k && a && b && c && d && e && f && g && h && i && j", true},
		{"a && b && c && d && e && f && g && h && i && j && k && l && m", "m && a && b && c && d && e && f && g && h && i && j && k && l", false},
		{"go1.22 && linux", "linux", true},
		{"go1.26", "", true},
		{"go1.27 && linux", "linux", false},
		{"!go1.21 || linux", "linux", true},
	} {
		if got := sameConstraint(tt.a, tt.b, "1.26"); got != tt.want {
			t.Errorf("sameConstraint(%q, %q, 1.26) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestAlwaysTrue(t *testing.T) {
	for expr, want := range map[string]bool{
		"":                   true,
		"go1.13":             true,
		"go1.26":             true,
		"go1.13 && go1.21":   true,
		"go1.27":             false,
		"linux || !linux":    true,
		"go1.13 && linux":    false,
		"!go1.13 || special": false,
	} {
		if got := alwaysTrue(expr, "1.26.1"); got != want {
			t.Errorf("alwaysTrue(%q, 1.26.1) = %v, want %v", expr, got, want)
		}
	}
}

func TestOutputName(t *testing.T) {
	for expr, want := range map[string]string{
		"linux":                                "gather_gen.linux.go",
		"!windows":                             "gather_gen.not_windows.go",
		"linux && (amd64 || arm64)":            "gather_gen.linux_and_amd64_or_arm64.go",
		"go1.30 && integration":                "gather_gen.go1_30_and_integration.go",
		strings.Repeat("longtag && ", 9) + "x": "gather_gen.longtag_and_longtag_and_longtag_and_lon_",
	} {
		got := outputName(DefaultOutput, expr)
		if !strings.HasPrefix(got, want) || len(got) > 70 || !isOutputName(got, DefaultOutput) || CheckOutput(got) != nil {
			t.Errorf("outputName(%q) = %q, want %q", expr, got, want)
		}
	}
	for name, want := range map[string]bool{"gather_gen.go": true, "gather_gen.linux.go": true, "gather_gen_linux.go": false, "gather_gen..go": true, "other.go": false} {
		if got := isOutputName(name, DefaultOutput); got != want {
			t.Errorf("isOutputName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestTestFilesWithoutFolder checks that a package with no Go file (a
// pattern that matched nothing) does not read the test files of the
// current folder as its own.
func TestTestFilesWithoutFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("x_test.go", []byte("package x\n\n//gathergen:async\nfunc F() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a := newAnalyzer(&packages.Package{PkgPath: "example.com/none", Fset: token.NewFileSet()}, nil, nil)
	a.testFiles()
	if len(a.diags) > 0 {
		t.Fatalf("reported %v", a.diags)
	}
}

// TestIsUnusedImport tells the type checker's unused-import errors from
// others.
func TestIsUnusedImport(t *testing.T) {
	for msg, want := range map[string]bool{
		`"strings" imported and not used`:              true,
		`"example.com/x/y" imported as z and not used`: true,
		`declared and not used: x`:                     false,
		`label L declared and not used`:                false,
		`"x" imported as 1z and not used`:              false,
		`"x imported and not used`:                     false,
		`"x" imported and used`:                        false,
	} {
		if got := isUnusedImport(packages.Error{Msg: msg, Kind: packages.TypeError}); got != want {
			t.Errorf("isUnusedImport(%q) = %v, want %v", msg, got, want)
		}
	}
	if isUnusedImport(packages.Error{Msg: `"strings" imported and not used`, Kind: packages.ListError}) {
		t.Error("isUnusedImport of a list error = true, want false")
	}
}

// TestBuildContext checks that the files left out of the load (the _test.go
// files) are matched for the tags and the platform the load was for.
func TestBuildContext(t *testing.T) {
	bc := Config{Tags: []string{"integration"}, Env: []string{"GOOS=windows", "GOARCH=arm64", "CGO_ENABLED=1", "GOOS=plan9"}}.buildContext()
	if bc.GOOS != "plan9" || bc.GOARCH != "arm64" || !bc.CgoEnabled || !slices.Equal(bc.BuildTags, []string{"integration"}) {
		t.Errorf("build context: GOOS %s, GOARCH %s, cgo %v, tags %v", bc.GOOS, bc.GOARCH, bc.CgoEnabled, bc.BuildTags)
	}
	if bc := (Config{Env: []string{"CGO_ENABLED=0"}}).buildContext(); bc.CgoEnabled || bc.GOOS != build.Default.GOOS {
		t.Errorf("build context: GOOS %s, cgo %v", bc.GOOS, bc.CgoEnabled)
	}
	other := "plan9"
	if goruntime.GOOS == other {
		other = "linux"
	}
	if bc := (Config{Env: []string{"GOOS=" + other}}).buildContext(); bc.CgoEnabled || bc.GOOS != other {
		t.Errorf("build context for GOOS=%s: GOOS %s, cgo %v (the go command turns cgo off for another platform)", other, bc.GOOS, bc.CgoEnabled)
	}
	env := []string{"GOFLAGS=-tags=old", "GOFLAGS=-tags=a,b -mod=mod --tags=,integration,", "GOOS=" + other, "GOOS="}
	if bc := (Config{Env: env}).buildContext(); !slices.Equal(bc.BuildTags, []string{"integration"}) || bc.GOOS != goruntime.GOOS {
		t.Errorf("build context of %q: GOOS %s, tags %v, want this platform's and the last -tags of the last GOFLAGS", env, bc.GOOS, bc.BuildTags)
	}
	if bc := (Config{Tags: []string{"x"}, Env: env}).buildContext(); !slices.Equal(bc.BuildTags, []string{"x"}) {
		t.Errorf("build context: tags %v, want those of Tags, over GOFLAGS", bc.BuildTags)
	}
	if bc := (Config{Env: []string{"GOFLAGS=-tags=old", "GOFLAGS=-mod=mod"}}).buildContext(); len(bc.BuildTags) > 0 {
		t.Errorf("build context: tags %v, want none: the last GOFLAGS sets none", bc.BuildTags)
	}
}

// TestIsStdPackage checks that only the folders of GOROOT's src are taken
// for the standard library, and nothing when GOROOT is not known.
func TestIsStdPackage(t *testing.T) {
	l := &loader{build: build.Default}
	if l.build.GOROOT == "" {
		t.Skip("no GOROOT")
	}
	for path, want := range map[string]bool{"strings": true, "math/rand/v2": true, "mymod/sub": false, "example.com/x": false, "C": false} {
		if got := l.isStdPackage(path); got != want {
			t.Errorf("isStdPackage(%q) = %v, want %v", path, got, want)
		}
	}
	l.build.GOROOT = ""
	if l.isStdPackage("strings") {
		t.Error(`isStdPackage("strings") without a GOROOT = true, want false`)
	}
}

// TestStdPackages checks the standard library's packages by name that a
// bare package name of a directive may mean.
func TestStdPackages(t *testing.T) {
	std := stdPackages(build.Default.GOROOT)
	for name, want := range map[string][]string{
		"rand":     {"crypto/rand", "math/rand", "math/rand/v2"},
		"errors":   {"errors"},
		"http":     {"net/http"},
		"template": {"html/template", "text/template"},
		"goarch":   nil, // internal
		"pprof":    {"net/http/pprof", "runtime/pprof"},
	} {
		if got := std[name]; !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
	if got := stdPackages(""); len(got) != 0 {
		t.Errorf("without GOROOT: %v", got)
	}
}

func TestListMessage(t *testing.T) {
	for msg, want := range map[string]string{
		"no required module provides package example.com/x; to add it:\n\tgo get example.com/x": "no required module provides package example.com/x; to add it: go get example.com/x",
		"stat /m/nosuch: directory not found":                                                   "no folder /m/nosuch: name an existing package folder (./dir, ./...) or an import path",
		"found packages a (a.go) and b (b.go) in /m":                                            "found packages a (a.go) and b (b.go) in /m",
	} {
		if got := listMessage(msg); got != want {
			t.Errorf("listMessage(%q) = %q, want %q", msg, got, want)
		}
	}
}

func TestSatisfy(t *testing.T) {
	ports := []string{"aix/ppc64", "darwin/arm64", "js/wasm", "linux/amd64", "linux/arm64", "windows/amd64"}
	here := buildConfig{goos: "linux", goarch: "amd64", tags: []string{"mine"}}
	for _, c := range []struct {
		expr string
		want string // key, or "" for none
	}{
		{"linux", "linux/amd64/mine/"},
		{"windows", "windows/amd64/mine/"},
		{"!linux && !mine", "darwin/arm64//"},
		{"integration && (arm64 || wasm)", "linux/arm64/integration,mine/"},
		{"js && !wasm", ""},
		{"linux && windows", ""},
		{"cgo && ios", ""},
		{"unix && !linux", "darwin/arm64/mine/"},
		{"go1.1 && linux", "linux/amd64/mine/"},
	} {
		got, ok := satisfy(parseConstraint(c.expr), here, ports)
		if ok != (c.want != "") || ok && got.key() != c.want {
			t.Errorf("satisfy(%q) = %q, %v; want %q", c.expr, got.key(), ok, c.want)
		}
	}
}
