package doctest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// modulePrefix is the root module's path and the prefix of every package of
// the repository.
const modulePrefix = "github.com/gathergen/gathergen"

// Commands checks that what the commands of the pages name exists in the
// repository: packages and folders given as ./path or by import path, the
// modules of go get and go mod edit, scripts, and the flags passed to the
// repository's own programs (go run ./cmd/gathergen -v, go tool gathergen
// -check). Commands of other tools are left alone.
type Commands struct {
	Root string // the repository's root folder
	Work string // a folder for the programs it builds to ask for their flags

	helps map[string]string // a program's folder → its -h output
}

var subst = regexp.MustCompile(`\$\(([^()]*)\)`)

// Check returns the problems of one command line, each with its position.
func (c *Commands) Check(cmd Command) []string {
	var problems []string
	line := cmd.Text
	// A command substitution is a command of its own.
	for _, m := range subst.FindAllStringSubmatch(line, -1) {
		problems = append(problems, c.Check(Command{cmd.Page, cmd.Line, m[1]})...)
	}
	line = subst.ReplaceAllString(line, "SUBST")
	base := c.Root
	for _, part := range regexp.MustCompile(`&&|\|\||[;|()]`).Split(line, -1) {
		words := strings.Fields(part)
		for len(words) > 0 && strings.Contains(words[0], "=") && !strings.HasPrefix(words[0], "-") {
			words = words[1:] // VAR=value before the command
		}
		if len(words) == 0 {
			continue
		}
		if words[0] == "cd" && len(words) == 2 {
			dir := filepath.Join(base, words[1])
			if filepath.IsAbs(words[1]) || !isDir(dir) {
				return problems // outside the repository: nothing more to check
			}
			base = dir
			continue
		}
		for _, p := range c.simple(base, words) {
			problems = append(problems, fmt.Sprintf("%s:%d: %s: %s", cmd.Page, cmd.Line, strings.Join(words, " "), p))
		}
	}
	return problems
}

// simple checks one simple command run in the folder base.
func (c *Commands) simple(base string, words []string) []string {
	name, args := words[0], words[1:]
	switch {
	case name == "go" && len(args) > 0:
		return c.goCommand(base, args[0], args[1:])
	case name == "gathergen" || name == "gathervet":
		return c.program(filepath.Join(c.Root, "cmd", name), args)
	case strings.Contains(name, "/") && !filepath.IsAbs(name):
		if _, err := os.Stat(filepath.Join(base, name)); err != nil {
			return []string{fmt.Sprintf("no file %s", name)}
		}
	}
	return nil
}

// goCommand checks go verb args.
func (c *Commands) goCommand(base, verb string, args []string) []string {
	var problems []string
	switch verb {
	case "run", "build", "test", "vet", "install", "generate", "list", "doc", "get":
		for i, arg := range args {
			if strings.HasPrefix(arg, "-") {
				continue
			}
			if p := c.packageArg(base, arg); p != "" {
				problems = append(problems, p)
			}
			if verb == "run" {
				// The rest are the program's own arguments.
				if dir := c.packageDir(base, arg); dir != "" {
					problems = append(problems, c.program(dir, args[i+1:])...)
				}
				break
			}
		}
	case "tool":
		rest := args
		for len(rest) > 0 && strings.HasPrefix(rest[0], "-") {
			rest = rest[1:] // go tool's own flags (-n)
		}
		if len(rest) == 0 {
			break
		}
		dir := filepath.Join(c.Root, "cmd", rest[0])
		if !isDir(dir) {
			return []string{fmt.Sprintf("no command %s in cmd/", rest[0])}
		}
		problems = append(problems, c.program(dir, rest[1:])...)
	case "mod":
		for _, arg := range args {
			for _, flag := range []string{"-require=", "-replace="} {
				value, ok := strings.CutPrefix(arg, flag)
				if !ok {
					continue
				}
				path, _, _ := strings.Cut(value, "=")
				path, _, _ = strings.Cut(path, "@")
				if p := c.modulePath(path); p != "" {
					problems = append(problems, p)
				}
			}
			if path, ok := strings.CutPrefix(arg, "-tool="); ok {
				if p := c.packageArg(base, path); p != "" {
					problems = append(problems, p)
				}
			}
		}
	}
	return problems
}

// packageArg checks a package argument: a ./path pattern must name a
// folder, an import path of this repository a package or module.
func (c *Commands) packageArg(base, arg string) string {
	local := strings.HasPrefix(arg, ".")
	if !local && !strings.HasPrefix(arg, modulePrefix) {
		return ""
	}
	if c.packageDir(base, arg) == "" {
		if local {
			return fmt.Sprintf("no folder %s", strings.TrimSuffix(arg, "/..."))
		}
		return fmt.Sprintf("no package %s in this repository", arg)
	}
	return ""
}

// packageDir is the folder of a ./path pattern or of an import path of this
// repository (with or without @version), or "" when there is none.
func (c *Commands) packageDir(base, arg string) string {
	var dir string
	switch path, _, _ := strings.Cut(arg, "@"); {
	case strings.HasPrefix(arg, "."):
		dir = filepath.Join(base, strings.TrimSuffix(arg, "..."))
	case path == modulePrefix || strings.HasPrefix(path, modulePrefix+"/"):
		dir = filepath.Join(c.Root, strings.TrimPrefix(path, modulePrefix))
	default:
		return ""
	}
	if !isDir(dir) {
		return ""
	}
	return dir
}

// modulePath checks that path is one of the repository's modules.
func (c *Commands) modulePath(path string) string {
	if !strings.HasPrefix(path, modulePrefix) {
		return ""
	}
	for _, m := range modules {
		if m.path == path {
			return ""
		}
	}
	return fmt.Sprintf("%s is no module of this repository", path)
}

// program checks that the flags in args are flags of the program in dir.
func (c *Commands) program(dir string, args []string) []string {
	var flags []string
	for _, arg := range args {
		if arg == "--" || !strings.HasPrefix(arg, "-") {
			break
		}
		name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		flags = append(flags, name)
	}
	if len(flags) == 0 {
		return nil
	}
	help, err := c.help(dir)
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	for _, f := range flags {
		if !regexp.MustCompile(`(?m)^\s*-` + regexp.QuoteMeta(f) + `\b`).MatchString(help) {
			problems = append(problems, fmt.Sprintf("%s has no flag -%s", filepath.Base(dir), f))
		}
	}
	return problems
}

// help builds the program in dir and returns what it prints for -h.
func (c *Commands) help(dir string) (string, error) {
	if h, ok := c.helps[dir]; ok {
		return h, nil
	}
	bin := filepath.Join(c.Work, "help", filepath.Base(dir))
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building %s: %v\n%s", dir, err, out)
	}
	out, _ := exec.Command(bin, "-h").CombinedOutput() // -h exits 0 or 2
	if c.helps == nil {
		c.helps = map[string]string{}
	}
	c.helps[dir] = string(out)
	return string(out), nil
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
