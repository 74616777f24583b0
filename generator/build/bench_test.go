package build

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/publish"
	"github.com/cxatlas/cxatlas/generator/render"
	"github.com/cxatlas/cxatlas/generator/site"
	"github.com/cxatlas/cxatlas/generator/synth"
)

// benchSites caches the synthetic portals of the benchmarks, by size.
var benchSites sync.Map

// TestMain removes the synthetic portals the benchmarks generated.
func TestMain(m *testing.M) {
	// The test portals in testdata/ live in cxatlas's own repository,
	// whose history would change their pages with every commit of the
	// project: git finds no repository for them. Tests of history set
	// GIT_DIR themselves.
	os.Setenv("GIT_DIR", filepath.Join(os.TempDir(), "cxatlas-no-repository"))
	code := m.Run()
	benchSites.Range(func(_, dir any) bool {
		os.RemoveAll(dir.(string))
		return true
	})
	os.Exit(code)
}

// benchSite returns a synthetic portal of the named size, generated once
// per test binary. CXATLAS_BENCH_SIZE picks the size for the step
// benchmarks (default medium, about 1,000 files); large is about 10,000.
func benchSite(b *testing.B) string {
	b.Helper()
	size := os.Getenv("CXATLAS_BENCH_SIZE")
	if size == "" {
		size = "medium"
	}
	if dir, ok := benchSites.Load(size); ok {
		return dir.(string)
	}
	spec, err := synth.Preset(size)
	if err != nil {
		b.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "cxatlas-bench-"+size)
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.Generate(dir, spec); err != nil {
		b.Fatal(err)
	}
	benchSites.Store(size, dir)
	return dir
}

func loadBench(b *testing.B, dir string) (*config.Config, *content.Set) {
	b.Helper()
	cfg, diags := config.Load(dir)
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	set, diags := content.Load(content.Options{SiteDir: dir, Config: cfg})
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	return cfg, set
}

func BenchmarkLoad(b *testing.B) {
	dir := benchSite(b)
	for b.Loop() {
		loadBench(b, dir)
	}
}

func BenchmarkLink(b *testing.B) {
	cfg, set := loadBench(b, benchSite(b))
	for b.Loop() {
		site.Link(cfg, set, testNow)
	}
}

func renderer(b *testing.B) *render.Renderer {
	b.Helper()
	theme, err := render.OpenTheme(".", "")
	if err != nil {
		b.Fatal(err)
	}
	r, err := render.New(theme)
	if err != nil {
		b.Fatal(err)
	}
	return r
}

func BenchmarkRender(b *testing.B) {
	cfg, set := loadBench(b, benchSite(b))
	s, _ := site.Link(cfg, set, testNow)
	r := renderer(b)
	pages := r.Pages(s)
	b.ResetTimer()
	for b.Loop() {
		files, err := renderAll(r, s, pages)
		if err != nil {
			b.Fatal(err)
		}
		var n int64
		for _, f := range files {
			n += int64(len(f.Data))
		}
		b.SetBytes(n)
	}
}

// BenchmarkWrite measures publishing the rendered pages of the portal:
// into a new folder, and over identical content.
func BenchmarkWrite(b *testing.B) {
	cfg, set := loadBench(b, benchSite(b))
	s, _ := site.Link(cfg, set, testNow)
	r := renderer(b)
	files, err := renderAll(r, s, r.Pages(s))
	if err != nil {
		b.Fatal(err)
	}
	for _, mode := range []string{"fresh", "unchanged"} {
		b.Run(mode, func(b *testing.B) {
			base := b.TempDir()
			out := filepath.Join(base, "public")
			if mode == "unchanged" {
				if _, err := publish.Write(out, files, publish.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			for i := 0; b.Loop(); i++ {
				if _, err := publish.Write(out, files, publish.Options{}); err != nil {
					b.Fatal(err)
				}
				if mode == "fresh" {
					// Set the output aside rather than delete it: ext4
					// creates files slower after deleting thousands
					// (docs/performance.md).
					b.StopTimer()
					if err := os.Rename(out, filepath.Join(base, fmt.Sprint("done", i))); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
				}
			}
		})
	}
}

func BenchmarkBuild(b *testing.B) {
	dir := benchSite(b)
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, err := Build(Options{SiteDir: dir, OutDir: out, Now: testNow}); err != nil {
			b.Fatal(err)
		}
	}
}

// renderAll renders every page on all cores, holding all of them, to
// measure rendering apart from writing.
func renderAll(renderer *render.Renderer, s *site.Site, pages []render.Page) ([]publish.File, error) {
	files := make([]publish.File, len(pages))
	errs := make([]error, len(pages))
	var wg sync.WaitGroup
	next := make(chan int, 64)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := range next {
				buf.Reset()
				if err := renderer.Render(&buf, s, pages[i]); err != nil {
					errs[i] = err
					continue
				}
				files[i] = publish.File{Path: pages[i].Path, Data: bytes.Clone(buf.Bytes())}
			}
		})
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	return files, errors.Join(errs...)
}
