package output

import (
	"fmt"
	"strings"
)

// Diff returns a unified diff (three lines of context) from the file on disk
// to the file that should be there, or "" when they are the same.
func (f File) Diff() string {
	if !f.Changed() {
		return ""
	}
	a, b := splitLines(string(f.Old)), splitLines(string(f.New))
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\t(on disk)\n+++ %s\t(generated)\n", f.Path, f.Path)
	for _, h := range hunks(edits(a, b), 3) {
		h.write(&out, a, b)
	}
	return out.String()
}

// splitLines splits text into lines that keep their newline; a last line
// without one gets a marker, as in diff.
func splitLines(text string) []string {
	lines := strings.SplitAfter(text, "\n")
	if lines[len(lines)-1] == "" {
		return lines[:len(lines)-1]
	}
	lines[len(lines)-1] += "\n\\ No newline at end of file\n"
	return lines
}

// edit is one line of an edit script: kept (' '), deleted ('-') or inserted
// ('+'), with the line's place in the old (a) and new (b) text.
type edit struct {
	op   byte
	a, b int
}

// edits returns a shortest edit script from a to b (Myers' algorithm).
func edits(a, b []string) []edit {
	n, m := len(a), len(b)
	off := n + m + 1
	v := make([]int, 2*off+1)
	var trace [][]int
	for d := 0; d <= n+m; d++ {
		trace = append(trace, append([]int(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			x := v[off+k-1] + 1
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(trace, n, m)
			}
		}
	}
	return nil
}

// backtrack walks the snapshots of edits back from the end of both texts.
func backtrack(trace [][]int, x, y int) []edit {
	var script []edit
	for d := len(trace) - 1; d >= 0; d-- {
		v := trace[d] // v[k+d+1] is the furthest x on diagonal k after d-1 steps
		k := x - y
		prevK := k - 1
		if k == -d || (k != d && v[k-1+d+1] < v[k+1+d+1]) {
			prevK = k + 1
		}
		prevX := v[prevK+d+1]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			script = append(script, edit{' ', x, y})
		}
		if d == 0 {
			break
		}
		if x == prevX {
			script = append(script, edit{'+', prevX, prevY})
		} else {
			script = append(script, edit{'-', prevX, prevY})
		}
		x, y = prevX, prevY
	}
	for i, j := 0, len(script)-1; i < j; i, j = i+1, j-1 {
		script[i], script[j] = script[j], script[i]
	}
	return script
}

// hunk is a run of edits with its context.
type hunk []edit

// hunks groups an edit script into hunks with ctx lines of context around
// the changes.
func hunks(script []edit, ctx int) []hunk {
	var out []hunk
	for i := 0; i < len(script); {
		if script[i].op == ' ' {
			i++
			continue
		}
		start := max(0, i-ctx)
		end := i
		for j := i; j < len(script) && j <= end+2*ctx; j++ {
			if script[j].op != ' ' {
				end = j
			}
		}
		stop := min(len(script), end+ctx+1)
		out = append(out, hunk(script[start:stop]))
		i = stop
	}
	return out
}

// write prints the hunk with its @@ header.
func (h hunk) write(out *strings.Builder, a, b []string) {
	var na, nb int
	for _, e := range h {
		if e.op != '+' {
			na++
		}
		if e.op != '-' {
			nb++
		}
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", span(h[0].a, na), span(h[0].b, nb))
	for _, e := range h {
		if e.op == '+' {
			out.WriteString("+" + b[e.b])
		} else {
			out.WriteString(string(e.op) + a[e.a])
		}
	}
}

// span formats the start and length of a hunk's side; an empty side starts
// at the line before it.
func span(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}
