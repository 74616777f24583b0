package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/site"
)

func TestRootOf(t *testing.T) {
	tests := []struct{ path, want string }{
		{"index.html", ""},
		{"404.html", ""},
		{"personas/index.html", "../"},
		{"personas/family/index.html", "../../"},
		{"pains/page/3/index.html", "../../../"},
		{"personas/семья/index.html", "../../"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := rootOf(tt.path); got != tt.want {
				t.Errorf("rootOf(%q) = %q, want %q", tt.path, got, tt.want)
			}
		})
	}
}

func TestLinksPercentEncodeIDs(t *testing.T) {
	l := links{root: "../../", d: &derived{}}
	p := &site.Persona{ID: "корпоративный"}
	tests := []struct{ name, got, want string }{
		{"persona", l.Persona(p), "../../personas/%D0%BA%D0%BE%D1%80%D0%BF%D0%BE%D1%80%D0%B0%D1%82%D0%B8%D0%B2%D0%BD%D1%8B%D0%B9/"},
		{"step", l.Step(&site.Step{Persona: &site.Persona{ID: "a_b-1"}, Anchor: "step-3"}), "../../personas/a_b-1/#step-3"},
		{"stage", l.Stage(&site.Stage{ID: "покупка"}), "../../stages/%D0%BF%D0%BE%D0%BA%D1%83%D0%BF%D0%BA%D0%B0/"},
		{"touchpoint", l.Touchpoint(&site.Touchpoint{ID: "web"}), "../../touchpoints/web/"},
		{"pain", l.Pain(&site.Pain{Key: "pain-1a2b"}), "../../pains/#pain-1a2b"},
		{"home at root", links{}.Home(), "./"},
		{"home below", l.Home(), "../../"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

// TestTemplatesKeepEncodedHrefs checks that html/template neither decodes
// nor double-encodes the percent-encoded hrefs of Cyrillic ids.
func TestTemplatesKeepEncodedHrefs(t *testing.T) {
	r := newRenderer(t)
	s := linkSet(t, testConfig(), exampleSet())
	page := string(renderPath(t, r, s, "personas/index.html"))
	want := `href="../personas/%d0%ba%d0%be%d1%80%d0%bf%d0%be%d1%80%d0%b0%d1%82%d0%b8%d0%b2%d0%bd%d1%8b%d0%b9/"`
	if !strings.Contains(strings.ToLower(page), want) {
		t.Errorf("persona list lacks %s", want)
	}
	if strings.Contains(page, "%25") {
		t.Error("an href was encoded twice")
	}
	if !strings.Contains(page, ">Корпоративный клиент<") {
		t.Error("Cyrillic title not shown as text")
	}
}

func TestPainPagination(t *testing.T) {
	tests := []struct {
		pains, pages int
	}{
		{0, 1}, {1, 1}, {PainsPerPage, 1}, {PainsPerPage + 1, 2}, {3*PainsPerPage + 7, 4},
	}
	for _, tt := range tests {
		if got := painPageCount(tt.pains, PainsPerPage); got != tt.pages {
			t.Errorf("painPageCount(%d) = %d, want %d", tt.pains, got, tt.pages)
		}
	}
	paths := map[int]string{0: "pains/", 1: "pains/", 2: "pains/page/2/", 12: "pains/page/12/"}
	for n, want := range paths {
		if got := painPagePath(n); got != want {
			t.Errorf("painPagePath(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestEscapePath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"personas/a/", "personas/a/"},
		{"personas/б в/", "personas/%D0%B1%20%D0%B2/"},
	}
	for _, tt := range tests {
		if got := escapePath(tt.in); got != tt.want {
			t.Errorf("escapePath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCurrent(t *testing.T) {
	tests := []struct {
		page    PageType
		section PageType
		entry   string
		want    string
	}{
		{PersonaList, PersonaList, "personas", "page"},
		{PersonaPage, PersonaList, "personas", "true"},
		{PersonaPage, PersonaList, "stages", ""},
		{HomePage, HomePage, "home", "page"},
	}
	for _, tt := range tests {
		c := common{Page: Page{Type: tt.page}, Section: tt.section}
		if got := c.Current(tt.entry); got != tt.want {
			t.Errorf("Current(%q) on %s = %q, want %q", tt.entry, tt.page, got, tt.want)
		}
	}
}

func TestGroupPages(t *testing.T) {
	tps := func(pains ...int) []*site.Touchpoint {
		out := make([]*site.Touchpoint, len(pains))
		for i, n := range pains {
			out[i] = &site.Touchpoint{ID: string(rune('a' + i)), Pains: make([]*site.Pain, n)}
		}
		return out
	}
	all := 10 * GroupRowsPerPage // a summary that leaves no pain out
	// Each touchpoint takes its head row, its pains up to the summary and
	// the row linking to the rest.
	tests := []struct {
		name    string
		pains   []int
		summary int
		want    string
	}{
		{"none", nil, all, "[]"},
		{"no pains", []int{0, 0}, all, "[]"},
		{"one page", []int{10, 0, GroupRowsPerPage - 14}, all, "[a c]"},
		{"split before the one that overflows", []int{GroupRowsPerPage - 3, 2, 3}, all, "[a] [b c]"},
		{"a huge touchpoint has a page of its own", []int{1, 3 * GroupRowsPerPage, 1}, all, "[a] [b] [c]"},
		{"summarised touchpoints share a page", []int{1, 3 * GroupRowsPerPage, 1}, 10, "[a b c]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, page := range groupPages(tps(tt.pains...), tt.summary, GroupRowsPerPage) {
				ids := make([]string, len(page))
				for i, tp := range page {
					ids[i] = tp.ID
				}
				got = append(got, fmt.Sprint(ids))
			}
			if s := strings.Join(got, " "); s != tt.want {
				t.Errorf("pages = %s, want %s", s, tt.want)
			}
		})
	}
	if got := tpGroupPagePath(3); got != "pains/by-touchpoint/page/3/" {
		t.Errorf("tpGroupPagePath(3) = %q", got)
	}
}
