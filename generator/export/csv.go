// Package export encodes parts of a linked portal as files readers take
// out of it: a persona's journey map as a spreadsheet (CSV), its emotion
// curve as a standalone SVG, and the pain-point index as CSV. Each encoder
// is a pure function of the model in generator/site and the portal's
// message catalogue; the renderer lists the files as pages of the portal,
// so builds write them and rebuilds redo them as their pages.
package export

import (
	"strings"

	"github.com/cxatlas/cxatlas/generator/internal/csvguard"
)

// The names of the files, in the folder of the page they go with: a
// persona's map as CSV and its curve as SVG beside the persona's page, the
// pain-point index as CSV beside the index.
const (
	PersonaCSVName = "map.csv"
	PersonaSVGName = "curve.svg"
	PainsCSVName   = "pains.csv"
)

// BOM is the UTF-8 byte-order mark every CSV file starts with, so that
// spreadsheet programs read the file as UTF-8.
const BOM = "\ufeff"

// csvWriter builds an RFC 4180 file: records end in CRLF, a field holding
// a comma, a quote, a line break or a space at either end is quoted, and a
// quote inside it is doubled.
type csvWriter struct {
	b []byte
}

// newCSV starts a file of about size bytes with the byte-order mark.
func newCSV(size int) *csvWriter {
	w := &csvWriter{b: make([]byte, 0, size)}
	w.b = append(w.b, BOM...)
	return w
}

// record writes one record of fields, each already guarded (see Cell) or
// a plain number.
func (w *csvWriter) record(fields []string) {
	for i, f := range fields {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.b = appendField(w.b, f)
	}
	w.b = append(w.b, '\r', '\n')
}

// bytes returns the file written so far.
func (w *csvWriter) bytes() []byte { return w.b }

// appendField appends f, quoted when RFC 4180 needs it to be, or when it
// starts or ends with a space that a reader might trim.
func appendField(b []byte, f string) []byte {
	if !needsQuotes(f) {
		return append(b, f...)
	}
	b = append(b, '"')
	for {
		i := strings.IndexByte(f, '"')
		if i < 0 {
			break
		}
		b = append(b, f[:i+1]...)
		b = append(b, '"')
		f = f[i+1:]
	}
	b = append(b, f...)
	return append(b, '"')
}

func needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f[0] == ' ' || f[len(f)-1] == ' ' {
		return true
	}
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	return false
}

// Cell makes writer text safe to open in a spreadsheet: line ends (CRLF,
// CR) become LF (the file's own records end in CRLF), and text that a spreadsheet
// would take for a formula, starting with =, +, -, @, a tab or a carriage
// return, gets a leading apostrophe, as OWASP advises against CSV
// injection. So that the guard can always be taken off again, text that
// already starts with apostrophes followed by one of those characters
// gets one more. A reader undoes it by dropping the first apostrophe of a
// cell that matches ^'+[=+\-@\t\r] (see docs/export.md).
func Cell(s string) string {
	return csvguard.Guard(lineEnds(s))
}

// lineEnds turns CRLF and a lone CR into LF.
func lineEnds(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// Unguard takes off the apostrophe Cell puts before text that would read
// as a formula; an importer of the files of this package calls it on every
// cell but the numbers of the Emotion row.
func Unguard(s string) string { return csvguard.Unguard(s) }

// oneLine joins the lines of an item of a list cell with spaces, since a
// line break inside such a cell separates its items.
func oneLine(s string) string {
	if strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
