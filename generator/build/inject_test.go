package build

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/htmltest"
)

// payloads are strings a hostile or careless writer might type.
var payloads = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(2)>`,
	`' onmouseover='alert(3)`,
	`</title><script>alert(4)</script>`,
	`]]><script>alert(5)</script><![CDATA[`,
	`javascript:alert(6)`,
	`<svg onload=alert(7)>`,
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func tomlList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = tomlString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

const hostileBody = `# <script>alert(10)</script>

<script>alert(11)</script>

<div onclick="alert(12)">raw block</div>

Inline <img src=x onerror=alert(13)> html, [a link](javascript:alert(14)),
[another](JaVaScRiPt:alert(15)), [data](data:text/html;base64,PHNjcmlwdD4=),
<javascript:alert(16)>, ![img](javascript:alert(17)) and [ok](https://example.com/?q=<x>).

| <b onmouseover=alert(18)>cell</b> | x |
|---|---|
| y | z |
`

// writeHostilePortal writes a portal in which every field a writer can set
// carries the payloads.
func writeHostilePortal(t *testing.T, dir string) {
	t.Helper()
	p := func(i int) string { return payloads[i%len(payloads)] }
	files := map[string]string{
		"config.toml":       fmt.Sprintf("title = %s\neditURL = %s\n", tomlString(p(0)), tomlString("https://example.com/edit/\"><script>alert(20)</script>/")),
		"content/_index.md": fmt.Sprintf("+++\ntitle = %s\n+++\n%s", tomlString(p(1)), hostileBody),
		"content/stages/s1.md": fmt.Sprintf("+++\ntitle = %s\ngoal = %s\nquestions = %s\nkpis = %s\norder = 1\n+++\n%s",
			tomlString(p(2)), tomlString(p(3)), tomlList(payloads), tomlList(payloads), hostileBody),
		"content/touchpoints/t1.md": fmt.Sprintf("+++\ntitle = %s\nchannel = %s\nmode = \"online\"\nowner = %s\nstages = [\"s1\"]\nkpis = %s\n+++\n%s",
			tomlString(p(4)), tomlString(p(5)), tomlString(p(6)), tomlList(payloads), hostileBody),
	}
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %s\nsummary = %s\nquote = %s\npriority = 1\nreviewed = 2026-11-01\n", tomlString(p(0)), tomlString(p(1)), tomlString(p(2)))
	for _, k := range []string{"goals", "needs", "frustrations", "channels"} {
		fmt.Fprintf(&b, "%s = %s\n", k, tomlList(payloads))
	}
	b.WriteString("\n[profile]\n")
	for i, s := range payloads {
		fmt.Fprintf(&b, "%s = %s\n", tomlString(fmt.Sprintf("%s key%d", s, i)), tomlString(s))
	}
	for i, s := range payloads {
		fmt.Fprintf(&b, "\n[[steps]]\nstage = \"s1\"\ntouchpoints = [\"t1\"]\naction = %s\nthought = %s\nfeeling = %s\nemotion = %d\n",
			tomlString(s), tomlString(p(i+1)), tomlString(p(i+2)), i%5-2)
		fmt.Fprintf(&b, "duration = %s\nartifacts = %s\n", tomlString(p(i+3)), tomlList(payloads))
		fmt.Fprintf(&b, "pains = [%s, { text = %s, severity = \"high\" }]\n", tomlString(s), tomlString(p(i+4)))
		fmt.Fprintf(&b, "opportunities = [%s, { text = %s, impact = \"low\" }]\n", tomlString(s), tomlString(p(i+5)))
		fmt.Fprintf(&b, "evidence = [%s, %s, { text = %s, url = %s }, %s]\n", tomlString(s), tomlString("javascript:alert(30)"),
			tomlString(p(i+6)), tomlString("data:text/html,<script>alert(31)</script>"), tomlString("[label "+s+"](https://example.com/"+s+")"))
	}
	fmt.Fprintf(&b, "+++\n%s", hostileBody)
	files["content/personas/p1.md"] = b.String()
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestNoScriptInjection builds a portal whose every field carries script
// payloads and asserts that no page has an executable script, an
// event-handler attribute or a link with an unsafe scheme.
func TestNoScriptInjection(t *testing.T) {
	for _, minify := range []bool{true, false} {
		t.Run(fmt.Sprintf("minify=%v", minify), func(t *testing.T) {
			site := t.TempDir()
			writeHostilePortal(t, site)
			if !minify {
				f, err := os.OpenFile(filepath.Join(site, "config.toml"), os.O_APPEND|os.O_WRONLY, 0)
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintln(f, "minify = false")
				f.Close()
			}
			out := filepath.Join(t.TempDir(), "public")
			res, err := Build(Options{SiteDir: site, OutDir: out, Now: testNow})
			if err != nil {
				t.Fatalf("build: %v\n%s", err, formatDiags(res.Diags))
			}
			pages := 0
			err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				text := string(data)
				rel, _ := filepath.Rel(out, p)
				switch filepath.Ext(p) {
				case ".html", ".svg", ".xml":
					pages++
					for _, problem := range htmltest.Problems(text, func(u string) bool { return !content.SafeURL(u) }) {
						t.Errorf("%s: %s", rel, problem)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if pages < 10 {
				t.Fatalf("only %d pages checked", pages)
			}
			// The payloads must still be there as text: escaped, not dropped.
			persona, err := os.ReadFile(filepath.Join(out, "personas", "p1", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(persona), "&lt;script&gt;alert(1)&lt;/script&gt;") {
				t.Errorf("the persona page does not show the payload as text")
			}
		})
	}
}
