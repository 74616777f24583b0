package render

import (
	"html"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/content"
)

// smallLimits page a portal of a few hundred steps the way the default
// limits page one of a few hundred thousand.
var smallLimits = Limits{PainsPerPage: 6, RowsPerPage: 10, OwnersPerPage: 2, GroupRowsPerPage: 20, Summary: 3, Inline: 2}

// maxRows is the most table rows any page of a portal may hold with
// smallLimits: a stage page's steps, their persona heads, touchpoints and
// pains (3 x RowsPerPage, and heads), the home page's heatmap and top
// pains.
const maxRows = 3*10 + 15

// TestLimitsBoundEveryPage renders portals whose pains, owners and stages
// outgrow smallLimits many times and checks that every page but a persona's
// own map stays within a few times the limits, that every cell of the pain
// index lists at most Inline items of each kind, and that a crawl from the
// home page reaches every page and every pain's row.
func TestLimitsBoundEveryPage(t *testing.T) {
	theme, err := OpenTheme("", "")
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(theme, PageLimits(smallLimits))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		set  *content.Set
		// summarised is set when rows of the pain-point index must
		// leave items out.
		summarised bool
	}{
		{"pains shared by many maps", generatedSet(60, 40, 30), true},
		{"a pain per step", distinctPains(generatedSet(60, 40, 12)), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := linkSet(t, testConfig(), tt.set)
			files := renderAll(t, r, s)
			ids := map[string]map[string]bool{}
			for p, body := range files {
				if !strings.HasSuffix(p, ".html") {
					continue
				}
				ids[p] = map[string]bool{}
				for _, m := range idRE.FindAllStringSubmatch(body, -1) {
					ids[p][html.UnescapeString(m[1])] = true
				}
				if strings.HasPrefix(p, "personas/") && strings.Count(p, "/") == 2 && !strings.HasPrefix(p, "personas/page/") {
					continue // a persona's map: as long as its file
				}
				if n := strings.Count(body, "<tr"); n > maxRows {
					t.Errorf("%s holds %d rows, over %d", p, n, maxRows)
				}
			}
			if n := checkPainCells(t, files); tt.summarised && n == 0 {
				t.Error("no row of the pain-point index is summarised: the test checks nothing")
			}
			reached := checkLinks(t, files, ids)
			for p := range files {
				if strings.HasSuffix(p, ".html") && p != "404.html" && !reached[p] {
					t.Errorf("%s is not reached from the home page", p)
				}
			}
			for _, p := range s.Pains {
				ref := r.derive(s).painRef(p)
				file, frag, _ := strings.Cut(ref, "#")
				if !reached[file+"index.html"] || !ids[file+"index.html"][frag] {
					t.Errorf("the row of pain %s (%s) is not reached from the home page", p.Key, ref)
				}
			}
			if len(s.Pains) <= smallLimits.PainsPerPage || files["pains/page/2/index.html"] == "" {
				t.Errorf("the portal's %d pains fit on one page of the index: it tests nothing", len(s.Pains))
			}
		})
	}
}

// checkPainCells checks that each cell of the pain-point index lists at
// most Inline steps, stages, touchpoints and owners, and links to the
// pain's own page when it leaves some out. It returns the number of rows
// that leave some out.
func checkPainCells(t *testing.T, files map[string]string) int {
	t.Helper()
	summarised := 0
	for p, body := range files {
		if p != "pains/index.html" && !strings.HasPrefix(p, "pains/page/") {
			continue
		}
		for _, row := range strings.Split(body, "<tr id=")[1:] {
			row, _, _ = strings.Cut(row, "</tr>")
			for i, cell := range strings.Split(row, "<td")[3:] {
				if n := strings.Count(cell, "<a href=") - strings.Count(cell, `class="more-link"`); n > smallLimits.Inline {
					t.Errorf("%s: cell %d of row %.40s lists %d items, over %d", p, i+3, row, n, smallLimits.Inline)
				}
			}
			if strings.Contains(row, `class="more-link"`) {
				summarised++
			}
		}
	}
	return summarised
}

// TestGoldenPainPage: the page of a pain whose row in the index leaves
// items out, on the example portal with one item a cell.
func TestGoldenPainPage(t *testing.T) {
	theme, err := OpenTheme("", "")
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(theme, PageLimits(Limits{Inline: 1}))
	if err != nil {
		t.Fatal(err)
	}
	s := linkSet(t, testConfig(), exampleSet())
	for _, p := range r.Pages(s) {
		if p.Type == PainPage {
			checkGolden(t, "pain.html", renderPath(t, r, s, p.Path))
			return
		}
	}
	t.Fatal("no pain of the example portal has a page of its own")
}
