package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cxatlas/cxatlas/generator/browsertest"
)

// longMapSteps is how many steps the long map of the print test has.
const longMapSteps = 74

// longMapSite returns a copy of the example portal with one more persona
// whose journey has longMapSteps steps across every stage, each step with
// an action of its own ("Marker step 12 acts"), a touchpoint, a pain, an
// emotion and a web source.
func longMapSite(t *testing.T) string {
	t.Helper()
	site := exampleSite(t)
	stages := []string{"awareness", "research", "purchase", "delivery", "support", "loyalty"}
	var b strings.Builder
	b.WriteString("+++\ntitle = \"Long journey\"\nsummary = \"A map long enough to print on many pages.\"\nreviewed = 2026-10-01\n")
	for i := 1; i <= longMapSteps; i++ {
		fmt.Fprintf(&b, "\n[[steps]]\nstage = %q\ntouchpoints = [\"website\"]\naction = \"Marker step %d acts\"\nemotion = %d\n",
			stages[(i-1)*len(stages)/longMapSteps], i, i%5-2)
		fmt.Fprintf(&b, "pains = [{ text = \"Pain of step %d\", severity = \"medium\" }]\nevidence = [\"https://example.com/s/%d\"]\n", i, i)
	}
	b.WriteString("+++\n")
	if err := os.WriteFile(filepath.Join(site, "content", "personas", "long-journey.md"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return site
}

// pdfText returns the text of the pages of a PDF laid out as printed, one
// string per page; the test skips outside CI when pdftotext is missing.
func pdfText(t *testing.T, pdf []byte) []string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("no pdftotext: CI installs poppler-utils")
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	file := filepath.Join(t.TempDir(), "map.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Split(strings.TrimRight(string(out), "\f"), "\f")
}

// TestPrintLongMap prints a map of 74 steps to PDF with Chromium and reads
// the text back: the map comes out in parts of a few steps, each on a page
// of its own that names the steps it holds and carries every lane label;
// each step is printed once, on the page that names it, with its action on
// one line.
func TestPrintLongMap(t *testing.T) {
	base, _ := builtPages(t, longMapSite(t))
	tab := browsertest.Shared(t).Tab(t)
	tab.Do(t, chromedp.Navigate(base+"personas/long-journey/index.html"))
	pdf, err := chromedp.Run(tab.Ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, pdf)
	head := regexp.MustCompile(`Steps (\d+)–(\d+) of ` + strconv.Itoa(longMapSteps))
	marker := regexp.MustCompile(`Marker step (\d+) acts`)
	lanes := []string{"Actions", "Touchpoints", "Emotion", "Pain points", "Evidence"}
	printed := map[int]int{}
	parts := 0
	for i, text := range pages {
		m := head.FindStringSubmatch(text)
		if m == nil {
			continue // not a part of the map: the list of critical points names steps too
		}
		parts++
		first, _ := strconv.Atoi(m[1])
		last, _ := strconv.Atoi(m[2])
		for _, lane := range lanes {
			if !strings.Contains(text, lane) {
				t.Errorf("page %d (steps %d–%d) lacks the lane label %q", i+1, first, last, lane)
			}
		}
		for _, mm := range marker.FindAllStringSubmatch(text, -1) {
			n, _ := strconv.Atoi(mm[1])
			printed[n]++
			if n < first || n > last {
				t.Errorf("page %d (steps %d–%d) prints step %d", i+1, first, last, n)
			}
		}
	}
	if parts < longMapSteps/8 {
		t.Errorf("the map printed in %d parts, want at least %d", parts, longMapSteps/8)
	}
	for n := 1; n <= longMapSteps; n++ {
		if printed[n] != 1 {
			t.Errorf("the action of step %d is printed whole on one line %d times, want once", n, printed[n])
		}
	}
	if t.Failed() {
		t.Logf("the printed text:\n%s", strings.Join(pages, "\n=== page break ===\n"))
	}
}
