package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cxatlas/cxatlas/generator/browsertest"
)

// TestNewSite starts a portal in each language: it passes check -strict
// and builds as written, its comments are in the chosen language, a
// second new site in the same folder is refused, and a stage added
// afterwards takes the next free order.
func TestNewSite(t *testing.T) {
	out := t.TempDir() // the built portals, validated together
	for _, c := range []struct{ lang, words string }{
		{"en", "# The portal's name, shown at the top of every page."},
		{"ru", "# Название портала, вверху каждой страницы."},
	} {
		t.Run(c.lang, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "portal")
			if r := cxatlas(t, ".", "new", "site", dir, "-lang", c.lang); r.code != 0 || !strings.Contains(r.stdout, "config.toml") {
				t.Fatalf("new site: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			cfg, _ := os.ReadFile(filepath.Join(dir, "config.toml"))
			if !strings.Contains(string(cfg), c.words) || !strings.Contains(string(cfg), fmt.Sprintf("language = %q", c.lang)) {
				t.Errorf("config.toml is not in %s:\n%s", c.lang, cfg)
			}
			if r := cxatlas(t, dir, "check", "-strict"); r.code != 0 {
				t.Errorf("check -strict: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			if r := cxatlas(t, dir, "build", "-d", filepath.Join(out, c.lang)); r.code != 0 {
				t.Errorf("build: exit %d\n%s", r.code, r.stderr)
			}
			if r := cxatlas(t, ".", "new", "site", dir); r.code != 2 || !strings.Contains(r.stderr, "already exists") {
				t.Errorf("second new site: exit %d: %s", r.code, r.stderr)
			}
			if r := cxatlas(t, dir, "new", "stage", "loyalty"); r.code != 0 {
				t.Fatalf("new stage: exit %d: %s", r.code, r.stderr)
			}
			stage, _ := os.ReadFile(filepath.Join(dir, "content", "stages", "loyalty.md"))
			if !strings.Contains(string(stage), "\norder = 21 ") {
				t.Errorf("the new stage does not come third:\n%s", stage)
			}
			if r := cxatlas(t, dir, "check"); r.code != 0 {
				t.Errorf("check after new stage: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
		})
	}
	validateHTML(t, out)
	if r := cxatlas(t, ".", "new", "site", filepath.Join(t.TempDir(), "x"), "-lang", "de"); r.code != 2 || !strings.Contains(r.stderr, `unknown language "de"`) {
		t.Errorf("new site -lang de: exit %d: %s", r.code, r.stderr)
	}
}

// TestImportCommand runs import csv and import mermaid on a new site: the
// output names the files created, the emotion mapping and the cells left
// out; check passes; a second import is refused without -force and
// replaces the persona with it; a malformed file writes nothing.
func TestImportCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "portal")
	if r := cxatlas(t, ".", "new", "site", dir); r.code != 0 {
		t.Fatal(r.stderr)
	}
	sheet := filepath.Join(t.TempDir(), "family.csv")
	data := "\ufeffJourney of a family;;;\r\nStage;Discovery;;Delivery\r\nDoing;Searches;Compares;Waits\r\nChannels;Search engine;Website;Courier\r\nMood;4;2;weird\r\n"
	if err := os.WriteFile(sheet, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	r := cxatlas(t, dir, "import", "csv", sheet)
	for _, want := range []string{
		"read " + sheet + ": UTF-8 with byte-order mark, semicolon-separated, lanes as rows, 3 steps",
		"created content/personas/family.md", "created content/stages/delivery.md", "created content/touchpoints/courier.md",
		"used the portal's own 1 stage and 2 touchpoints",
		"emotion numbers read on the scale 1 to 5 and mapped onto the portal's scale -2 to 2:", "  4 -> 1",
		"not placed (2):", sheet + `: row 1, column A: "Journey of a family" is not a lane`,
		sheet + `: row 5, column D: emotion "weird" is neither a number nor a known emotion word or emoji; left out`,
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("import output lacks %q:\n%s", want, r.stdout)
		}
	}
	if r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	if r := cxatlas(t, dir, "check"); r.code != 0 {
		t.Errorf("check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := cxatlas(t, dir, "import", "csv", sheet); r.code != 1 || !strings.Contains(r.stderr, "content/personas/family.md already exists: use -force") {
		t.Errorf("second import: exit %d: %s", r.code, r.stderr)
	}
	if r := cxatlas(t, dir, "import", "csv", "-force", "-title", "Family", sheet); r.code != 0 || !strings.Contains(r.stdout, "replaced content/personas/family.md") {
		t.Errorf("import -force: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	if r := cxatlas(t, dir, "import", "csv", "-scale", "5", sheet); r.code != 2 || !strings.Contains(r.stderr, "MIN..MAX") {
		t.Errorf("import -scale 5: exit %d: %s", r.code, r.stderr)
	}
	// A ragged sheet: the error names the cell, and nothing is written.
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("Stage,New stage\nAction,Pay,Leave\n"), 0o644)
	r = cxatlas(t, dir, "import", "csv", bad)
	if r.code != 1 || !strings.Contains(r.stderr, bad+": row 2, column C: this row has more cells than the first row") {
		t.Errorf("ragged import: exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "personas", "bad.md")); err == nil {
		t.Error("a failed import wrote the persona")
	}
	diagram := filepath.Join(t.TempDir(), "day.mmd")
	os.WriteFile(diagram, []byte("journey\n  title My working day\n  section Go to work\n    Make tea: 5: Me\n    Do work: 1: Me, Cat\n"), 0o644)
	r = cxatlas(t, dir, "import", "mermaid", diagram)
	if r.code != 0 || !strings.Contains(r.stdout, "created content/personas/my-working-day.md") {
		t.Errorf("import mermaid: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	if r := cxatlas(t, dir, "check"); r.code != 0 {
		t.Errorf("check after mermaid: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := cxatlas(t, dir, "build"); r.code != 0 {
		t.Errorf("build: exit %d\n%s", r.code, r.stderr)
	}
	validateHTML(t, filepath.Join(dir, "public"))
	if r := cxatlas(t, dir, "import", "csv", "-s", "nowhere", sheet); r.code != 2 || !strings.Contains(r.stderr, "the site folder nowhere does not exist") {
		t.Errorf("import into a missing site: exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "nowhere")); err == nil {
		t.Error("import made the missing site folder")
	}
	if r := cxatlas(t, dir, "import", "xlsx", sheet); r.code != 2 || !strings.Contains(r.stderr, "Usage: cxatlas import csv") {
		t.Errorf("import xlsx: exit %d: %s", r.code, r.stderr)
	}
}

// longSheetSteps is how many steps the long imported sheet has.
const longSheetSteps = 70

// longSheet writes a lanes-as-rows sheet of longSheetSteps steps over seven
// stages, as Excel saves it: semicolons, byte-order mark, CRLF, merged
// stage cells, several touchpoints and pains in a cell, a 1-5 scale.
func longSheet(t *testing.T) string {
	t.Helper()
	lanes := map[string][]string{}
	order := []string{"Stage", "Actions", "Touchpoints", "Thoughts", "Emotions", "Pain points", "Opportunities", "Evidence"}
	stages := []string{"Need", "Search", "Compare", "Buy", "Delivery", "Use", "Support"}
	for i := 0; i < longSheetSteps; i++ {
		stage := ""
		if i%10 == 0 {
			stage = stages[i/10]
		}
		lanes["Stage"] = append(lanes["Stage"], stage)
		lanes["Actions"] = append(lanes["Actions"], fmt.Sprintf("Marker step %d acts", i+1))
		lanes["Touchpoints"] = append(lanes["Touchpoints"], fmt.Sprintf("\"Channel %d\nWebsite\"", i%4))
		lanes["Thoughts"] = append(lanes["Thoughts"], fmt.Sprintf("Thought %d", i+1))
		lanes["Emotions"] = append(lanes["Emotions"], fmt.Sprint(i%5+1))
		lanes["Pain points"] = append(lanes["Pain points"], fmt.Sprintf("\"• Pain %d [high]\n• Pain %d-b\"", i+1, i+1))
		lanes["Opportunities"] = append(lanes["Opportunities"], fmt.Sprintf("Idea %d", i+1))
		lanes["Evidence"] = append(lanes["Evidence"], fmt.Sprintf("Interview %d", i+1))
	}
	var b strings.Builder
	b.WriteString("\ufeff")
	for _, l := range order {
		b.WriteString(l + ";" + strings.Join(lanes[l], ";") + "\r\n")
	}
	p := filepath.Join(t.TempDir(), "long.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestImportLongSheetInChromium imports a 70-step spreadsheet into a new
// site, builds it and opens the map in Chromium: it shows every step, in
// order, and axe-core finds no WCAG 2.1 AA violation.
func TestImportLongSheetInChromium(t *testing.T) {
	browsertest.NeedAxe(t)
	dir := filepath.Join(t.TempDir(), "portal")
	if r := cxatlas(t, ".", "new", "site", dir); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := cxatlas(t, dir, "import", "csv", "-persona", "long", "-title", "Long journey", longSheet(t)); r.code != 0 {
		t.Fatalf("import: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	if r := cxatlas(t, dir, "check"); r.code != 0 {
		t.Fatalf("check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	base, _ := builtPages(t, dir)
	tab := browsertest.Shared(t).Tab(t)
	tab.Do(t, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"personas/long/"))
	actions, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll("table.map tr.lane-action td")].map(td => td.textContent.trim())`))
	if err != nil {
		t.Fatal(err)
	}
	if len(actions) != longSheetSteps {
		t.Fatalf("the map shows %d steps, want %d", len(actions), longSheetSteps)
	}
	for i, a := range actions {
		if want := fmt.Sprintf("Marker step %d acts", i+1); !strings.Contains(a, want) {
			t.Errorf("step %d shows %q, want %q", i+1, a, want)
		}
	}
	heads, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[int](`document.querySelectorAll("table.map tr.stage-heads > th").length`))
	if err != nil || heads != 7 {
		t.Errorf("the map shows %d stages (%v), want 7", heads, err)
	}
	violations, err := browsertest.Axe(tab.Ctx, wcagTags...)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("axe: %s", v)
	}
	tab.NoErrors(t)
}
