package main

import (
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/htmltest"
)

// page is one HTML file of a built portal.
type page struct {
	text   string
	links  []string
	ids    map[string]bool
	dupIDs []string
}

// readSite reads every HTML page under dir, by slash-separated path.
func readSite(t *testing.T, dir string) map[string]*page {
	t.Helper()
	pages := map[string]*page{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		pg := &page{text: string(data), ids: map[string]bool{}}
		for _, tag := range htmltest.Tags(pg.text) {
			for _, a := range tag.Attrs {
				switch {
				case a.Name == "id":
					if pg.ids[a.Value] {
						pg.dupIDs = append(pg.dupIDs, a.Value)
					}
					pg.ids[a.Value] = true
				case htmltest.URLAttr(a.Name):
					pg.links = append(pg.links, a.Value)
				}
			}
		}
		pages[filepath.ToSlash(rel)] = pg
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// resolve turns a link on page from into the path of the file it leads to
// and its fragment; external reports links to other sites.
func resolve(from, link string) (target, frag string, external bool, err error) {
	u, err := url.Parse(link)
	if err != nil {
		return "", "", false, err
	}
	if u.Scheme != "" || u.Host != "" {
		return "", "", true, nil
	}
	if strings.HasPrefix(u.Path, "/") {
		return "", "", false, errAbsolute
	}
	if u.Path == "" {
		return from, u.Fragment, false, nil
	}
	target = path.Join(path.Dir(from), u.Path)
	if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == ".." {
		target = path.Join(target, "index.html")
	}
	return target, u.Fragment, false, nil
}

type linkError string

func (e linkError) Error() string { return string(e) }

const errAbsolute = linkError("absolute path: links must be relative so the portal works under any sub-path")

// checkSite asserts what every built portal must satisfy: links are
// relative and lead to existing files and ids, every page is reachable from
// the home page, no page carries a script or an event-handler attribute, and
// external links use safe schemes.
func checkSite(t *testing.T, dir string) map[string]*page {
	t.Helper()
	pages := readSite(t, dir)
	if pages["index.html"] == nil {
		t.Fatalf("%s: no index.html", dir)
	}
	for name, pg := range pages {
		for _, problem := range htmltest.Problems(pg.text, func(u string) bool { return !content.SafeURL(u) }) {
			t.Errorf("%s: %s", name, problem)
		}
		if len(pg.dupIDs) > 0 {
			t.Errorf("%s: duplicate ids %v", name, pg.dupIDs)
		}
		if !strings.HasPrefix(strings.ToLower(pg.text), "<!doctype html>") {
			t.Errorf("%s: does not start with <!doctype html>", name)
		}
		for _, l := range pg.links {
			target, frag, external, err := resolve(name, l)
			if err != nil {
				t.Errorf("%s: link %q: %v", name, l, err)
				continue
			}
			if external {
				scheme := strings.ToLower(strings.SplitN(l, ":", 2)[0])
				if scheme != "http" && scheme != "https" && scheme != "mailto" && scheme != "tel" {
					t.Errorf("%s: unsafe link %q", name, l)
				}
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(target))); err != nil {
				t.Errorf("%s: link %q leads to %s, which does not exist", name, l, target)
				continue
			}
			if frag != "" && strings.HasSuffix(target, ".html") && pages[target] != nil && !pages[target].ids[frag] {
				t.Errorf("%s: link %q: no id %q in %s", name, l, frag, target)
			}
		}
	}
	// Every page must be reachable from the home page, but the 404 page.
	seen := map[string]bool{"index.html": true}
	queue := []string{"index.html"}
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		for _, l := range pages[name].links {
			target, _, external, err := resolve(name, l)
			if err != nil || external || seen[target] || pages[target] == nil {
				continue
			}
			seen[target] = true
			queue = append(queue, target)
		}
	}
	for name := range pages {
		if !seen[name] && name != "404.html" {
			t.Errorf("%s is not reachable from the home page", name)
		}
	}
	return pages
}
