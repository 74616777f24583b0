package content

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/config"
)

// TestLimits feeds files of every hostile shape, large enough that the
// decoders would take memory or time far beyond their size, and checks
// that each is refused at the right place with the limit it breaks, having
// allocated little: the pre-scan refuses before anything decodes.
func TestLimits(t *testing.T) {
	toml := func(front string) string { return "+++\ntitle = \"P\"\n" + front + "\n+++\nBody.\n" }
	yaml := func(front string) string { return "---\ntitle: P\n" + front + "\n---\nBody.\n" }
	md := func(body string) string { return "+++\ntitle = \"P\"\n+++\n" + body + "\n" }
	numbered := func(format string, n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, format, i)
		}
		return b.String()
	}
	var deepList strings.Builder
	for i := range 2000 {
		deepList.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	tests := []struct {
		name, src string
		want      string // the message, and the position as "line:col"
		// maxAlloc bounds the bytes allocated, beyond the file's size.
		maxAlloc int
	}{
		{"toml nested arrays", toml("x = " + strings.Repeat("[", 4000) + strings.Repeat("]", 4000)), "3:37 front matter nests deeper than 32 levels", 64 << 10},
		{"toml nested inline tables", toml("x = " + strings.Repeat("{a=", 2000) + "1" + strings.Repeat("}", 2000)), "3:101 front matter nests deeper than 32 levels", 64 << 10},
		{"toml arrays in inline tables", toml("x = " + strings.Repeat("{a=[", 2000) + strings.Repeat("]}", 2000)), "3:69 front matter nests deeper than 32 levels", 64 << 10},
		{"toml dotted keys in inline tables", toml("x = " + strings.Repeat("{a.b.c.d = ", 31) + "1" + strings.Repeat("}", 31)), "3:93 front matter nests deeper than 32 levels", 64 << 10},
		{"toml nested arrays in a dotted table", toml("[a.b.c.d.e.f.g.h]\nx = " + strings.Repeat("[", 30) + strings.Repeat("]", 30)), "4:29 front matter nests deeper than 32 levels", 64 << 10},
		{"toml dotted key", toml(strings.Repeat("a.", 2000) + "a = 1"), "3:1 key has more than 16 dotted parts", 64 << 10},
		{"toml dotted header", toml("[" + strings.Repeat("a.", 2000) + "a]"), "3:2 key has more than 16 dotted parts", 64 << 10},
		{"toml long key", toml(strings.Repeat("k", 100000) + " = 1"), "3:1 key is 100000 bytes long", 64 << 10},
		{"toml long key in a table", toml("[" + strings.Repeat("t", 200) + "]\n" + strings.Repeat("k", 100) + " = 1"), "4:1 key is 301 bytes long", 64 << 10},
		{"toml long text", toml("x = \"" + strings.Repeat("a", 200000) + "\""), "3:5 text is 195.3 KB long, over the limit of 64.0 KB", 64 << 10},
		{"toml long multi-line text", toml("x = '''\n" + strings.Repeat("a\n", 40000) + "'''"), "3:5 text is 78.1 KB long", 64 << 10},
		{"toml long list", toml("x = [" + strings.Repeat("1,", 20000) + "]"), "3:20006 list holds more than 10000 items", 64 << 10},
		{"toml many keys", toml(numbered("k%d = 1\n", 20000)), "1002:1 table holds more than 1000 keys", 64 << 10},
		{"toml many tables", toml(numbered("[a.t%d]\n", 20000)), "1003:1 table holds more than 1000 keys", 128 << 10},
		{"toml many steps", toml(strings.Repeat("[[steps]]\n", 20000)), "10003:1 list holds more than 10000 items", 64 << 10},
		{"toml many values", toml(strings.Repeat("[[s]]\nx = [1, 2, 3, 4, 5, 6, 7, 8]\n", 20000)), "20002:27 front matter holds more than 100000 values", 64 << 10},
		{"yaml nested flow", yaml("x: " + strings.Repeat("[", 4000) + strings.Repeat("]", 4000)), "3:36 front matter nests deeper than 32 levels", 64 << 10},
		{"yaml nested dashes", yaml("x:\n" + strings.Repeat("- ", 4000) + "a"), "4:67 front matter nests deeper than 32 levels", 64 << 10},
		{"yaml nested mappings", yaml(nestedMappings(2000)), "36:34 front matter nests deeper than 32 levels", 64 << 10},
		{"yaml many items", yaml("x:\n" + strings.Repeat("- 1\n", 200000)), "100002:3 front matter holds more than 100000 values", 64 << 10},
		{"yaml many flow items", yaml("x: [" + strings.Repeat("1,", 200000) + "]"), "3:200000 front matter holds more than 100000 values", 64 << 10},
		{"yaml long text", yaml("x: " + strings.Repeat("a", 200000)), "3:4 text is 195.3 KB long", 2 << 20},
		{"yaml long list", yaml("x: [" + strings.Repeat("1,", 10001) + "]"), "3:20005 list holds more than 10000 items", 16 << 20},
		{"yaml many keys", yaml(numbered("k%d: 1\n", 1500)), "1002:1 table holds more than 1000 keys", 4 << 20},
		{"yaml long key path", yaml("profile:\n  " + strings.Repeat("k", 250) + ": 1"), "4:3 key is 258 bytes long", 64 << 10},
		{"markdown deep quote", md(strings.Repeat(">", 100000)), "4:65 Markdown nests deeper than 64 levels", 64 << 10},
		{"markdown list markers", md(strings.Repeat("- ", 100000) + "x"), "4:129 Markdown nests deeper than 64 levels", 64 << 10},
		{"markdown indented list", md(deepList.String()), "68:129 Markdown nests deeper than 64 levels", 64 << 10},
		{"markdown nested emphasis", md(strings.Repeat("*a _", 20000) + "x" + strings.Repeat("_ a*", 20000)), "4:10001 paragraph opens more than 5000 links and emphasis marks", 64 << 10},
		{"markdown nested links", md(strings.Repeat("[", 20000) + "x" + strings.Repeat("](u)", 20000)), "4:5001 paragraph opens more than 5000 links and emphasis marks", 64 << 10},
	}
	cfg := config.Default()
	m := NewMarkdown(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			out := parseDoc("content/personas/p.md", SectionPersonas, []byte(tt.src), cfg, m, new(scratch))
			runtime.ReadMemStats(&after)
			if len(out.diags) != 1 {
				t.Fatalf("got %d diagnostics, want 1: %v", len(out.diags), out.diags)
			}
			d := out.diags[0]
			got := fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Col, d.Message)
			if !strings.HasPrefix(got, tt.want) || d.Hint == "" {
				t.Errorf("got %q (hint %q), want %q and a hint", got, d.Hint, tt.want)
			}
			if n := after.TotalAlloc - before.TotalAlloc; n > uint64(tt.maxAlloc+len(tt.src)) {
				t.Errorf("allocated %d bytes for a file of %d, want at most %d more", n, len(tt.src), tt.maxAlloc)
			}
		})
	}
}

// nestedMappings nests n mappings, one space deeper on each line.
func nestedMappings(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	return b.String()
}

// FuzzScanLimits checks the pre-scans on any input: they stand it, their
// positions lie in it, and what the TOML pre-scan lets through decodes to
// values nested within the limits.
func FuzzScanLimits(f *testing.F) {
	for _, src := range exampleFrontMatter() {
		f.Add(src)
	}
	for _, s := range []string{tomlPersona, yamlPersona, "x = [[1], {a = [2]}]\n[[s]]\n\"k\".'l' = \"\"\"\n[\n\"\"\"\n",
		"a:\n  - - [1, {b: 2}]\n  - c: |\n      [[[\n", "> - 1. *a _b_* [x](y)\n    - z\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 16<<10 {
			return // longer inputs only slow the search down: the scans are linear
		}
		lines := 2 + bytes.Count(src, []byte("\n"))
		for _, scan := range []func([]byte, int) *LimitError{scanTOMLLimits, scanYAMLLimits, scanMarkdownLimits} {
			if err := scan(src, 2); err != nil && (err.Pos.Line < 2 || err.Pos.Line > lines || err.Pos.Col < 1) {
				t.Fatalf("position %d:%d outside the input of %d lines: %v", err.Pos.Line, err.Pos.Col, lines, err)
			}
		}
		if scanTOMLLimits(src, 1) != nil {
			return
		}
		n, err := parseTOML(src, 1)
		if err != nil {
			return
		}
		if d := treeDepth(n); d > MaxKeyParts+2*MaxDepth {
			t.Fatalf("pre-scan let through values nested %d deep", d)
		}
	})
}

// treeDepth is how deep the values of n nest.
func treeDepth(n *Node) int {
	d := 0
	for _, it := range n.Items {
		d = max(d, treeDepth(it))
	}
	for _, f := range n.Fields {
		d = max(d, treeDepth(f.Value))
	}
	return d + 1
}
