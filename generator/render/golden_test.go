package render

import (
	"bytes"
	"flag"
	"github.com/cxatlas/cxatlas/generator/internal/golden"
	"path/filepath"
	"testing"

	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/render/chart"
	"github.com/cxatlas/cxatlas/generator/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// newRenderer returns a Renderer with the embedded default theme.
func newRenderer(tb testing.TB) *Renderer {
	tb.Helper()
	theme, err := OpenTheme("", "")
	if err != nil {
		tb.Fatal(err)
	}
	r, err := New(theme)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// renderPath renders the page of s written to path.
func renderPath(tb testing.TB, r *Renderer, s *site.Site, path string) []byte {
	tb.Helper()
	for _, p := range r.Pages(s) {
		if p.Path == path {
			var b bytes.Buffer
			if err := r.Render(&b, s, p); err != nil {
				tb.Fatalf("render %s: %v", path, err)
			}
			return b.Bytes()
		}
	}
	tb.Fatalf("no page %s", path)
	return nil
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got, *update)
}

func TestGoldenPages(t *testing.T) {
	r := newRenderer(t)
	s := linkSet(t, testConfig(), exampleSet())
	tests := []struct{ path, golden string }{
		{"index.html", "home.html"},
		{"personas/retiree/index.html", "persona.html"},
		{"pains/index.html", "pains.html"},
		{"compare/index.html", "compare.html"},
		{"matrix/index.html", "matrix.html"},
		{"channels/index.html", "channels.html"},
		{"owners/index.html", "owners.html"},
		{"owners/owner-f7b26b40/index.html", "owner.html"},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			checkGolden(t, tt.golden, renderPath(t, r, s, tt.path))
		})
	}
}

func TestGoldenChart(t *testing.T) {
	s := linkSet(t, testConfig(), exampleSet())
	p := s.Personas[1]
	if p.ID != "retiree" {
		t.Fatalf("fixture changed: persona 2 is %q", p.ID)
	}
	checkGolden(t, "curve.svg", []byte(chart.Curve(p, s.Config.Emotion, "curve", i18n.Default("en"))+"\n"))
}
