package build

import (
	"bytes"
	"testing"

	"github.com/cxatlas/cxatlas/generator/render"
	"github.com/cxatlas/cxatlas/generator/site"
)

// BenchmarkRenderExplore measures the pages that look across maps (the
// comparison of personas, the stage x touchpoint matrix and the channel
// view) on the synthetic portal of CXATLAS_BENCH_SIZE, and reports the
// size of each page: on the large portal each must stay well under 1 MB.
func BenchmarkRenderExplore(b *testing.B) {
	cfg, set := loadBench(b, benchSite(b))
	s, _ := site.Link(cfg, set, testNow)
	r := renderer(b)
	var pages []render.Page
	for _, p := range r.Pages(s) {
		switch p.Type {
		case render.ComparePage, render.MatrixPage, render.ChannelsPage:
			pages = append(pages, p)
		}
	}
	sizes := make([]int, len(pages))
	var buf bytes.Buffer
	b.ResetTimer()
	for b.Loop() {
		for i, p := range pages {
			buf.Reset()
			if err := r.Render(&buf, s, p); err != nil {
				b.Fatal(err)
			}
			sizes[i] = buf.Len()
		}
	}
	for i, p := range pages {
		b.ReportMetric(float64(sizes[i]), string(p.Type)+"-bytes")
	}
}
