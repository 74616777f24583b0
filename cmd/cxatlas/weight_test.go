package main

import (
	"encoding/json"
	"html"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/synth"
)

// maxPageBytes is the most an HTML page of a portal may weigh.
const maxPageBytes = 1 << 20

// TestPageWeight builds a generated portal shaped for the worst cases at a
// moderate size (few stages, so each holds thousands of steps; few owners
// of hundreds of touchpoints; pains written in hundreds of steps), then
// checks that no HTML page weighs over 1 MB and that every persona, stage,
// touchpoint and owner page and every pain's row is reached from the home
// page by following links.
func TestPageWeight(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a portal of some 600 files")
	}
	dir := t.TempDir()
	spec := synth.Spec{Name: "weight", Seed: 7, Personas: 260, Stages: 3, Touchpoints: 300, MinSteps: 60, MaxSteps: 80, SharedPains: 12}
	if err := synth.Generate(dir, spec); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if r := cxatlas(t, dir, "build", "-d", out); r.code != 0 {
		t.Fatalf("build: exit %d: %.2000s", r.code, r.stderr)
	}
	pages := readPages(t, out)
	for p, body := range pages {
		if len(body) > maxPageBytes {
			t.Errorf("%s weighs %d bytes, over the limit of %d", p, len(body), maxPageBytes)
		}
	}
	reached, ids := crawl(pages, "index.html")
	for p := range pages {
		if !reached[p] && p != "404.html" {
			t.Errorf("%s is not reached from the home page", p)
		}
	}
	for _, key := range painKeys(t, out) {
		if !ids[key] {
			t.Errorf("pain %s has no row on any page reached from the home page", key)
		}
	}
	t.Logf("%d HTML pages, %d pain rows checked", len(pages), len(painKeys(t, out)))
}

// readPages reads every HTML page under dir, by its path from dir with
// forward slashes.
func readPages(t *testing.T, dir string) map[string]string {
	t.Helper()
	pages := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		pages[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// crawl follows the relative links of pages from start and returns the
// pages reached and the ids found on them.
func crawl(pages map[string]string, start string) (reached, ids map[string]bool) {
	reached, ids = map[string]bool{start: true}, map[string]bool{}
	queue := []string{start}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		body := pages[p]
		for _, id := range attrValues(body, "id") {
			ids[html.UnescapeString(id)] = true
		}
		for _, href := range attrValues(body, "href") {
			target := linkTarget(p, html.UnescapeString(href))
			if _, ok := pages[target]; ok && !reached[target] {
				reached[target] = true
				queue = append(queue, target)
			}
		}
	}
	return reached, ids
}

// attrValues returns the values of every attribute name in doc, quoted or
// not (pages are minified). A scan, not a regular expression: the crawl
// reads tens of megabytes, under the race detector too.
func attrValues(doc, name string) []string {
	var vals []string
	key := " " + name + "="
	for {
		i := strings.Index(doc, key)
		if i < 0 {
			return vals
		}
		doc = doc[i+len(key):]
		end := strings.IndexAny(doc, " >")
		if strings.HasPrefix(doc, `"`) {
			doc = doc[1:]
			end = strings.IndexByte(doc, '"')
		}
		if end < 0 {
			return vals
		}
		vals = append(vals, doc[:end])
		doc = doc[end:]
	}
}

// linkTarget is the page an href on page p leads to, or "" for links that
// leave the portal or name no page.
func linkTarget(p, href string) string {
	href, _, _ = strings.Cut(href, "#")
	if href == "" || strings.Contains(href, ":") || strings.HasPrefix(href, "/") {
		return ""
	}
	dec, err := url.PathUnescape(href)
	if err != nil {
		return ""
	}
	target := path.Join(path.Dir(p), dec)
	if strings.HasSuffix(dec, "/") || !strings.Contains(path.Base(target), ".") {
		target = path.Join(target, "index.html")
	}
	return strings.TrimPrefix(target, "./")
}

// painKeys lists the key of every pain in the portal's data.json.
func painKeys(t *testing.T, dir string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "data.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Pains []struct{ Key string } `json:"pains"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, len(d.Pains))
	for i, p := range d.Pains {
		keys[i] = p.Key
	}
	return keys
}
