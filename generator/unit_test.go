package generator

import (
	"errors"
	"go/build"
	"go/token"
	"os"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strings"
	"testing"

	"github.com/gathergen/gathergen/generator/internal/load"
	"github.com/gathergen/gathergen/generator/internal/model"
	"github.com/gathergen/gathergen/generator/internal/resolve"
	"golang.org/x/tools/go/packages"
)

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
	sorted := sortDiagnostics([]model.Diagnostic{
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

// TestTestFilesWithoutFolder checks that a package with no Go file (a
// pattern that matched nothing) does not read the test files of the
// current folder as its own.
func TestTestFilesWithoutFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("x_test.go", []byte("package x\n\n//gathergen:async\nfunc F() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a := resolve.NewAnalyzer(&packages.Package{PkgPath: "example.com/none", Fset: token.NewFileSet()}, nil, nil)
	a.ScanFiles()
	if len(a.Diags) > 0 {
		t.Fatalf("reported %v", a.Diags)
	}
}

// TestBuildContext checks that the files left out of the load (the _test.go
// files) are matched for the tags and the platform the load was for.
func TestBuildContext(t *testing.T) {
	bc := load.Config{Tags: []string{"integration"}, Env: []string{"GOOS=windows", "GOARCH=arm64", "CGO_ENABLED=1", "GOOS=plan9"}}.BuildContext()
	if bc.GOOS != "plan9" || bc.GOARCH != "arm64" || !bc.CgoEnabled || !slices.Equal(bc.BuildTags, []string{"integration"}) {
		t.Errorf("build context: GOOS %s, GOARCH %s, cgo %v, tags %v", bc.GOOS, bc.GOARCH, bc.CgoEnabled, bc.BuildTags)
	}
	if bc := (load.Config{Env: []string{"CGO_ENABLED=0"}}).BuildContext(); bc.CgoEnabled || bc.GOOS != build.Default.GOOS {
		t.Errorf("build context: GOOS %s, cgo %v", bc.GOOS, bc.CgoEnabled)
	}
	other := "plan9"
	if goruntime.GOOS == other {
		other = "linux"
	}
	if bc := (load.Config{Env: []string{"GOOS=" + other}}).BuildContext(); bc.CgoEnabled || bc.GOOS != other {
		t.Errorf("build context for GOOS=%s: GOOS %s, cgo %v (the go command turns cgo off for another platform)", other, bc.GOOS, bc.CgoEnabled)
	}
	env := []string{"GOFLAGS=-tags=old", "GOFLAGS=-tags=a,b -mod=mod --tags=,integration,", "GOOS=" + other, "GOOS="}
	if bc := (load.Config{Env: env}).BuildContext(); !slices.Equal(bc.BuildTags, []string{"integration"}) || bc.GOOS != goruntime.GOOS {
		t.Errorf("build context of %q: GOOS %s, tags %v, want this platform's and the last -tags of the last GOFLAGS", env, bc.GOOS, bc.BuildTags)
	}
	if bc := (load.Config{Tags: []string{"x"}, Env: env}).BuildContext(); !slices.Equal(bc.BuildTags, []string{"x"}) {
		t.Errorf("build context: tags %v, want those of Tags, over GOFLAGS", bc.BuildTags)
	}
	if bc := (load.Config{Env: []string{"GOFLAGS=-tags=old", "GOFLAGS=-mod=mod"}}).BuildContext(); len(bc.BuildTags) > 0 {
		t.Errorf("build context: tags %v, want none: the last GOFLAGS sets none", bc.BuildTags)
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
		got := model.OutputName(DefaultOutput, expr)
		if !strings.HasPrefix(got, want) || len(got) > 70 || !model.IsOutputName(got, DefaultOutput) || CheckOutput(got) != nil {
			t.Errorf("outputName(%q) = %q, want %q", expr, got, want)
		}
	}
	for name, want := range map[string]bool{"gather_gen.go": true, "gather_gen.linux.go": true, "gather_gen_linux.go": false, "gather_gen..go": true, "other.go": false} {
		if got := model.IsOutputName(name, DefaultOutput); got != want {
			t.Errorf("isOutputName(%q) = %v, want %v", name, got, want)
		}
	}
}
