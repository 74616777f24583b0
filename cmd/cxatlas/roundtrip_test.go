package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportImportRoundTrip takes every map of the example portal and of
// the Russian test portal out as the CSV its page offers, imports each
// into an empty site with the same configuration, builds that site, and
// compares the map's CSV there with the original, byte for byte: the same
// steps, stages, touchpoints, texts, emotions, pains, opportunities and
// ratings, in the same order.
func TestExportImportRoundTrip(t *testing.T) {
	formulas := exampleSite(t)
	// Texts a spreadsheet would take for formulas go out guarded and come
	// back as they were.
	p := filepath.Join(formulas, "content", "personas", "deal-hunter.md")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	for old, text := range map[string]string{
		`thought = "That's the one. Now to find it at the right price."`: `thought = "=HYPERLINK(\"http://x\")"`,
		`feeling = "Cynical."`:      `feeling = "-2 points, then +1"`,
		`feeling = "Calculating."`: `feeling = "'@everyone"`,
	} {
		if !strings.Contains(string(data), old) {
			t.Fatalf("deal-hunter.md has no %s", old)
		}
		data = []byte(strings.Replace(string(data), old, text, 1))
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]string{"example": exampleSite(t), "cyrillic": "testdata/portals/cyrillic", "formulas": formulas} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out := t.TempDir()
			if r := cxatlas(t, src, "build", "-d", out); r.code != 0 {
				t.Fatalf("build: exit %d\n%s", r.code, r.stderr)
			}
			maps, _ := filepath.Glob(filepath.Join(out, "personas", "*", "map.csv"))
			if len(maps) < 2 {
				t.Fatalf("%d map.csv files in the build", len(maps))
			}
			cfg, err := os.ReadFile(filepath.Join(src, "config.toml"))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range maps {
				id := filepath.Base(filepath.Dir(m))
				site := t.TempDir()
				if err := os.WriteFile(filepath.Join(site, "config.toml"), cfg, 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
					t.Fatal(err)
				}
				r := cxatlas(t, ".", "import", "csv", "-s", site, "-persona", id, "-title", "Imported "+id, m)
				if r.code != 0 {
					t.Fatalf("import %s: exit %d\n%s%s", id, r.code, r.stdout, r.stderr)
				}
				if strings.Contains(r.stdout+r.stderr, "could not place") {
					t.Errorf("import %s left cells out:\n%s%s", id, r.stdout, r.stderr)
				}
				again := filepath.Join(t.TempDir(), "public")
				if r := cxatlas(t, site, "build", "-d", again); r.code != 0 {
					t.Fatalf("build of the imported %s: exit %d\n%s", id, r.code, r.stderr)
				}
				want, _ := os.ReadFile(m)
				if name == "formulas" && id == "deal-hunter" && !bytes.Contains(want, []byte(`'=HYPERLINK`)) {
					t.Errorf("the exported map does not guard a formula:\n%s", want)
				}
				got, err := os.ReadFile(filepath.Join(again, "personas", id, "map.csv"))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s: the map differs after export, import and build:\nexported:\n%s\nimported:\n%s", id, want, got)
				}
			}
		})
	}
}
