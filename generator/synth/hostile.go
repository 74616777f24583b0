package synth

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// HostileShapes names the hostile files Hostile can write: each is the
// worst of its kind that fits in a file of a given size, such as front
// matter nested as deep as the bytes allow. They measure the limits on
// content files; see docs/performance.md.
func HostileShapes() []string {
	names := make([]string, len(hostileShapes))
	for i, s := range hostileShapes {
		names[i] = s.name
	}
	return names
}

type hostileShape struct {
	name string
	// body returns the file's text, of about size bytes.
	body func(size int) []byte
}

var hostileShapes = []hostileShape{
	{"toml-nested-arrays", func(n int) []byte { return tomlFile("x = " + nest("[", "]", "", n/2)) }},
	{"toml-nested-tables", func(n int) []byte { return tomlFile("x = " + nest("{a=", "}", "1", n/4)) }},
	{"toml-dotted-key", func(n int) []byte { return tomlFile(strings.Repeat("a.", n/2) + "a = 1") }},
	{"toml-long-key", func(n int) []byte { return tomlFile(strings.Repeat("k", n) + " = 1") }},
	{"toml-huge-string", func(n int) []byte { return tomlFile("x = \"" + strings.Repeat("a", n) + "\"") }},
	{"toml-huge-list", func(n int) []byte { return tomlFile("x = [" + strings.Repeat("1,", n/2) + "]") }},
	{"toml-many-keys", func(n int) []byte { return tomlFile(numbered("k%d = 1\n", n)) }},
	{"toml-many-tables", func(n int) []byte { return tomlFile(numbered("[a.t%d]\n", n)) }},
	{"toml-many-steps", func(n int) []byte { return tomlFile(strings.Repeat("[[steps]]\n", n/10)) }},
	{"toml-deep-header", func(n int) []byte {
		return tomlFile("[" + strings.Repeat("t.", 15) + "t]\n" + numbered("k%d = 1\n", n-64))
	}},
	// Files just within the limits: the most work a file may ask for.
	{"toml-at-depth-limit", func(n int) []byte { return tomlFile(sections("[[t]]\n", "x%d = "+nest("[", "]", "1", 31)+"\n", 30, n)) }},
	{"toml-at-key-limit", func(n int) []byte {
		k := strings.Repeat("k", 120)
		return tomlFile(sections("[[t."+k+"]]\n", k+"%d = ["+strings.Repeat("1, ", 900)+"]\n", 1, n))
	}},
	{"toml-at-key-limit-slow-path", func(n int) []byte {
		// A hexadecimal number sends the file past the fast path, to
		// BurntSushi/toml and the position scanner.
		k := strings.Repeat("k", 120)
		return tomlFile("h = 0x1\n" + sections("[[t."+k+"]]\n", k+"%d = ["+strings.Repeat("1, ", 900)+"]\n", 1, n))
	}},
	{"toml-at-table-limit", func(n int) []byte { return tomlFile(sections("[[t]]\n", "k%d = 1\n", 990, n)) }},
	{"toml-at-string-limit", func(n int) []byte {
		return tomlFile(sections("[[t]]\n", "x%d = \""+strings.Repeat("a", 64<<10-16)+"\"\n", 1, n))
	}},
	{"yaml-at-depth-limit", func(n int) []byte {
		return yamlFile("t:\n" + sections("- a: 1\n", "  x%d: "+nest("[", "]", "1", 30)+"\n", 30, n))
	}},
	{"md-at-quote-limit", func(n int) []byte { return mdFile(numbered(strings.Repeat(">", 64)+" %d\n", n-100)) }},
	{"md-at-list-limit", func(n int) []byte { return mdFile(numbered(deepList(64*67)+"%d\n\n", n-5000)) }},
	{"md-at-emphasis-limit", func(n int) []byte {
		return mdFile(numbered(nest("*a _", "_ a*", "%d", 2500)+"\n\n", n-30000))
	}},
	{"md-at-link-limit", func(n int) []byte {
		return mdFile(numbered(nest("[", "](u)", "%d", 5000)+"\n\n", n-30000))
	}},
	{"yaml-nested-flow", func(n int) []byte { return yamlFile("x: " + nest("[", "]", "", n/2)) }},
	{"yaml-nested-block", func(n int) []byte { return yamlFile(yamlBlock(n)) }},
	{"yaml-nested-dashes", func(n int) []byte { return yamlFile("x:\n" + strings.Repeat("- ", n/2) + "a") }},
	{"yaml-billion-laughs", func(n int) []byte { return yamlFile(laughs()) }},
	{"yaml-long-key", func(n int) []byte { return yamlFile(strings.Repeat("k", n) + ": 1") }},
	{"yaml-huge-string", func(n int) []byte { return yamlFile("x: " + strings.Repeat("a", n)) }},
	{"yaml-huge-list", func(n int) []byte { return yamlFile("x:\n" + strings.Repeat("- 1\n", n/4)) }},
	{"yaml-many-keys", func(n int) []byte { return yamlFile(numbered("k%d: 1\n", n)) }},
	{"md-deep-list", func(n int) []byte { return mdFile(deepList(n)) }},
	{"md-deep-quote", func(n int) []byte { return mdFile(strings.Repeat(">", n) + " x") }},
	{"md-list-markers", func(n int) []byte { return mdFile(strings.Repeat("- ", n/2) + "x") }},
	{"md-deep-emphasis", func(n int) []byte { return mdFile(nest("*a _", "_ a*", "x", n/8)) }},
	{"md-deep-links", func(n int) []byte { return mdFile(nest("[", "](u)", "x", n/5)) }},
	{"md-open-brackets", func(n int) []byte { return mdFile(strings.Repeat("[", n)) }},
	{"md-open-emphasis", func(n int) []byte { return mdFile(strings.Repeat("*a ", n/3)) }},
}

// Hostile writes one site per shape under dir, dir/SHAPE, each holding a
// persona file of about size bytes.
func Hostile(dir string, size int, shapes []string) error {
	for _, name := range shapes {
		var shape *hostileShape
		for i := range hostileShapes {
			if hostileShapes[i].name == name {
				shape = &hostileShapes[i]
			}
		}
		if shape == nil {
			return fmt.Errorf("unknown shape %q; the shapes are %s", name, strings.Join(HostileShapes(), ", "))
		}
		file := filepath.Join(dir, name, "content", "personas", "hostile.md")
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name, "config.toml"), []byte("title = \"Hostile\"\n"), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(file, shape.body(size-64), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// HostileFile returns the text of the file of shape name, of about size
// bytes, or nil for an unknown shape.
func HostileFile(name string, size int) []byte {
	for _, s := range hostileShapes {
		if s.name == name {
			return s.body(size - 64)
		}
	}
	return nil
}

func tomlFile(front string) []byte { return []byte("+++\ntitle = \"H\"\n" + front + "\n+++\nBody.\n") }

func yamlFile(front string) []byte { return []byte("---\ntitle: H\n" + front + "\n---\nBody.\n") }

func mdFile(body string) []byte { return []byte("+++\ntitle = \"H\"\n+++\n" + body + "\n") }

// nest returns open n times, then mid, then close n times.
func nest(open, close, mid string, n int) string {
	return strings.Repeat(open, n) + mid + strings.Repeat(close, n)
}

// numbered repeats format, given 0, 1, 2..., until it holds size bytes.
func numbered(format string, size int) string {
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}

// sections repeats head followed by per lines of format, given 0, 1,
// 2..., until size bytes or the values one front matter may hold, 100,000.
func sections(head, format string, per, size int) string {
	var b strings.Builder
	values := 0
	for i := 0; ; i++ {
		var sec strings.Builder
		sec.WriteString(head)
		for j := range per {
			fmt.Fprintf(&sec, format, j)
		}
		values += 1 + per*(1+strings.Count(format, "[")+strings.Count(format, ", "))
		if b.Len()+sec.Len() > size || values > 100_000 {
			return b.String()
		}
		b.WriteString(sec.String())
	}
}

// yamlBlock nests mappings one space deeper on each line, until size bytes.
func yamlBlock(size int) string {
	var b strings.Builder
	for depth := 0; b.Len()+depth+3 < size; depth++ {
		b.WriteString(strings.Repeat(" ", depth))
		b.WriteString("a:\n")
	}
	b.WriteString("x: 1")
	return b.String()
}

// deepList nests a list two spaces deeper on each line, until size bytes.
func deepList(size int) string {
	var b strings.Builder
	for depth := 0; b.Len()+2*depth+4 < size; depth++ {
		b.WriteString(strings.Repeat("  ", depth))
		b.WriteString("- a\n")
	}
	return b.String()
}

// laughs is the "billion laughs": nine anchors, each a list of ten
// aliases of the one before.
func laughs() string {
	var b strings.Builder
	b.WriteString("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 9; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 10), ", "))
	}
	return b.String()
}
