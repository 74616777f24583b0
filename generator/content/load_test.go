package content

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/config"
)

var urlAttr = regexp.MustCompile(`(?i)(?:href|src)="([^"]*)"`)

func FuzzLoadPersona(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"P\"\n[[steps]]\nstage = \"s\"\nemotion = 1\npains = [{ text = \"x\", severity = \"high\" }]\n+++\n# Body\n[a](/stages/s/) <b>x</b>\n"))
	f.Add([]byte("---\ntitle: P\nsteps:\n  - stage: s\n    evidence: [\"javascript:alert(1)\"]\n---\n[x](javascript:alert(1))\n"))
	cfg := config.Default()
	md := NewMarkdown(false)
	// One scratch for every input, as in a loading goroutine, so that
	// what one file leaves in it is seen by the next.
	sc := new(scratch)
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := normalize(data)
		if err != nil {
			return
		}
		out := parseDoc("content/personas/p.md", SectionPersonas, src, cfg, md, sc)
		for _, d := range out.diags {
			if d.File != "content/personas/p.md" || d.Message == "" {
				t.Fatalf("bad diagnostic %+v", d)
			}
		}
		if p, ok := out.doc.(*PersonaDoc); ok {
			body := string(p.Body)
			if strings.Contains(strings.ToLower(body), "<script") {
				t.Fatalf("script in body: %s", body)
			}
			for _, m := range urlAttr.FindAllStringSubmatch(body, -1) {
				if !SafeURL(html.UnescapeString(m[1])) {
					t.Fatalf("unsafe link %q in body: %s", m[1], body)
				}
			}
		}
	})
}
