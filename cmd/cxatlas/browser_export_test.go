package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cxatlas/cxatlas/generator/browsertest"
	"github.com/cxatlas/cxatlas/generator/export"
)

// catchDownload makes the page keep the file its script saves instead of
// saving it: the blob's text lands in window.savedCSV and the name in
// window.savedName.
const catchDownload = `(() => {
	const click = HTMLAnchorElement.prototype.click;
	HTMLAnchorElement.prototype.click = function () {
		if (!this.href.startsWith("blob:")) {
			return click.call(this);
		}
		window.savedName = this.download;
		// Decoded keeping the byte-order mark, which text() drops.
		fetch(this.href).then(r => r.arrayBuffer()).then(b => {
			window.savedCSV = new TextDecoder("utf-8", {ignoreBOM: true}).decode(b);
		});
	};
})()`

// parseCSV reads a CSV file of the export package: BOM, RFC 4180, CRLF.
func parseCSV(t *testing.T, data string) [][]string {
	t.Helper()
	if !strings.HasPrefix(data, export.BOM) {
		t.Fatalf("no byte-order mark: %q", data[:min(len(data), 20)])
	}
	recs, err := csv.NewReader(strings.NewReader(data[len(export.BOM):])).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	return recs
}

// TestBrowserPainsCSV sets filters on the pain-point index and saves its
// CSV: the file holds the header and the rows the filters leave, as the
// whole index's file writes them; with no filter the link is that file.
func TestBrowserPainsCSV(t *testing.T) {
	browsertest.Chromium(t)
	out, base := builtPortal(t, exampleSite(t))
	pains := readPains(t, out)
	full, err := os.ReadFile(filepath.Join(out, "pains", "pains.csv"))
	if err != nil {
		t.Fatal(err)
	}
	all := parseCSV(t, string(full))
	const stage = "delivery"
	want := matching(pains, func(p dataPain) bool { return p.Severity == "high" && slices.Contains(p.Stages, stage) })
	if len(want) == 0 || len(want) == len(pains) {
		t.Fatalf("the example should have some but not all high pains in %s: %d", stage, len(want))
	}

	tab := browsertest.Shared(t).Tab(t)
	tab.Do(t, chromedp.Navigate(base+"pains/"))
	readFilterState(t, tab, fmt.Sprintf("%d of %d pain points", len(pains), len(pains)))
	type link struct {
		Href     string `json:"href"`
		Status   int    `json:"status"`
		Download string `json:"download"`
	}
	l := runIn(t, tab, chromedp.Evaluate[link](`(async () => {
		const a = document.getElementById("pains-csv");
		const r = await fetch(a.href);
		return {href: a.href, status: r.status, download: a.getAttribute("download")};
	})()`, chromedp.EvalAwaitPromise))
	if l.Href != base+"pains/pains.csv" || l.Status != 200 || l.Download != "pains.csv" {
		t.Errorf("with no filter the link is %+v, want the whole index's CSV", l)
	}

	tab.Do(t, choose("severity", "high"), choose("stage", stage))
	readFilterState(t, tab, fmt.Sprintf("%d of %d pain points", len(want), len(pains)))
	tab.Do(t, chromedp.Evaluate[chromedp.Void](catchDownload),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("pains-csv").click()`),
		chromedp.Poll[chromedp.Void](`typeof window.savedCSV === "string"`, chromedp.WithPollingInterval(50*time.Millisecond)))
	got := runIn(t, tab, chromedp.Evaluate[string](`window.savedCSV`))
	name := runIn(t, tab, chromedp.Evaluate[string](`window.savedName`))
	if name != "pains-"+stage+"-high.csv" {
		t.Errorf("saved as %q", name)
	}
	if !strings.HasSuffix(got, "\r\n") {
		t.Errorf("the saved file does not end in CRLF")
	}
	recs := parseCSV(t, got)
	if len(recs) != 1+len(want) {
		t.Fatalf("%d records, want a header and %d rows:\n%s", len(recs), len(want), got)
	}
	if !slices.Equal(recs[0], all[0]) {
		t.Errorf("header %q, want %q", recs[0], all[0])
	}
	for i, r := range want {
		rec := recs[1+i]
		if rec[0] != strconv.Itoa(r+1) || !slices.Equal(rec, all[1+r]) {
			t.Errorf("record %d is %q, want row %d %q", i+1, rec, r+1, all[1+r])
		}
		if export.Unguard(rec[2]) != pains[r].Text {
			t.Errorf("record %d: pain %q, want %q", i+1, rec[2], pains[r].Text)
		}
	}
	// The same bytes as the whole file's records: nothing re-escaped.
	for _, r := range want {
		if !bytes.Contains(full, []byte("\r\n"+strconv.Itoa(r+1)+",")) {
			t.Errorf("row %d is not a record of the whole file", r+1)
		}
	}
	tab.NoErrors(t)
}
