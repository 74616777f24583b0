package export

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cxatlas/cxatlas/generator/internal/fuzzmain"
)

func TestMain(m *testing.M) { fuzzmain.Run(m) }

// FuzzCellRoundTrip: any text a writer types, written as a cell of a
// record, reads back with an RFC 4180 reader and Unguard as the text
// itself (its line ends as LF), and never starts a cell a spreadsheet would
// run as a formula.
func FuzzCellRoundTrip(f *testing.F) {
	for _, s := range []string{"", "plain", "=1+1", "'=1", "''-2", "a,b", `"q"`, "x\r\ny", "\r=1", "\t@x", " space ", "Дорого, долго"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			t.Skip() // content is valid UTF-8 without NUL: the loader refuses the rest
		}
		c := Cell(s)
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			t.Fatalf("Cell(%q) = %q starts a formula", s, c)
		}
		w := newCSV(0)
		w.record([]string{c, "end"})
		recs := readCSV(t, w.bytes())
		if len(recs) != 1 || len(recs[0]) != 2 || recs[0][1] != "end" {
			t.Fatalf("Cell(%q) broke the record: %q", s, recs)
		}
		if got, want := Unguard(recs[0][0]), lineEnds(s); got != want {
			t.Fatalf("Cell(%q) read back as %q", s, got)
		}
	})
}
