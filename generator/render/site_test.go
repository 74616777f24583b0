package render

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/site"
)

// renderAll renders every page of s, by path, in parallel to exercise the
// Renderer's safety for concurrent use.
func renderAll(tb testing.TB, r *Renderer, s *site.Site) map[string]string {
	tb.Helper()
	pages := r.Pages(s)
	out := make([]string, len(pages))
	errs := make([]error, len(pages))
	var wg sync.WaitGroup
	for i, p := range pages {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			errs[i] = r.Render(&b, s, p)
			out[i] = b.String()
		}()
	}
	wg.Wait()
	files := make(map[string]string, len(pages))
	for i, p := range pages {
		if errs[i] != nil {
			tb.Fatalf("render %s: %v", p.Path, errs[i])
		}
		if _, dup := files[p.Path]; dup {
			tb.Fatalf("two pages write %s", p.Path)
		}
		files[p.Path] = out[i]
	}
	static, err := r.Static()
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range static {
		files[f.Path] = string(f.Data)
	}
	return files
}

// manyPainsSet is a generated portal whose pains are all distinct, enough
// to split the pain-point index over several pages.
func manyPainsSet() *content.Set { return distinctPains(generatedSet(30, 60, 40)) }

// distinctPains gives every pain of set a text of its own.
func distinctPains(set *content.Set) *content.Set {
	n := 0
	for _, p := range set.Personas {
		for _, st := range p.Steps {
			for i := range st.Pains {
				n++
				st.Pains[i].Text = fmt.Sprintf("Distinct pain %d", n)
			}
		}
	}
	return set
}

var (
	hrefRE    = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idRE      = regexp.MustCompile(`\sid="([^"]*)"`)
	headingRE = regexp.MustCompile(`<h([1-6])[\s>]`)
)

func TestSiteStructure(t *testing.T) {
	r := newRenderer(t)
	// Without a base URL every link is relative, 404.html's included, and
	// checked below like the others.
	noBase := testConfig()
	noBase.BaseURL = ""
	sites := map[string]*site.Site{
		"example":     linkSet(t, testConfig(), exampleSet()),
		"no base URL": linkSet(t, noBase, exampleSet()),
		"many pains":  linkSet(t, testConfig(), manyPainsSet()),
		// Enough pains per touchpoint to split the pain points by
		// touchpoint over several pages.
		"many touchpoints": linkSet(t, testConfig(), distinctPains(generatedSet(200, 60, 20))),
	}
	for name, s := range sites {
		t.Run(name, func(t *testing.T) {
			files := renderAll(t, r, s)
			ids := map[string]map[string]bool{}
			for p, body := range files {
				if !strings.HasSuffix(p, ".html") {
					continue
				}
				checkPageBasics(t, p, body)
				ids[p] = map[string]bool{}
				for _, m := range idRE.FindAllStringSubmatch(body, -1) {
					id := html.UnescapeString(m[1])
					if ids[p][id] {
						t.Errorf("%s: duplicate id %q", p, id)
					}
					ids[p][id] = true
				}
			}
			if name == "many touchpoints" && !strings.Contains(files[tpGroupPagePath(1)+"index.html"], `class="more-link"`) {
				t.Error("the pain points by touchpoint list every pain of every touchpoint; they should summarise them")
			}
			reached := checkLinks(t, files, ids)
			for p := range files {
				if strings.HasSuffix(p, "index.html") && !reached[p] {
					t.Errorf("%s is not reachable from the home page", p)
				}
			}
		})
	}
}

func checkPageBasics(t *testing.T, p, body string) {
	t.Helper()
	for _, want := range []string{"<!doctype html>", `<html lang="en">`, `<meta charset="utf-8">`, "<title>", `<main id="main"`, "<h1", "</html>"} {
		if !strings.Contains(body, want) {
			t.Errorf("%s lacks %s", p, want)
		}
	}
	if strings.Count(body, "<h1") != 1 {
		t.Errorf("%s has %d h1", p, strings.Count(body, "<h1"))
	}
	level := 0
	for _, m := range headingRE.FindAllStringSubmatch(body, -1) {
		l := int(m[1][0] - '0')
		if l > level+1 {
			t.Errorf("%s: h%d follows h%d", p, l, level)
		}
		level = l
	}
}

// checkLinks follows every relative link of every page, checks that its
// target and fragment exist, and returns the pages reached from the home
// page.
func checkLinks(t *testing.T, files map[string]string, ids map[string]map[string]bool) map[string]bool {
	t.Helper()
	links := map[string][]string{}
	for p, body := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, m := range hrefRE.FindAllStringSubmatch(body, -1) {
			href := html.UnescapeString(m[1])
			if strings.HasPrefix(href, "https://") || strings.HasPrefix(href, "mailto:") {
				continue
			}
			target, frag := resolve(p, href)
			if _, ok := files[target]; !ok {
				t.Errorf("%s: link %q leads to missing %s", p, href, target)
				continue
			}
			if frag != "" && ids[target] != nil && !ids[target][frag] {
				t.Errorf("%s: link %q: no id %q in %s", p, href, frag, target)
			}
			links[p] = append(links[p], target)
		}
	}
	reached := map[string]bool{"index.html": true}
	queue := []string{"index.html"}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, q := range links[p] {
			if !reached[q] {
				reached[q] = true
				queue = append(queue, q)
			}
		}
	}
	return reached
}

// resolve turns an href on page p into the file it names and its fragment.
func resolve(p, href string) (file, frag string) {
	if i := strings.IndexByte(href, '#'); i >= 0 {
		href, frag = href[:i], href[i+1:]
		frag, _ = url.PathUnescape(frag)
	}
	// A query (compare/?p=a,b) is read by the page's script; the link
	// leads to the page.
	if i := strings.IndexByte(href, '?'); i >= 0 {
		href = href[:i]
	}
	if href == "" {
		return p, frag
	}
	dec, err := url.PathUnescape(href)
	if err != nil {
		return "bad escape " + href, frag
	}
	file = path.Join(path.Dir(p), dec)
	if strings.HasSuffix(dec, "/") || file == "." {
		file = path.Join(file, "index.html")
	}
	return strings.TrimPrefix(file, "./"), frag
}

func TestPainIndexPages(t *testing.T) {
	r := newRenderer(t)
	s := linkSet(t, testConfig(), manyPainsSet())
	if len(s.Pains) <= PainsPerPage {
		t.Fatalf("fixture has only %d pains", len(s.Pains))
	}
	files := renderAll(t, r, s)
	pages := painPageCount(len(s.Pains), PainsPerPage)
	for n := 1; n <= pages; n++ {
		body := files[painPagePath(n)+"index.html"]
		rows := strings.Count(body, `<tr id="pain-`)
		want := min(PainsPerPage, len(s.Pains)-(n-1)*PainsPerPage)
		if rows != want {
			t.Errorf("page %d has %d rows, want %d", n, rows, want)
		}
		if (n > 1) != strings.Contains(body, `rel="prev"`) || (n < pages) != strings.Contains(body, `rel="next"`) {
			t.Errorf("page %d of %d: wrong prev/next links", n, pages)
		}
	}
	last := s.Pains[len(s.Pains)-1]
	want := fmt.Sprintf(`<tr id="%s"`, last.Key)
	if !strings.Contains(files[painPagePath(pages)+"index.html"], want) {
		t.Errorf("the last pain is not on the last page")
	}
}

func TestPagesShowWhatTheyDependOn(t *testing.T) {
	r := newRenderer(t)
	s := linkSet(t, testConfig(), exampleSet())
	for _, p := range r.Pages(s) {
		switch p.Type {
		case PersonaPage, StagePage, TouchpointPage, PersonaCSV, PersonaSVG:
			// A map's files show what its page shows.
			kind := map[PageType]site.Kind{PersonaCSV: site.KindPersona, PersonaSVG: site.KindPersona}[p.Type]
			if kind == "" {
				kind = site.Kind(p.Type)
			}
			shows := r.Shows(s, p)
			if p.All || len(shows) == 0 || shows[0].Kind != kind || shows[0].ID != p.ID {
				t.Errorf("%s: Shows = %v, All = %v", p.Path, shows, p.All)
			}
		default:
			if !p.All {
				t.Errorf("%s: a %s page depends on the whole site", p.Path, p.Type)
			}
		}
	}
	var persona Page
	for _, p := range r.Pages(s) {
		if p.ID == "parent" {
			persona = p
		}
	}
	has := func(k site.Kind, id string) bool {
		for _, ref := range r.Shows(s, persona) {
			if ref.Kind == k && ref.ID == id {
				return true
			}
		}
		return false
	}
	if !has(site.KindTouchpoint, "app") || !has(site.KindStage, "loyalty") || has(site.KindTouchpoint, "sms") {
		t.Errorf("persona page Shows = %v", r.Shows(s, persona))
	}
}

// TestOutputIgnoresBuildTime: the same content built an hour later gives
// the same files, so a rebuild rewrites nothing that did not change.
func TestOutputIgnoresBuildTime(t *testing.T) {
	r := newRenderer(t)
	a := renderAll(t, r, linkSet(t, testConfig(), exampleSet()))
	later, _ := site.Link(testConfig(), exampleSet(), buildTime.Add(time.Hour))
	b := renderAll(t, r, later)
	for p, body := range a {
		if b[p] != body {
			t.Errorf("%s changes with the build time", p)
		}
	}
}
