package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/explore"
)

// TestExplorePagesDependOnAll: the comparison, the matrix and the channel
// view look across every map, so any change redoes them.
func TestExplorePagesDependOnAll(t *testing.T) {
	r := newRenderer(t)
	s := linkSet(t, testConfig(), exampleSet())
	want := map[string]PageType{"compare/index.html": ComparePage, "matrix/index.html": MatrixPage, "channels/index.html": ChannelsPage}
	for _, p := range r.Pages(s) {
		if typ, ok := want[p.Path]; ok {
			if p.Type != typ || !p.All {
				t.Errorf("%s: type %q, All %v; want %q, true", p.Path, p.Type, p.All, typ)
			}
			delete(want, p.Path)
		}
	}
	for path := range want {
		t.Errorf("no page %s", path)
	}
}

// TestExplorePagesBounded: on a portal of many personas and touchpoints the
// three pages show the busiest, say how many are left out, link to the
// lists that have them all, and stay small.
func TestExplorePagesBounded(t *testing.T) {
	r := newRenderer(t)
	s := linkSet(t, testConfig(), generatedSet(explore.MaxPool+6, 24, 600))
	tests := []struct {
		path  string
		limit int
		want  []string
	}{
		{"compare/index.html", 200 << 10, []string{
			`6 more personas are not offered here; the <a href="../personas/">list of personas</a> has them all.`,
		}},
		{"matrix/index.html", 300 << 10, []string{
			fmt.Sprintf(`The %d touchpoints used in the most steps are shown;`, explore.MaxMatrixRows),
			`in the <a href="../touchpoints/">list of touchpoints</a>.`,
		}},
		{"channels/index.html", 100 << 10, []string{
			`the less busy ones, in the <a href="../touchpoints/">list of touchpoints</a>`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			page := string(renderPath(t, r, s, tt.path))
			if len(page) > tt.limit {
				t.Errorf("%d bytes, want at most %d", len(page), tt.limit)
			}
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
	page := string(renderPath(t, r, s, "compare/index.html"))
	if n := strings.Count(page, `<g class="cmp-series"`); n != explore.MaxPool {
		t.Errorf("%d curves in the chart, want one per persona offered, %d", n, explore.MaxPool)
	}
	if n := strings.Count(page, `data-slot=`); n != 2*8 {
		t.Errorf("%d curves and legend entries drawn without a script, want 8 of each", n)
	}
}
