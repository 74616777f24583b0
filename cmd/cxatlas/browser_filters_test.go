package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cxatlas/cxatlas/generator/browsertest"
	"github.com/cxatlas/cxatlas/generator/synth"
)

// builtPortal builds the site at dir into a temporary folder and serves it
// under a sub-path; it returns the folder and the portal's base URL.
func builtPortal(t *testing.T, dir string) (out, base string) {
	t.Helper()
	out = filepath.Join(t.TempDir(), "public")
	if r := cxatlas(t, ".", "build", "-q", "-s", dir, "-d", out); r.code != 0 {
		t.Fatalf("build: exit %d: %s", r.code, r.stderr)
	}
	return out, browsertest.Serve(t, out, "/cx/portal/")
}

// dataPain is a pain of data.json, as far as the filters go.
type dataPain struct {
	Key         string   `json:"key"`
	Text        string   `json:"text"`
	Severity    string   `json:"severity"`
	Personas    []string `json:"personas"`
	Stages      []string `json:"stages"`
	Touchpoints []string `json:"touchpoints"`
}

func readPains(t *testing.T, out string) []dataPain {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "data.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d struct{ Pains []dataPain }
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return d.Pains
}

// filterState is what the pain index shows after a filter.
type filterState struct {
	Count  string   `json:"count"`
	Search string   `json:"search"`
	Texts  []string `json:"texts"`
	Rows   []int    `json:"rows"`
}

// readFilterState reads the count line, the query and the visible rows of
// the pain index, once the count says how many rows are shown.
func readFilterState(t *testing.T, tab *browsertest.Tab, want string) filterState {
	t.Helper()
	tab.Do(t, chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.querySelector(".filter-count").textContent === %q`, want), chromedp.WithPollingInterval(50*time.Millisecond)))
	return runIn(t, tab, chromedp.Evaluate[filterState](`(() => {
		const rows = [...document.querySelectorAll("table.pain-index tbody")].filter(b => !b.hidden).flatMap(b => [...b.rows]);
		return {count: document.querySelector(".filter-count").textContent, search: location.search,
			texts: rows.map(r => r.querySelector("th").textContent),
			rows: rows.map(r => +r.dataset.row)};
	})()`))
}

// runIn runs action a in tab and returns its result, failing t on an error.
func runIn[T any](t *testing.T, tab *browsertest.Tab, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(tab.Ctx, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

// choose picks value in the filter select name, as a reader does.
func choose(name, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const s = document.querySelector("#pain-filters select[name='%s']");
		s.value = %q;
		s.dispatchEvent(new Event("change", {bubbles: true}));
	})()`, name, value))
}

// matching returns the rows (from 0) of the pains that pass keep.
func matching(pains []dataPain, keep func(dataPain) bool) []int {
	var rows []int
	for i, p := range pains {
		if keep(p) {
			rows = append(rows, i)
		}
	}
	return rows
}

func TestBrowserPainFilters(t *testing.T) {
	browsertest.Chromium(t)
	out, base := builtPortal(t, exampleSite(t))
	pains := readPains(t, out)
	const stage = "delivery"
	want := matching(pains, func(p dataPain) bool { return p.Severity == "high" && slices.Contains(p.Stages, stage) })
	if len(want) == 0 || len(want) == len(pains) {
		t.Fatalf("the example should have some but not all high pains in %s: %d", stage, len(want))
	}
	total := len(pains)

	t.Run("choose", func(t *testing.T) {
		t.Parallel()
		tab := browsertest.Shared(t).Tab(t)
		tab.Do(t, chromedp.Navigate(base+"pains/"))
		readFilterState(t, tab, fmt.Sprintf("%d of %d pain points", total, total))
		tab.Do(t, choose("severity", "high"))
		tab.Do(t, choose("stage", stage))
		st := readFilterState(t, tab, fmt.Sprintf("%d of %d pain points", len(want), total))
		if !slices.Equal(st.Rows, want) {
			t.Errorf("rows shown %v, want %v", st.Rows, want)
		}
		if st.Search != "?stage="+stage+"&severity=high" {
			t.Errorf("URL query %q", st.Search)
		}
		tab.Do(t, chromedp.Click(chromedp.CSS(`#pain-filters button[type=reset]`)))
		st = readFilterState(t, tab, fmt.Sprintf("%d of %d pain points", total, total))
		if len(st.Rows) != total || st.Search != "" {
			t.Errorf("after reset: %d rows, query %q", len(st.Rows), st.Search)
		}
		tab.NoErrors(t)
	})
	t.Run("on load", func(t *testing.T) {
		t.Parallel()
		tab := browsertest.Shared(t).Tab(t)
		tab.Do(t, chromedp.Navigate(base+"pains/?stage="+stage))
		want := matching(pains, func(p dataPain) bool { return slices.Contains(p.Stages, stage) })
		st := readFilterState(t, tab, fmt.Sprintf("%d of %d pain points", len(want), total))
		if !slices.Equal(st.Rows, want) {
			t.Errorf("rows shown %v, want %v", st.Rows, want)
		}
		if value := runIn(t, tab, chromedp.Value(chromedp.CSS(`#pain-filters select[name=stage]`))); value != stage {
			t.Errorf("the stage filter shows %q, want %q", value, stage)
		}
		tab.NoErrors(t)
	})
}

// TestBrowserPainFiltersAcrossPages filters an index of two pages from
// its second page: the rows of the first page are found too.
func TestBrowserPainFiltersAcrossPages(t *testing.T) {
	browsertest.Chromium(t)
	dir := t.TempDir()
	spec := synth.Small()
	spec.Personas = 20 // a little over one page of the pain index
	if err := synth.Generate(dir, spec); err != nil {
		t.Fatal(err)
	}
	out, base := builtPortal(t, dir)
	pains := readPains(t, out)
	if len(pains) <= 500 {
		t.Fatalf("the fixture has %d pains, want more than a page", len(pains))
	}
	last := pains[len(pains)-1]
	tests := []struct {
		name, query string
		keep        func(dataPain) bool
	}{
		// A persona's rows come whole in its bucket; a severity's from the
		// shards of rows.
		{"persona", "persona=" + last.Personas[0], func(p dataPain) bool { return slices.Contains(p.Personas, last.Personas[0]) }},
		{"severity", "severity=" + last.Severity, func(p dataPain) bool { return p.Severity == last.Severity }},
		// A touchpoint's rows come whole in its bucket too.
		{"touchpoint", "touchpoint=" + last.Touchpoints[0], func(p dataPain) bool { return slices.Contains(p.Touchpoints, last.Touchpoints[0]) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			want := matching(pains, tt.keep)
			if want[0] >= 500 || want[len(want)-1] < 500 {
				t.Fatalf("%s should match pains on both pages: %v", tt.query, want)
			}
			tab := browsertest.Shared(t).Tab(t)
			tab.Do(t, chromedp.Navigate(base+"pains/page/2/?"+tt.query))
			st := readFilterState(t, tab, fmt.Sprintf("%d of %d pain points", len(want), len(pains)))
			if len(want) > 100 {
				want = want[:100] // the first hundred, then "Show more"
			}
			if !slices.Equal(st.Rows, want) {
				t.Errorf("rows shown %v, want %v", st.Rows, want)
			}
			for i, r := range want {
				if i < len(st.Texts) && st.Texts[i] != pains[r].Text {
					t.Errorf("row %d shows %q, want %q", r, st.Texts[i], pains[r].Text)
				}
			}
			checkFilteredLinks(t, tab, out, base)
			tab.NoErrors(t)
		})
	}
	t.Run("owner", func(t *testing.T) {
		t.Parallel()
		// The owner with the most pains has rows on both pages.
		var index struct{ Owner [][3]any }
		b, err := os.ReadFile(filepath.Join(out, "pains", "filter", "index.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &index); err != nil {
			t.Fatal(err)
		}
		top := slices.MaxFunc(index.Owner, func(a, b [3]any) int { return int(a[2].(float64) - b[2].(float64)) })
		tab := browsertest.Shared(t).Tab(t)
		tab.Do(t, chromedp.Navigate(base+"pains/page/2/"))
		readFilterState(t, tab, fmt.Sprintf("%d of %d pain points", len(pains), len(pains)))
		tab.Do(t, choose("owner", top[0].(string)))
		st := readFilterState(t, tab, fmt.Sprintf("%d of %d pain points", int(top[2].(float64)), len(pains)))
		if st.Search != "?owner="+top[0].(string) || len(st.Rows) == 0 || st.Rows[0] >= 500 {
			t.Errorf("owner %s: query %q, rows %v", top[0], st.Search, st.Rows)
		}
		checkFilteredLinks(t, tab, out, base)
		tab.NoErrors(t)
	})
}

// checkFilteredLinks checks that every link of the rows the filter drew
// leads to a file of the portal at out served at base, and to an element
// of it when the link has a fragment; owners are linked to their pages.
func checkFilteredLinks(t *testing.T, tab *browsertest.Tab, out, base string) {
	t.Helper()
	hrefs := runIn(t, tab, chromedp.Evaluate[[]string](`[...document.querySelectorAll("table.pain-index tbody.filtered a")].map(a => a.href)`))
	if len(hrefs) == 0 {
		t.Fatal("the filtered rows have no links")
	}
	pages := map[string]string{}
	for _, h := range hrefs {
		rel, ok := strings.CutPrefix(h, base)
		if !ok {
			t.Errorf("link %s leaves the portal %s", h, base)
			continue
		}
		rel, frag, _ := strings.Cut(rel, "#")
		if rel == "owners/" && frag != "" {
			// The list of owners is paged: an owner's place is its own page.
			t.Errorf("link %s goes to the list of owners, not the owner's page", h)
		}
		if rel == "" || strings.HasSuffix(rel, "/") {
			rel += "index.html"
		}
		page, seen := pages[rel]
		if !seen {
			b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
			if err != nil {
				t.Errorf("link %s: %v", h, err)
			}
			page = string(b)
			pages[rel] = page
		}
		if frag != "" && page != "" && !strings.Contains(page, `id="`+frag+`"`) {
			t.Errorf("link %s: %s has no element #%s", h, rel, frag)
		}
	}
}

// TestBrowserOverviewJumpsToStep presses Enter on a point of the overview
// of a long map and checks the grid shows that step.
func TestBrowserOverviewJumpsToStep(t *testing.T) {
	browsertest.Chromium(t)
	_, base := builtPortal(t, exampleSite(t))
	tab := browsertest.Shared(t).Tab(t)
	tab.Do(t, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(base+"personas/urgent-replacer/"))
	steps := runIn(t, tab, chromedp.Evaluate[int](`document.querySelectorAll(".chart-overview a.ov-step").length`))
	if steps < 12 {
		t.Fatalf("the overview has %d step links", steps)
	}
	target := fmt.Sprintf("step-%d", steps-1)
	tab.Do(t, chromedp.Focus(chromedp.CSS(`.chart-overview a[href="#`+target+`"]`)), chromedp.KeyEvent("\r"))
	tab.Do(t, chromedp.Poll[chromedp.Void](`location.hash === "#`+target+`"`, chromedp.WithPollingInterval(50*time.Millisecond)))
	tab.Do(t, chromedp.Poll[chromedp.Void](`(() => {
		const th = document.getElementById("`+target+`").getBoundingClientRect();
		const grid = document.querySelector(".map-scroll").getBoundingClientRect();
		return th.left >= grid.left && th.right <= grid.right + 1 && th.top >= 0 && th.bottom <= innerHeight;
	})()`, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)))
	label := runIn(t, tab, chromedp.AttributeValue(chromedp.CSS(`.chart-overview a[href="#step-1"]`), "aria-label")).Value
	if !strings.HasPrefix(label, "Step 1, ") {
		t.Errorf("the first point is named %q", label)
	}
	tab.NoErrors(t)
}

// TestBrowserMapStageNamesStayInView scrolls the grid of a map sideways
// to the second column of its longest stage: the stage's name and the
// lane labels stay in view beside each other.
func TestBrowserMapStageNamesStayInView(t *testing.T) {
	browsertest.Chromium(t)
	_, base := builtPortal(t, exampleSite(t))
	tab := browsertest.Shared(t).Tab(t)
	tab.Do(t, chromedp.EmulateViewport(1024, 800), chromedp.Navigate(base+"personas/urgent-replacer/"))
	type place struct {
		Span                           int
		LaneRight, NameLeft, NameRight float64
		GridLeft, GridRight, LabelLeft float64
	}
	p := runIn(t, tab, chromedp.Evaluate[place](`(() => {
		const grid = document.querySelector(".map-scroll");
		const heads = [...document.querySelectorAll(".map .stage-heads th")];
		const th = heads.reduce((a, b) => (b.colSpan > a.colSpan ? b : a));
		const lane = document.querySelector(".map .lane-action th");
		const step = document.querySelector(".map .step-heads th").getBoundingClientRect().width;
		grid.scrollLeft = th.offsetLeft - lane.getBoundingClientRect().width + step;
		const name = th.querySelector("a").getBoundingClientRect();
		const g = grid.getBoundingClientRect();
		return {span: th.colSpan, laneRight: lane.getBoundingClientRect().right, nameLeft: name.left, nameRight: name.right,
			gridLeft: g.left, gridRight: g.right, labelLeft: lane.getBoundingClientRect().left};
	})()`))
	if p.Span < 2 {
		t.Fatalf("the longest stage spans %d steps", p.Span)
	}
	if p.NameLeft < p.LaneRight-1 || p.NameRight > p.GridRight {
		t.Errorf("the stage name is at %.0f-%.0f, want it right of the lane labels (%.0f) and in the grid (to %.0f)", p.NameLeft, p.NameRight, p.LaneRight, p.GridRight)
	}
	if p.LabelLeft < p.GridLeft-1 || p.LabelLeft > p.GridLeft+2 {
		t.Errorf("the lane labels left the grid's edge: %.0f, grid at %.0f", p.LabelLeft, p.GridLeft)
	}
	tab.NoErrors(t)
}

// TestBrowserPainFiltersUnknownID opens the pain index with a persona or
// touchpoint the portal lacks in the address, as a link shared before a
// rename would: the unknown choice is dropped from the form and the URL,
// the other filters apply, and a known persona shows by its title.
func TestBrowserPainFiltersUnknownID(t *testing.T) {
	browsertest.Chromium(t)
	out, base := builtPortal(t, exampleSite(t))
	pains := readPains(t, out)
	var data struct {
		Personas []struct{ ID, Title string }
	}
	b, err := os.ReadFile(filepath.Join(out, "data.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &data); err != nil {
		t.Fatal(err)
	}
	persona := data.Personas[0]
	high := matching(pains, func(p dataPain) bool { return p.Severity == "high" })
	mine := matching(pains, func(p dataPain) bool { return p.Severity == "high" && slices.Contains(p.Personas, persona.ID) })
	tests := []struct {
		name, query, search, persona string
		want                         []int
	}{
		{"persona", "persona=nope&severity=high", "?severity=high", "", high},
		{"touchpoint", "severity=high&touchpoint=zz-gone", "?severity=high", "", high},
		{"known", "persona=" + persona.ID + "&severity=high", "?persona=" + persona.ID + "&severity=high", persona.Title, mine},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tab := browsertest.Shared(t).Tab(t)
			tab.Do(t, chromedp.Navigate(base+"pains/?"+tt.query))
			st := readFilterState(t, tab, fmt.Sprintf("%d of %d pain points", len(tt.want), len(pains)))
			if !slices.Equal(st.Rows, tt.want) || st.Search != tt.search {
				t.Errorf("rows %v, query %q; want %v, %q", st.Rows, st.Search, tt.want, tt.search)
			}
			shown := runIn(t, tab, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#pain-filters select[name=persona] option, #pain-filters select[name=touchpoint] option")].map(o => o.value + "=" + o.textContent)`))
			for _, o := range shown {
				if value, text, _ := strings.Cut(o, "="); value == "nope" || value == "zz-gone" || (value != "" && !strings.HasPrefix(text, tt.persona+" (")) {
					t.Errorf("the filters offer %q", o)
				}
			}
			tab.NoErrors(t)
		})
	}
}

// TestBrowserPainFiltersRussian filters a Russian portal of two pages from
// its second page: the rows built from the shards speak Russian as the
// page's rows do, with counts named and linked and "и ещё N ..." for the
// rest, never a bare number or "+N".
func TestBrowserPainFiltersRussian(t *testing.T) {
	browsertest.Chromium(t)
	dir := t.TempDir()
	spec := synth.Small()
	spec.Personas = 20 // a little over one page of the pain index
	if err := synth.Generate(dir, spec); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, "config.toml")
	b, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	ru := strings.Replace(string(b), `language = "en"`, `language = "ru"`, 1)
	if ru == string(b) {
		t.Fatalf("no language in %s:\n%s", config, b)
	}
	if err := os.WriteFile(config, []byte(ru), 0o644); err != nil {
		t.Fatal(err)
	}
	out, base := builtPortal(t, dir)
	pains := readPains(t, out)
	// The pain in most stages, seen from the page that does not hold it.
	wide := slices.MaxFunc(pains, func(a, b dataPain) int { return len(a.Stages) - len(b.Stages) })
	if len(wide.Stages) <= 4 {
		t.Fatalf("the fixture's pains are in at most %d stages", len(wide.Stages))
	}
	first, err := os.ReadFile(filepath.Join(out, "pains", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := "pains/page/2/"
	if !strings.Contains(string(first), `id="`+wide.Key+`"`) {
		page = "pains/"
	}
	tab := browsertest.Shared(t).Tab(t)
	tab.Do(t, chromedp.Navigate(base+page+"?stage="+wide.Stages[0]+"&severity="+wide.Severity))
	tab.Do(t, chromedp.Poll[chromedp.Void](`document.querySelector("tbody.filtered") !== null`, chromedp.WithPollingInterval(50*time.Millisecond)))
	type row struct {
		Row                           int
		Text, Personas, Touchpoints   string
		PersonaLinks, TouchpointLinks int
	}
	// The rows built from the shards: those not on this page.
	rows := runIn(t, tab, chromedp.Evaluate[[]row](`[...document.querySelectorAll("tbody.filtered tr")].filter(tr =>
		!document.querySelector('tbody:not(.filtered) tr[data-row="' + tr.dataset.row + '"]')).map(tr => ({
		row: +tr.dataset.row, text: tr.textContent, personas: tr.cells[3].textContent, touchpoints: tr.cells[5].textContent,
		personaLinks: tr.cells[3].querySelectorAll("a").length, touchpointLinks: tr.cells[5].querySelectorAll("a").length}))`))
	if len(rows) == 0 {
		t.Fatal("the filter built no row from the shards")
	}
	personas := regexp.MustCompile(`^\d+ персон[аы]?$`)
	touchpoints := regexp.MustCompile(`^\d+ точ(ка|ки|ек) контакта$`)
	bare := regexp.MustCompile(`\+\d`)
	more := 0
	for _, r := range rows {
		if !personas.MatchString(r.Personas) || !touchpoints.MatchString(r.Touchpoints) || r.PersonaLinks != 1 || r.TouchpointLinks != 1 {
			t.Errorf("row %d: personas %q (%d links), touchpoints %q (%d links)", r.Row, r.Personas, r.PersonaLinks, r.Touchpoints, r.TouchpointLinks)
		}
		if bare.MatchString(r.Text) {
			t.Errorf("row %d has a bare +N: %q", r.Row, r.Text)
		}
		if len(pains[r.Row].Stages) > 4 && !strings.Contains(r.Text, "и ещё") {
			t.Errorf("row %d lists %d stages without \"и ещё\": %q", r.Row, len(pains[r.Row].Stages), r.Text)
		}
		more += strings.Count(r.Text, "и ещё")
	}
	if more == 0 {
		t.Errorf("no row says how many more stages or owners it has")
	}
	checkFilteredLinks(t, tab, out, base)
	tab.NoErrors(t)
}
