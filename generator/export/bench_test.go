package export

import (
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/site"
	"github.com/cxatlas/cxatlas/generator/synth"
)

// BenchmarkExports encodes every file of the exports of the medium
// synthetic portal (190 personas of 40 to 80 steps): what they add to a
// full build's rendering.
func BenchmarkExports(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Generate(dir, synth.Medium()); err != nil {
		b.Fatal(err)
	}
	cfg, diags := config.Load(dir)
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	set, diags := content.Load(content.Options{SiteDir: dir, Config: cfg})
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	s, _ := site.Link(cfg, set, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	cat := i18n.Default("en")
	b.ResetTimer()
	for b.Loop() {
		n := len(PainsCSV(s, cat))
		for _, p := range s.Personas {
			n += len(PersonaCSV(p, cat)) + len(CurveSVG(s, p, cat))
		}
		b.SetBytes(int64(n))
	}
}
