package render

import (
	"bytes"
	"html"
	"html/template"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// markupSeeds are writer texts and URLs that need escaping of every kind.
var markupSeeds = []string{
	"", "plain", `<script>alert(1)</script>`, `" onmouseover="x`, `' onfocus='x`, "a & b", "a\x00b",
	"javascript:alert(1)", "JavaScript:alert(1)", "http://example.com/?a=1&b=2", "mailto:x@example.com",
	"data:text/html,<b>", "/path/with space", "../personas/семья/#step-1", "50%", "%zz", "a+b", "(x)",
	"https://example.com/\"><img src=x>", "tel:123", "x:y/z", "/a:b", "\xff\xfe", "\t\n",
}

func TestMarkupTextEscapesLikeTemplate(t *testing.T) {
	for _, s := range markupSeeds {
		m := newMarkup()
		m.text(s)
		if got, want := string(m.html()), template.HTMLEscapeString(s); got != want {
			t.Errorf("text(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzMarkupText(f *testing.F) {
	for _, s := range markupSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := newMarkup()
		m.text(s)
		got := string(m.html())
		if want := template.HTMLEscapeString(s); got != want {
			t.Fatalf("text(%q) = %q, want %q", s, got, want)
		}
		if strings.ContainsAny(got, `<>"'`+"\x00") {
			t.Fatalf("text(%q) = %q lets markup through", s, got)
		}
	})
}

// templateHref is the href html/template writes for u.
func templateHref(t *testing.T, u string) string {
	t.Helper()
	var b bytes.Buffer
	tmpl := template.Must(template.New("").Parse(`<a href="{{.}}">`))
	if err := tmpl.Execute(&b, u); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), `<a href="`), `">`)
}

// checkHref checks that href writes the attribute value html/template
// writes for u: the same once entities are decoded (html/template also
// writes + as &#43;), and never anything that ends the attribute.
func checkHref(t *testing.T, u string) {
	t.Helper()
	m := newMarkup()
	m.href(u)
	got := string(m.html())
	want := templateHref(t, u)
	if html.UnescapeString(got) != html.UnescapeString(want) {
		t.Fatalf("href(%q) = %q, html/template writes %q", u, got, want)
	}
	if strings.ContainsAny(got, "\"'<> \t\n\x00") {
		t.Fatalf("href(%q) = %q could end the attribute", u, got)
	}
}

func TestMarkupHrefLikeTemplate(t *testing.T) {
	for _, u := range markupSeeds {
		checkHref(t, u)
	}
}

func FuzzMarkupHref(f *testing.F) {
	for _, s := range markupSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		if !utf8.ValidString(u) {
			// html/template replaces invalid UTF-8 before it percent-encodes;
			// hrefs written in Go come from ids and URLs that are valid.
			return
		}
		checkHref(t, u)
	})
}

// FuzzPagesEscapeWriterText puts the same writer text in every text field
// of the example portal and checks that every page has the tags and
// attributes it has with plain text: whatever the text, it cannot add or
// remove markup, in the parts written by templates or by Go.
func FuzzPagesEscapeWriterText(f *testing.F) {
	for _, s := range append(markupSeeds, hostile[:]...) {
		f.Add(s)
	}
	r := newRenderer(f)
	plain := pageTags(f, r, "x", -1)
	f.Fuzz(func(t *testing.T, s string) {
		// Every text field holds s, so the pages grow many times faster
		// than it: longer texts only slow the search down.
		if len(s) > 256 {
			return
		}
		// Each input checks one page, picked by its length: rendering
		// them all would make every input as slow as a whole build.
		got := pageTags(t, r, "x"+s, len(s))
		for path, g := range got {
			if want := plain[path]; g != want {
				t.Errorf("%s: with text %q the markup changes:\n got %.300s\nwant %.300s", path, s, g, want)
			}
		}
	})
}

// pageTags renders the example portal with text in every text field and
// returns, per page, its start tags and their attribute names: of every
// page when only is negative, else of page number only (modulo their
// number), with the pages in the order Pages gives them. The titles
// of chart elements are left out: charts add them to labels they shorten.
func pageTags(tb testing.TB, r *Renderer, text string, only int) map[string]string {
	tb.Helper()
	set := exampleSet()
	// One persona has every kind of page and chart; the others only
	// multiply the work of each input.
	set.Personas = set.Personas[:1]
	set.Home.Title = text
	for _, s := range set.Stages {
		s.Title, s.Goal = text, text
		s.Questions, s.KPIs = []string{text}, []string{text}
	}
	for _, tp := range set.Touchpoints {
		tp.Title, tp.Channel, tp.Owner = text, text, text
	}
	for _, p := range set.Personas {
		p.Title, p.Summary, p.Quote = text, text, text
		p.Goals, p.Channels = []string{text}, []string{text}
		for _, st := range p.Steps {
			st.Action, st.Thought, st.Feeling, st.Duration = text, text, text, text
			st.Artifacts = []string{text}
			for i := range st.Pains {
				st.Pains[i].Text = text
			}
			for i := range st.Evidence {
				st.Evidence[i].Text = text
			}
		}
	}
	s := linkSet(tb, testConfig(), set)
	out := map[string]string{}
	pages := map[string]string{}
	if only < 0 {
		pages = renderAll(tb, r, s)
	} else {
		list := r.Pages(s)
		p := list[only%len(list)]
		var b strings.Builder
		if err := r.Render(&b, s, p); err != nil {
			tb.Fatalf("render %s: %v", p.Path, err)
		}
		pages[p.Path] = b.String()
	}
	for path, body := range pages {
		if !strings.HasSuffix(path, ".html") {
			continue
		}
		var b strings.Builder
		for _, tg := range tags(body) {
			if tg.name == "title" || tg.name == "tspan" {
				continue
			}
			b.WriteString(tg.name + "(" + strings.Join(tg.attrs, " ") + ") ")
		}
		// The pages of pains and owners are named by a hash of their text.
		out[keyRE.ReplaceAllString(path, "$1-key")] = b.String()
	}
	return out
}

// keyRE matches the Key of a pain or an owner.
var keyRE = regexp.MustCompile(`\b(pain|owner)-[0-9a-f]{8}\b`)
