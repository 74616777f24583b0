package main

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/cxatlas/cxatlas/generator/browsertest"
)

// servePortal builds the portal of site and serves it under a sub-path, as
// a static host would; it returns the portal's base URL.
func servePortal(t *testing.T, site string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if r := cxatlas(t, ".", "build", "-s", site, "-d", out); r.code != 0 {
		t.Fatalf("build %s: exit %d\n%s", site, r.code, r.stderr)
	}
	return browsertest.Serve(t, out, "/cx/portal/")
}

// TestSearchAsYouType types an inflected word into the search box of one
// page and follows the pain it lists to the pain's row on another page:
// "доставкой" (a form the content never writes) finds the pain "Интервал
// доставки…", and "deliveries" finds "delivery".
func TestSearchAsYouType(t *testing.T) {
	browsertest.Chromium(t)
	tests := []struct {
		name, site, page, query, want, wantPath string
	}{
		{"russian", "testdata/portals/cyrillic", "stages/", "доставкой", "Интервал доставки", "pains/"},
		{"english", exampleSite(t), "touchpoints/", "deliveries", "delivery", "pains/"},
	}
	b := browsertest.Shared(t)
	for _, tt := range tests {
		base := servePortal(t, tt.site)
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tab := b.Tab(t)
			tab.Do(t, chromedp.Navigate(base+tt.page), chromedp.WaitReady("#site-search-q"),
				chromedp.SendKeys("#site-search-q", tt.query),
				chromedp.WaitVisible(`#site-search-list[data-query="`+tt.query+`"] [role=option]`))
			// The option to follow: the first pain that shows the wanted
			// text, reached with the arrow keys.
			at, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll("#site-search-list [role=option]")).findIndex(o => o.querySelector(".search-kind-pain") && o.textContent.toLowerCase().includes(`+quote(strings.ToLower(tt.want))+`))`))
			if err != nil {
				t.Fatal(err)
			}
			if at < 0 {
				text, _ := chromedp.Run(tab.Ctx, chromedp.Text("#site-search-list"))
				t.Fatalf("the list for %q lacks %q:\n%s", tt.query, tt.want, text)
			}
			for range at + 1 {
				tab.Do(t, chromedp.KeyEvent(kb.ArrowDown))
			}
			expanded, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[string](`document.getElementById("site-search-q").getAttribute("aria-expanded") + " " + document.getElementById("site-search-q").getAttribute("aria-activedescendant")`))
			if err != nil || expanded != "true site-search-opt-"+strconv.Itoa(at) {
				t.Errorf("combobox state %q (%v), want expanded with option %d active", expanded, err, at)
			}
			marked, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[int](`document.querySelectorAll("#site-search-list [aria-selected=true] mark").length`))
			if err != nil || marked == 0 {
				t.Errorf("the active option marks no word (%v)", err)
			}
			tab.Do(t, pressEnter, chromedp.WaitReady("#main"))
			// The link leads to the row or column of what was found, on
			// its own page, under the sub-path.
			where, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[string](`location.pathname + " " + (location.hash ? (document.getElementById(decodeURIComponent(location.hash.slice(1))) || {textContent: "no element"}).textContent : "no fragment")`))
			if err != nil {
				t.Fatal(err)
			}
			path, target, _ := strings.Cut(where, " ")
			if !strings.HasPrefix(path, "/cx/portal/"+tt.wantPath) || !strings.Contains(strings.ToLower(target), strings.ToLower(tt.want)) {
				t.Errorf("the result led to %s, to %q; want /cx/portal/%s…, to the text %q", path, target, tt.wantPath, tt.want)
			}
			tab.NoErrors(t)
		})
	}
}

// TestSearchPage opens search/?q= and checks that the results are there
// on load, grouped by kind and counted in words of the catalogue; and that
// "/" focuses the search box.
func TestSearchPage(t *testing.T) {
	browsertest.Chromium(t)
	base := servePortal(t, "testdata/portals/cyrillic")
	b := browsertest.Shared(t)
	t.Run("results on load", func(t *testing.T) {
		t.Parallel()
		tab := b.Tab(t)
		tab.Do(t, chromedp.Navigate(base+"search/?q=интервалы+доставки"), chromedp.WaitVisible(".search-list li"))
		summary, err := chromedp.Run(tab.Ctx, chromedp.Text("#search-summary"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(summary, "1 боль") {
			t.Errorf("summary %q does not count the pain as \"1 боль\"", summary)
		}
		groups, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll(".search-group h2")).map(h => h.textContent).join("|")`))
		if err != nil || !strings.Contains(groups, "Боли") {
			t.Errorf("group headings %q (%v) lack Боли", groups, err)
		}
		value, err := chromedp.Run(tab.Ctx, chromedp.Value("#site-search-q"))
		if err != nil || value != "интервалы доставки" {
			t.Errorf("the box holds %q (%v), want the query", value, err)
		}
		href, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[string](`document.querySelector(".search-list[data-kind=pain] a").getAttribute("href")`))
		if err != nil || !strings.HasPrefix(href, "../pains/#pain-") {
			t.Errorf("the pain links to %q (%v), want its row, relative", href, err)
		}
		tab.NoErrors(t)
	})
	t.Run("accessible", func(t *testing.T) {
		browsertest.NeedAxe(t)
		t.Parallel()
		tab := b.Tab(t)
		// The search page with its results, and the list under the box
		// open with an option active.
		tab.Do(t, chromedp.Navigate(base+"search/?q=доставка"), chromedp.WaitVisible(".search-list li"),
			chromedp.SendKeys("#site-search-q", " и"), chromedp.WaitVisible(`#site-search-list[data-query="доставка и"] [role=option]`),
			chromedp.KeyEvent(kb.ArrowDown))
		vs, err := browsertest.Axe(tab.Ctx, "wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			t.Errorf("axe: %v", v)
		}
		tab.NoErrors(t)
	})
	t.Run("slash focuses the box", func(t *testing.T) {
		t.Parallel()
		tab := b.Tab(t)
		tab.Do(t, chromedp.Navigate(base+"personas/"), chromedp.WaitReady("#site-search-q"), pressSlash)
		focused, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[string](`document.activeElement.id + "|" + document.activeElement.value`))
		if err != nil || focused != "site-search-q|" {
			t.Errorf("after / the focus is on %q (%v), want the empty search box", focused, err)
		}
		tab.NoErrors(t)
	})
}

// press presses a key the way a keyboard does: one key press whose
// character, if any, a page can cancel. (chromedp.KeyEvent sends the
// character as an event of its own, which no page can cancel: Enter would
// submit the form whatever the page does.)
func press(name, code, text string, vk int64) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		key := input.DispatchKeyEventParams{Key: name, Code: code, Text: text, UnmodifiedText: text, WindowsVirtualKeyCode: vk}
		key.Type = input.DispatchKeyEventTypeKeyDown
		if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, key); err != nil {
			return chromedp.Void{}, err
		}
		key.Type, key.Text, key.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
		_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, key)
		return chromedp.Void{}, err
	}
}

var (
	pressSlash = press("/", "Slash", "/", 191)
	pressEnter = press("Enter", "Enter", "\r", 13)
)

// quote writes s as a JavaScript string literal.
func quote(s string) string {
	return "\"" + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + "\""
}
