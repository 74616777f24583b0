package main

import (
	"context"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/cxatlas/cxatlas/generator/browsertest"
)

// wcagTags are the axe-core rule sets of WCAG 2.1 AA.
var wcagTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// phoneWidth is the narrowest screen the portal is read on, in CSS pixels.
const phoneWidth = 360

// builtPages builds the portal site under a sub-path, serves it as a static
// host would and returns its base URL and the paths of its HTML pages.
func builtPages(t *testing.T, site string) (string, []string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "cx", "portal")
	if r := cxatlas(t, ".", "build", "-s", site, "-d", out); r.code != 0 {
		t.Fatalf("build %s: exit %d\n%s", site, r.code, r.stderr)
	}
	var pages []string
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".html") {
			rel, _ := filepath.Rel(out, path)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return browsertest.Serve(t, out, "/cx/portal/"), pages
}

// colourScheme emulates the reader's preferred colour scheme, "light" or
// "dark".
func colourScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// TestReadableEverywhere opens every page of the example portal and of the
// Russian fixture in Chromium and checks, for each: axe-core finds no
// WCAG 2.1 AA violation in the light scheme nor in the dark one, and at a
// 360 px wide viewport the document is no wider than the screen. Each
// page has a tab of its own; tabs run side by side.
func TestReadableEverywhere(t *testing.T) {
	browsertest.NeedAxe(t)
	b := browsertest.Shared(t)
	for name, site := range map[string]string{"example": exampleSite(t), "cyrillic": "testdata/portals/cyrillic"} {
		base, pages := builtPages(t, site)
		for _, page := range pages {
			t.Run(name+"/"+page, func(t *testing.T) {
				t.Parallel()
				checkReadable(t, b.Tab(t), base, page)
			})
		}
	}
}

// checkReadable runs the checks of TestReadableEverywhere on one page.
func checkReadable(t *testing.T, tab *browsertest.Tab, base, page string) {
	t.Helper()
	tab.Do(t, chromedp.EmulateViewport(1280, 900), colourScheme("light"), chromedp.Navigate(base+page))
	violations, err := browsertest.Axe(tab.Ctx, wcagTags...)
	if err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	for _, v := range violations {
		t.Errorf("%s, light scheme: %s", page, v)
	}
	// The dark scheme changes colours only, so in it the rules that judge
	// colours run again, on the axe-core the page now holds.
	tab.Do(t, colourScheme("dark"))
	violations, err = chromedp.Run(tab.Ctx, chromedp.Evaluate[[]browsertest.Violation](axeColourRules, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	for _, v := range violations {
		t.Errorf("%s, dark scheme: %s", page, v)
	}
	tab.Do(t, chromedp.EmulateViewport(phoneWidth, 740, chromedp.EmulateMobile))
	width, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[int]("document.documentElement.scrollWidth"))
	if err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	if width > phoneWidth {
		wide, _ := chromedp.Run(tab.Ctx, chromedp.Evaluate[[]string](strings.ReplaceAll(widestJS, "WIDTH", strconv.Itoa(phoneWidth))))
		t.Errorf("%s is %d px wide on a %d px screen; too wide: %s", page, width, phoneWidth, strings.Join(wide, ", "))
	}
	// No page may log an error, throw, or fail to load a file. The one
	// exception: 404.html links to the portal's base URL (hosts serve it
	// at any missing address, where relative links would point nowhere),
	// and the test's host is not that URL.
	for _, e := range tab.Errors() {
		if page == "404.html" && strings.Contains(e, "ERR_NAME_NOT_RESOLVED https://cx.example.com/") {
			continue
		}
		t.Errorf("%s: the browser reported: %s", page, e)
	}
}

// axeColourRules runs the axe-core rules of WCAG 2.1 AA that depend on
// colour and reports their violations as browsertest.Axe does.
const axeColourRules = `axe.run(document, {runOnly: {type: "rule", values: ["color-contrast", "link-in-text-block"]}, resultTypes: ["violations"]})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " "))})))`

// widestJS names the elements that reach past the right edge of the
// screen and are not inside a region that scrolls on its own.
const widestJS = `(() => {
  const out = [];
  for (const e of document.querySelectorAll("body *")) {
    if (e.getBoundingClientRect().right <= WIDTH + 0.5) continue;
    let p = e.parentElement, scrolled = false;
    for (; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o !== "visible") { scrolled = true; break; } }
    if (!scrolled && out.length < 5) out.push(e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ").join(".") : "") + " " + Math.round(e.getBoundingClientRect().right));
  }
  return out;
})()`
