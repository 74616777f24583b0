package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cxatlas/cxatlas/generator/browsertest"
)

const themeCSS = "themes/mine/static/cxatlas.css"

// themedSite is the base portal with a theme of its own that overrides the
// stylesheet, and a persona page long enough to scroll.
func themedSite(t *testing.T) string {
	t.Helper()
	site := testSite(t)
	css, err := os.ReadFile("../../themes/default/static/cxatlas.css")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(site, filepath.FromSlash(themeCSS))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, css, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(site, "config.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("theme = \"mine\"\n"); err != nil {
		t.Fatal(err)
	}
	var body strings.Builder
	for i := range 150 {
		fmt.Fprintf(&body, "\nParagraph %d of a long story about the family and what they buy.\n", i)
	}
	g, err := os.OpenFile(filepath.Join(site, filepath.FromSlash(family)), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if _, err := g.WriteString(body.String()); err != nil {
		t.Fatal(err)
	}
	return site
}

// appendTo adds text at the end of a file of the site.
func appendTo(t *testing.T, site, name, text string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(site, filepath.FromSlash(name)), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

// TestServeSwapsStylesheets checks that a change to the theme's stylesheet
// alone sends "css" rather than "reload", and that a change of content
// after it still reloads.
func TestServeSwapsStylesheets(t *testing.T) {
	site := themedSite(t)
	s := startServe(t, site)
	events := s.events(t)
	await(t, events, "hello")

	appendTo(t, site, themeCSS, "\nbody { outline: 7px solid rgb(1, 2, 3); }\n")
	if e := next(t, events); e.name != "css" || !regexp.MustCompile(`^[0-9a-z]+-\d+$`).MatchString(e.data) {
		t.Fatalf("after a stylesheet change got %+v; want css with the new build", e)
	}
	if _, css := s.get(t, "static/cxatlas.css"); !strings.Contains(css, "rgb(1, 2, 3)") && !strings.Contains(css, "rgb(1,2,3)") && !strings.Contains(css, "#010203") {
		t.Error("the served stylesheet lacks the change")
	}
	edit(t, site, family, `title = "Family"`, `title = "Household"`)
	if e := next(t, events); e.name != "reload" {
		t.Fatalf("after a content change got %+v; want reload", e)
	}
}

// next returns the next event of the stream.
func next(t *testing.T, c <-chan sse) sse {
	t.Helper()
	select {
	case e, ok := <-c:
		if !ok {
			t.Fatal("the event stream ended")
		}
		return e
	case <-time.After(serveWait):
		t.Fatalf("no event within %v", serveWait)
	}
	return sse{}
}

// TestServePoll checks that serve -poll sees a save without the system's
// notifications.
func TestServePoll(t *testing.T) {
	site := testSite(t)
	s := startServe(t, site, "-poll", "20ms")
	events := s.events(t)
	await(t, events, "hello")
	edit(t, site, family, `title = "Family"`, `title = "Household"`)
	await(t, events, "reload")
	if _, page := s.get(t, "personas/family/"); !strings.Contains(page, "<h1>Household</h1>") {
		t.Errorf("after the edit the page lacks the new title")
	}
}

// TestBrowserLiveReload opens a page of cxatlas serve in Chromium,
// scrolls down, and edits the content above: the page reloads to the same
// scroll position. Then it edits the theme's stylesheet: the page shows
// the new style without reloading.
func TestBrowserLiveReload(t *testing.T) {
	browsertest.Chromium(t)
	site := themedSite(t)
	s := startServe(t, site)
	tab := browsertest.Shared(t).Tab(t)
	tab.Do(t, chromedp.Navigate(s.url+"personas/family/"), chromedp.WaitReady("h1"))
	height := evaluate[int](t, tab, `document.documentElement.scrollHeight`)
	if height < 3000 {
		t.Fatalf("the page is %d px high; want a page to scroll", height)
	}
	const y = 1800
	// The script keeps the position itself rather than rely on the
	// browser's restoring, which a reload that comes while the page still
	// loads (the early reload of a build, then the one at its end) defeats:
	// turn the browser's off to see the script's.
	evaluate[bool](t, tab, fmt.Sprintf(`history.scrollRestoration = "manual", window.scrollTo(0, %d), true`, y))

	edit(t, site, family, `title = "Family"`, `title = "Household"`)
	// A rebuild may reload the page twice: when the page of the edit is
	// out, and at the end. Read the position once the build is over and
	// the last reload had time to start.
	waitLines(t, s.stdout, `rebuilt \d+ of \d+ pages`, 1)
	time.Sleep(300 * time.Millisecond)
	waitTrue(t, tab, `document.readyState === "complete" && document.querySelector("h1").textContent === "Household"`)
	// The position is set again at the load event, after this test saw the
	// new title: wait for it rather than read it at once.
	waitTrue(t, tab, fmt.Sprintf(`Math.abs(window.scrollY - %d) <= 1`, y))
	if got := evaluate[float64](t, tab, `window.scrollY`); got < y-1 || got > y+1 {
		t.Errorf("after the reload the page is scrolled to %v; want %d", got, y)
	}

	evaluate[bool](t, tab, `window.notReloaded = true`)
	appendTo(t, site, themeCSS, "\nbody { outline: 7px solid rgb(1, 2, 3); }\n")
	waitTrue(t, tab, `getComputedStyle(document.body).outlineColor === "rgb(1, 2, 3)"`)
	if !evaluate[bool](t, tab, `window.notReloaded === true`) {
		t.Error("the page reloaded for a stylesheet change; want the stylesheet swapped in place")
	}
	if n := evaluate[int](t, tab, `document.querySelectorAll('link[rel~="stylesheet"]').length`); n != 1 {
		t.Errorf("the page has %d stylesheet links after the swap; want 1", n)
	}
	if got := evaluate[float64](t, tab, `window.scrollY`); got < y-1 || got > y+1 {
		t.Errorf("after the stylesheet swap the page is scrolled to %v; want %d", got, y)
	}
	tab.NoErrors(t)
}

// evaluate runs a script in the tab and returns its value.
func evaluate[T any](t *testing.T, tab *browsertest.Tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitTrue waits until a script is true in the tab, which may reload in
// between.
func waitTrue(t *testing.T, tab *browsertest.Tab, expr string) {
	t.Helper()
	deadline := time.Now().Add(serveWait)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[bool](`(function () { try { return !!(`+expr+`); } catch (e) { return false; } })()`)); err == nil && ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s not true within %v", expr, serveWait)
}
