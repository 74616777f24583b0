package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cxatlas/cxatlas/generator/browsertest"
)

// servedCompare builds the example portal with three more personas (seven,
// more than a reader may compare at once) and serves it under a sub-path,
// returning its base URL.
func servedCompare(t *testing.T) string {
	t.Helper()
	site := exampleSite(t)
	src, err := os.ReadFile(filepath.Join(site, "content", "personas", "deal-hunter.md"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 2; i <= 4; i++ {
		doc := strings.Replace(string(src), `title = "Marek, the deal hunter"`, fmt.Sprintf(`title = "Marek %d"`, i), 1)
		if err := os.WriteFile(filepath.Join(site, "content", "personas", fmt.Sprintf("deal-hunter-%d.md", i)), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "portal")
	if r := cxatlas(t, ".", "build", "-q", "-s", site, "-d", out); r.code != 0 {
		t.Fatalf("build: exit %d\n%s", r.code, r.stderr)
	}
	return browsertest.Serve(t, out, "/cx/portal/")
}

// visibleSeries lists the personas whose curve the comparison chart shows.
const visibleSeries = `[...document.querySelectorAll(".chart-steps .cmp-series")]
	.filter(g => getComputedStyle(g).display !== "none" && g.getBBox().width > 0)
	.map(g => g.dataset.persona)`

// visibleColumns lists the personas whose column the pain table shows.
const visibleColumns = `[...document.querySelectorAll(".compare-pains thead th[data-persona]")]
	.filter(th => th.offsetParent !== null).map(th => th.dataset.persona)`

func TestBrowserCompare(t *testing.T) {
	b := browsertest.Shared(t)
	base := servedCompare(t)

	t.Run("choice in the URL", func(t *testing.T) {
		t.Parallel()
		tab := b.Tab(t)
		tab.Do(t, chromedp.Navigate(base+"compare/?p=first-home,deal-hunter"), chromedp.WaitReady("main h1"))
		checkShown(t, tab, "on load", []string{"first-home", "deal-hunter"})

		tab.Do(t, chromedp.Click(`input[name=p][value="urgent-replacer"]`))
		checkShown(t, tab, "after ticking a third", []string{"first-home", "deal-hunter", "urgent-replacer"})
		loc, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[string](`location.pathname + location.search`))
		if err != nil {
			t.Fatal(err)
		}
		if want := "/cx/portal/compare/?p=first-home,deal-hunter,urgent-replacer"; loc != want {
			t.Errorf("address %q, want %q", loc, want)
		}

		tab.Do(t, chromedp.Click(`input[name=p][value="first-home"]`))
		checkShown(t, tab, "after unticking one", []string{"deal-hunter", "urgent-replacer"})
		tab.NoErrors(t)
	})

	t.Run("at most five", func(t *testing.T) {
		t.Parallel()
		tab := b.Tab(t)
		six := "deal-hunter,deal-hunter-2,deal-hunter-3,deal-hunter-4,first-home,urgent-replacer"
		tab.Do(t, chromedp.Navigate(base+"compare/?p="+six), chromedp.WaitReady("main h1"))
		checkShown(t, tab, "six in the URL", strings.Split(six, ",")[:5])
		state, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("input[name=p]")]
			.map(b => b.value + (b.checked ? "+" : "") + (b.disabled ? "!" : "")).join(" ") + " | " +
			document.querySelector(".compare-status").textContent`))
		if err != nil {
			t.Fatal(err)
		}
		want := "urgent-replacer! first-home+ deal-hunter-2+ deal-hunter-3+ deal-hunter-4+ deal-hunter+ independent-senior! | " +
			"You can compare up to 5 personas at once: untick one to choose another."
		if state != want {
			t.Errorf("checkboxes (+ ticked, ! disabled) and message:\n got %s\nwant %s", state, want)
		}
		tab.NoErrors(t)
	})

	t.Run("a persona not offered", func(t *testing.T) {
		t.Parallel()
		tab := b.Tab(t)
		tab.Do(t, chromedp.Navigate(base+"compare/?p=nobody,first-home"), chromedp.WaitReady("main h1"))
		checkShown(t, tab, "an unknown id", []string{"first-home"})
		status, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[string](`document.querySelector(".compare-status").textContent`))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(status, "Some personas in the address are not offered here") {
			t.Errorf("status %q does not say a persona is not offered", status)
		}
		tab.NoErrors(t)
	})

	for _, page := range []string{"compare/", "matrix/", "channels/"} {
		t.Run("no errors on "+page, func(t *testing.T) {
			t.Parallel()
			tab := b.Tab(t)
			tab.Do(t, chromedp.Navigate(base+page), chromedp.WaitReady("main h1"))
			tab.NoErrors(t)
		})
	}
}

// TestBrowserExploreAxe: axe-core finds no WCAG 2.1 A or AA violation on
// the comparison, the matrix and the channel view.
func TestBrowserExploreAxe(t *testing.T) {
	browsertest.NeedAxe(t)
	b := browsertest.Shared(t)
	base := servedCompare(t)
	for _, page := range []string{"compare/?p=first-home,deal-hunter,urgent-replacer", "matrix/", "channels/"} {
		t.Run(page, func(t *testing.T) {
			t.Parallel()
			tab := b.Tab(t)
			tab.Do(t, chromedp.Navigate(base+page), chromedp.WaitReady("main h1"))
			vs, err := browsertest.Axe(tab.Ctx, "wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range vs {
				t.Errorf("%s", v)
			}
		})
	}
}

// checkShown checks that the chart draws exactly the curves of want, and
// the pain table shows exactly their columns.
func checkShown(t *testing.T, tab *browsertest.Tab, when string, want []string) {
	t.Helper()
	for what, js := range map[string]string{"curves": visibleSeries, "columns": visibleColumns} {
		got, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[[]string](js))
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		slices.Sort(got)
		w := slices.Sorted(slices.Values(want))
		if fmt.Sprint(got) != fmt.Sprint(w) {
			t.Errorf("%s: %s shown %v, want %v", when, what, got, w)
		}
	}
}
