package search_test

import (
	"os"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/build"
	"github.com/cxatlas/cxatlas/generator/render"
	"github.com/cxatlas/cxatlas/generator/search"
	"github.com/cxatlas/cxatlas/generator/synth"
)

// benchPortal returns the folder of the portal the benchmarks index:
// CXATLAS_BENCH_SITE when set (such as a copy of the large synthetic
// portal), else a synthetic portal of the size CXATLAS_BENCH_SIZE names
// (default medium, about 1,000 files), generated into a temporary folder.
func benchPortal(b *testing.B) string {
	b.Helper()
	if dir := os.Getenv("CXATLAS_BENCH_SITE"); dir != "" {
		return dir
	}
	size := os.Getenv("CXATLAS_BENCH_SIZE")
	if size == "" {
		size = "medium"
	}
	spec, err := synth.Preset(size)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := synth.Generate(dir, spec); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkIndex times the search index step of a build on a portal
// loaded and linked once, and reports the size of the index.
func BenchmarkIndex(b *testing.B) {
	dir := benchPortal(b)
	res, err := build.Check(build.Options{SiteDir: dir, Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil || res.Site == nil {
		b.Fatalf("check %s: %v", dir, err)
	}
	theme, err := render.OpenTheme(dir, "")
	if err != nil {
		b.Fatal(err)
	}
	r, err := render.New(theme)
	if err != nil {
		b.Fatal(err)
	}
	var files []search.File
	for b.Loop() {
		if files, err = search.Index(res.Site, r.PortalLinks(res.Site), nil); err != nil {
			b.Fatal(err)
		}
	}
	total := 0
	for _, f := range files {
		total += len(f.Data)
	}
	reportTransfer(b, files)
	b.ReportMetric(float64(len(files)), "files")
	b.ReportMetric(float64(total), "index-bytes")
}
