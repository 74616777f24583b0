package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportFilesBuilt: a build writes each persona's map as CSV and its
// curve as SVG beside its page, which links to them, the pain index as
// CSV and the schemas; lane names follow the portal's language.
func TestExportFilesBuilt(t *testing.T) {
	tests := []struct {
		name, site, firstLane string
	}{
		{"en", exampleSite(t), "Stage"},
		{"ru", copyDir(t, filepath.Join("testdata", "portals", "cyrillic")), "Этап"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if r := cxatlas(t, ".", "build", "-q", "-s", tt.site, "-d", out); r.code != 0 {
				t.Fatalf("build: exit %d: %s", r.code, r.stderr)
			}
			personas, _ := filepath.Glob(filepath.Join(out, "personas", "*", "index.html"))
			if len(personas) == 0 {
				t.Fatal("no persona pages")
			}
			for _, page := range personas {
				dir := filepath.Dir(page)
				html := read(t, page)
				for _, link := range []string{`href=map.csv`, `href=curve.svg`} {
					if !strings.Contains(html, link) {
						t.Errorf("%s does not link %s", page, link)
					}
				}
				csv := read(t, filepath.Join(dir, "map.csv"))
				if !strings.HasPrefix(csv, "\ufeff"+tt.firstLane+",") {
					t.Errorf("%s/map.csv starts %q", dir, csv[:min(len(csv), 30)])
				}
				if svg := read(t, filepath.Join(dir, "curve.svg")); !strings.HasPrefix(svg, `<?xml version="1.0" encoding="UTF-8"?>`+"\n<svg xmlns=") {
					t.Errorf("%s/curve.svg starts %q", dir, svg[:min(len(svg), 60)])
				}
			}
			if csv := read(t, filepath.Join(out, "pains", "pains.csv")); !strings.HasPrefix(csv, "\ufeff") || !strings.HasSuffix(csv, "\r\n") {
				t.Errorf("pains.csv is not a CSV file of the export")
			}
			if !strings.Contains(read(t, filepath.Join(out, "pains", "index.html")), `href="../pains/pains.csv"`) {
				t.Errorf("the pain index does not link its CSV")
			}
		})
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSchemaCommand: cxatlas schema writes the schemas the build
// publishes, into SITE/schema or -o DIR, and refuses a wrong command line.
func TestSchemaCommand(t *testing.T) {
	site := exampleSite(t)
	out := filepath.Join(t.TempDir(), "public")
	if r := cxatlas(t, ".", "build", "-q", "-s", site, "-d", out); r.code != 0 {
		t.Fatalf("build: exit %d: %s", r.code, r.stderr)
	}
	names := []string{"persona.schema.json", "stage.schema.json", "touchpoint.schema.json", "index.schema.json"}

	r := cxatlas(t, ".", "schema", "-s", site)
	if r.code != 0 {
		t.Fatalf("schema: exit %d: %s", r.code, r.stderr)
	}
	other := filepath.Join(t.TempDir(), "schemas")
	if r := cxatlas(t, ".", "schema", "-s", site, "-o", other); r.code != 0 {
		t.Fatalf("schema -o: exit %d: %s", r.code, r.stderr)
	}
	for _, name := range names {
		published := read(t, filepath.Join(out, "schema", name))
		if !strings.Contains(r.stdout, filepath.Join(site, "schema", name)) {
			t.Errorf("schema did not say it wrote %s: %q", name, r.stdout)
		}
		for _, dir := range []string{filepath.Join(site, "schema"), other} {
			if got := read(t, filepath.Join(dir, name)); got != published {
				t.Errorf("%s in %s differs from the published one", name, dir)
			}
		}
		if !strings.Contains(published, `"$schema": "https://json-schema.org/draft/2020-12/schema"`) {
			t.Errorf("%s does not name draft 2020-12", name)
		}
	}

	missing := filepath.Join(t.TempDir(), "missing")
	for _, args := range [][]string{{"schema", "extra"}, {"schema", "-x"}, {"schema", "-s", missing}} {
		if r := cxatlas(t, ".", args...); r.code != 2 || r.stderr == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 and a message", args, r.code, r.stderr)
		}
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("schema -s of a missing folder created it")
	}
}
