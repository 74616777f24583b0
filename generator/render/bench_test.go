package render

import (
	"io"
	"testing"
)

// BenchmarkRender renders every page of a generated portal of 300 personas
// with 30 to 60 steps each.
func BenchmarkRender(b *testing.B) {
	r := newRenderer(b)
	s := linkSet(b, testConfig(), generatedSet(300, 60, 400))
	pages := r.Pages(s)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			if err := r.Render(io.Discard, s, p); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(pages)), "pages/op")
}

// BenchmarkRenderPersona renders one persona page of 80 steps.
func BenchmarkRenderPersona(b *testing.B) {
	r := newRenderer(b)
	s := linkSet(b, testConfig(), generatedSet(300, 80, 400))
	var page Page
	for _, p := range r.Pages(s) {
		if p.Type == PersonaPage && len(s.Personas[0].Steps) > 0 && p.ID == s.Personas[0].ID {
			page = p
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Render(io.Discard, s, page); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderTouchpoint renders one touchpoint page: large portals have
// thousands, so the cost of the layout counts.
func BenchmarkRenderTouchpoint(b *testing.B) {
	r := newRenderer(b)
	s := linkSet(b, testConfig(), generatedSet(300, 60, 400))
	var page Page
	for _, p := range r.Pages(s) {
		if p.Type == TouchpointPage {
			page = p
			break
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Render(io.Discard, s, page); err != nil {
			b.Fatal(err)
		}
	}
}
