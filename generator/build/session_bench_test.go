package build

import (
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"
)

// BenchmarkSessionEdit measures a Session's rebuild after one file is
// saved, for the four edits writers make most: a touchpoint's title, the
// emotion of a persona's step, a pain's severity and a stage's order.
// early-ms is the time until the pages that show the change are
// published (what a reader of that page waits for); ns/op runs to the end
// of the rebuild. CXATLAS_BENCH_SIZE=large runs it on the large portal.
func BenchmarkSessionEdit(b *testing.B) {
	dir := copySite(b, benchSite(b))
	out := b.TempDir()
	edits := []struct {
		name, section string
		re            *regexp.Regexp
		values        []string
	}{
		{"touchpoint-title", "touchpoints", regexp.MustCompile(`(?m)^title = ".*"$`), []string{`title = "Edited A"`, `title = "Edited B"`}},
		{"persona-emotion", "personas", regexp.MustCompile(`(?m)^emotion = -?\d+$`), []string{"emotion = -2", "emotion = 2"}},
		{"pain-severity", "personas", regexp.MustCompile(`severity = "(low|medium|high)"`), []string{`severity = "low"`, `severity = "high"`}},
		{"stage-order", "stages", regexp.MustCompile(`(?m)^order = \d+$`), []string{"order = 1", "order = 999"}},
	}
	opts := Options{SiteDir: dir, OutDir: out, Now: testNow}
	if os.Getenv("CXATLAS_BENCH_LOG") != "" {
		// The time of each step of each rebuild, on standard error.
		opts.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	s := NewSession(opts)
	var saved, early time.Time
	s.Early = func(*Result) { early = time.Now() }
	if res, err := s.Build(nil); err != nil {
		b.Fatalf("%v\n%s", err, formatDiags(res.Diags))
	}
	for _, e := range edits {
		b.Run(e.name, func(b *testing.B) {
			files, _ := filepath.Glob(filepath.Join(dir, "content", e.section, "*.md"))
			slices.Sort(files)
			var path string
			var data []byte
			for _, f := range files {
				data, _ = os.ReadFile(f)
				if e.re.Match(data) {
					path = f
					break
				}
			}
			if path == "" {
				b.Skip("no file to edit")
			}
			var earlyTotal time.Duration
			rendered := 0
			i := 0
			for b.Loop() {
				loc := e.re.FindIndex(data)
				data = slices.Concat(data[:loc[0]], []byte(e.values[i%2]), data[loc[1]:])
				i++
				if err := os.WriteFile(path, data, 0o644); err != nil {
					b.Fatal(err)
				}
				saved, early = time.Now(), time.Time{}
				res, err := s.Build([]string{path})
				if err != nil {
					b.Fatalf("%v\n%s", err, formatDiags(res.Diags))
				}
				if res.Notice != "" {
					b.Fatal(res.Notice)
				}
				if early.IsZero() {
					early = time.Now()
				}
				earlyTotal += early.Sub(saved)
				rendered += res.Rendered
			}
			b.ReportMetric(float64(earlyTotal.Milliseconds())/float64(i), "early-ms")
			b.ReportMetric(float64(rendered)/float64(i), "pages/op")
		})
	}
}

// copySite copies the site at dir into a temporary folder the benchmark
// may edit.
func copySite(b *testing.B, dir string) string {
	b.Helper()
	to := filepath.Join(b.TempDir(), "site")
	if err := os.CopyFS(to, os.DirFS(dir)); err != nil {
		b.Fatal(err)
	}
	return to
}
