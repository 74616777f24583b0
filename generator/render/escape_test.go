package render

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/i18n"
)

// hostile are writer texts that would run script if they reached a page
// unescaped.
var hostile = [...]string{`<script>alert(1)</script>`, `" onmouseover="x`, `' onfocus='x`, `]]><img src=x onerror=alert(1)>`}

// hostileSet is the example portal with every piece of writer text
// replaced by a hostile string, and a link with an unsafe scheme.
func hostileSet() *content.Set {
	set := exampleSet()
	n := 0
	h := func() string { n++; return hostile[n%len(hostile)] }
	list := func(l []string) []string {
		for i := range l {
			l[i] = h()
		}
		return l
	}
	set.Home.Title = h()
	for _, s := range set.Stages {
		s.Title, s.Goal = h(), h()
		list(s.Questions)
		list(s.KPIs)
	}
	for _, t := range set.Touchpoints {
		t.Title, t.Channel, t.Owner = h(), h(), h()
		list(t.KPIs)
	}
	for _, p := range set.Personas {
		p.Title, p.Summary, p.Quote = h(), h(), h()
		p.Goals, p.Needs, p.Frustrations, p.Channels = []string{h()}, []string{h()}, []string{h()}, []string{h()}
		p.Profile = append(p.Profile, content.ProfileField{Key: h(), Value: h()})
		for _, st := range p.Steps {
			st.Action, st.Thought, st.Feeling, st.Duration = h(), h(), h(), h()
			st.Artifacts = []string{h()}
			st.Pains = append(st.Pains, content.PainDoc{Text: h(), Severity: "high"})
			st.Opportunities = []content.OpportunityDoc{{Text: h(), Impact: "low"}}
			st.Evidence = append(st.Evidence, content.EvidenceDoc{Text: h(), URL: "javascript:alert(1)"},
				content.EvidenceDoc{Text: h(), URL: `https://example.com/?q="><script>`})
		}
	}
	return set
}

// themeScript matches the tags that load the theme's scripts.
var themeScript = regexp.MustCompile(`<script (?:src="[^"<>]*static/[a-z0-9-]+\.js" defer|defer src="[^"<>]*static/[a-z0-9-]+\.js")></script>`)

func TestHostileTextIsEscaped(t *testing.T) {
	r := newRenderer(t)
	cfg := testConfig()
	cfg.Title = hostile[0]
	s := linkSet(t, cfg, hostileSet())
	files := renderAll(t, r, s)
	for path, body := range files {
		// CSV files hold writer text as it is, escaped for CSV and
		// guarded against formulas (generator/export tests that); no
		// browser reads them as markup.
		if strings.HasPrefix(path, "static/") || strings.HasSuffix(path, ".csv") {
			continue
		}
		// The theme's own scripts are the only script tags a page may have.
		if strings.Contains(strings.ToLower(themeScript.ReplaceAllString(body, "")), "<script") {
			t.Errorf("%s: a script tag got through", path)
		}
		if strings.Contains(body, "<img") {
			t.Errorf("%s: an img tag got through", path)
		}
		if strings.Contains(body, `href="javascript:`) {
			t.Errorf("%s: a javascript: link got through", path)
		}
		for _, tag := range tags(body) {
			for _, a := range tag.attrs {
				if strings.HasPrefix(a, "on") {
					t.Errorf("%s: <%s> has event handler attribute %q", path, tag.name, a)
				}
			}
		}
	}
	if !strings.Contains(files["index.html"], "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the hostile title is not shown as text on the home page")
	}
	// The handlers are there, as text: the check above did look at them.
	if !strings.Contains(files["personas/parent/index.html"], "onmouseover") ||
		!strings.Contains(files["personas/parent/index.html"], "<svg") {
		t.Error("the persona page lost its hostile text or its chart")
	}
}

// tag is a start tag of an HTML document: its name and attribute names.
type tag struct {
	name  string
	attrs []string
}

// tags lists the start tags of doc, reading attribute values (quoted or
// not) so that text inside them is never taken for an attribute: an
// escaped `" onmouseover="` stays inside its value, one that broke out of
// it shows up as an attribute.
func tags(doc string) []tag {
	var out []tag
	for i := 0; i < len(doc); i++ {
		if doc[i] != '<' || i+1 >= len(doc) || !isLetter(doc[i+1]) {
			continue
		}
		j := i + 1
		for j < len(doc) && !isSpace(doc[j]) && doc[j] != '>' && doc[j] != '/' {
			j++
		}
		tg := tag{name: strings.ToLower(doc[i+1 : j])}
		for j < len(doc) && doc[j] != '>' {
			for j < len(doc) && (isSpace(doc[j]) || doc[j] == '/') {
				j++
			}
			k := j
			for k < len(doc) && !isSpace(doc[k]) && doc[k] != '=' && doc[k] != '>' && doc[k] != '/' {
				k++
			}
			if k > j {
				tg.attrs = append(tg.attrs, strings.ToLower(doc[j:k]))
			}
			j = k
			if j < len(doc) && doc[j] == '=' {
				j++
				if j < len(doc) && (doc[j] == '"' || doc[j] == '\'') {
					q := doc[j]
					j++
					for j < len(doc) && doc[j] != q {
						j++
					}
					j++
				} else {
					for j < len(doc) && !isSpace(doc[j]) && doc[j] != '>' {
						j++
					}
				}
			}
		}
		out = append(out, tg)
		i = j
	}
	return out
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isSpace(c byte) bool  { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

func TestTagsFindsInjectedHandlers(t *testing.T) {
	tests := []struct {
		doc  string
		want string
	}{
		{`<a href="x" onclick="y">`, "href onclick"},
		{`<a title="&#34; onmouseover=&#34;x">`, "title"},
		{`<p title='a " onmouseover="b'>`, "title"},
		{`<img src=x onerror=alert(1)>`, "src onerror"},
		{`a < b and <br/>`, ""},
	}
	for _, tt := range tests {
		var got []string
		for _, tg := range tags(tt.doc) {
			got = append(got, tg.attrs...)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("tags(%q) attrs = %q, want %q", tt.doc, got, tt.want)
		}
	}
}

// TestMessageEscapedOnce checks that a message with an ampersand, here the
// owner badge a site overrides, is escaped once on every page that shows
// it: in a template's {{owner}} and in the rows the renderer writes itself.
func TestMessageEscapedOnce(t *testing.T) {
	theme, err := OpenTheme("", "")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, i18n.Dir), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, i18n.Dir, "en.toml"), []byte("[badge]\nno_owner = \"Nobody & co\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, diags := i18n.Load(theme, dir, "en")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	r, err := New(theme, Messages(cat))
	if err != nil {
		t.Fatal(err)
	}
	set := exampleSet()
	for _, tp := range set.Touchpoints {
		tp.Owner = ""
	}
	shown := 0
	for path, body := range renderAll(t, r, linkSet(t, testConfig(), set)) {
		if strings.Contains(body, "&amp;amp;") {
			t.Errorf("%s: a message is escaped twice", path)
		}
		shown += strings.Count(body, "Nobody &amp; co")
	}
	if shown < 3 {
		t.Errorf("the owner badge shows %d times; want it on the owners page, the lists and the touchpoints", shown)
	}
}
