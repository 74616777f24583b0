package importer

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cxatlas/cxatlas/generator/build"
	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/diag"
	"github.com/cxatlas/cxatlas/generator/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// today is the review date of imported personas in tests.
var today = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

// importCase is one file to import and the site to import it into.
type importCase struct {
	name, file string
	// site is a folder of testdata/sites to start from; empty for an
	// empty site with the default configuration.
	site    string
	persona string
	from    *config.Scale
}

// TestImportCSV imports real-looking spreadsheets into a site and compares
// every file written, and the report, with the golden files of
// testdata/golden/<case>/ (refreshed with -update). The site must then
// pass check without errors.
func TestImportCSV(t *testing.T) {
	for _, c := range []importCase{
		{name: "excel-semicolon-bom", file: "csv/excel-semicolon-bom.csv"},
		{name: "excel-1251", file: "csv/excel-1251.csv"},
		{name: "excel-unicode-text", file: "csv/excel-unicode-text.csv", from: &config.Scale{Min: 0, Max: 10}},
		{name: "google-sheets-steps", file: "csv/google-sheets-steps.csv"},
		{name: "export-en", file: "csv/export-en.csv", site: "en"},
		{name: "export-ru", file: "csv/export-ru.csv", site: "ru", persona: "семья"},
		{name: "tab-steps-ru", file: "csv/tab-steps-ru.csv", site: "ru"},
	} {
		t.Run(c.name, func(t *testing.T) { runImport(t, c, false) })
	}
}

// TestImportMermaid imports the journey diagram of Mermaid's documentation
// and a Russian one inside a Markdown file.
func TestImportMermaid(t *testing.T) {
	for _, c := range []importCase{
		{name: "mermaid-working-day", file: "mermaid/working-day.mmd"},
		{name: "mermaid-ru", file: "mermaid/ru.md", site: "ru"},
	} {
		t.Run(c.name, func(t *testing.T) { runImport(t, c, true) })
	}
}

func runImport(t *testing.T, c importCase, mermaid bool) {
	site := t.TempDir()
	if c.site != "" {
		if err := os.CopyFS(site, os.DirFS(filepath.Join("testdata", "sites", c.site))); err != nil {
			t.Fatal(err)
		}
	}
	cfg, diags := config.Load(site)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	before := files(t, site)
	data, err := os.ReadFile(filepath.Join("testdata", c.file))
	if err != nil {
		t.Fatal(err)
	}
	var r *Read
	if mermaid {
		r, err = ReadMermaid(c.file, data, cfg.Emotion)
	} else {
		r, err = ReadCSV(c.file, data, CSVOptions{Scale: cfg.Emotion, From: c.from})
	}
	if err != nil {
		t.Fatal(err)
	}
	w, err := Write(r.Journey, WriteOptions{SiteDir: site, Config: cfg, PersonaID: c.persona, Today: today,
		Fallback: strings.TrimSuffix(filepath.Base(c.file), filepath.Ext(c.file))})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("testdata", "golden", c.name)
	golden.Check(t, filepath.Join(dir, "report.txt"), []byte(report(r, w)), *update)
	var written []string
	for _, p := range files(t, site) {
		if slices.Contains(before, p) {
			continue
		}
		written = append(written, p)
		got, err := os.ReadFile(filepath.Join(site, p))
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join(dir, p), got, *update)
	}
	// A golden file that the import no longer writes is an error too.
	for _, p := range files(t, dir) {
		if p != "report.txt" && !slices.Contains(written, p) {
			t.Errorf("%s was not written", p)
		}
	}
	res, err := build.Check(build.Options{SiteDir: site, Now: today})
	if err != nil {
		t.Fatal(err)
	}
	if errs, _ := res.Diags.Count(); errs > 0 {
		t.Errorf("check finds errors in the imported site:\n%s", diagText(res.Diags))
	}
}

// report is what the golden report.txt of a case holds.
func report(r *Read, w *Written) string {
	var b strings.Builder
	fmt.Fprintf(&b, "format: %s\n", r.Format)
	fmt.Fprintf(&b, "persona: %s (replaced %v)\n", w.Persona, w.Replaced)
	fmt.Fprintf(&b, "new stages: %v, reused %d\n", w.Stages, w.ReusedStages)
	fmt.Fprintf(&b, "new touchpoints: %v, reused %d\n", w.Touchpoints, w.ReusedTouchpoints)
	for _, m := range r.Mapping {
		fmt.Fprintf(&b, "mapping: %s\n", m)
	}
	for _, n := range r.Unplaced {
		fmt.Fprintf(&b, "not placed: %s\n", n)
	}
	return b.String()
}

func diagText(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		fmt.Fprintln(&b, d)
	}
	return b.String()
}

// files lists the files below dir, slash-separated and relative to it.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}
