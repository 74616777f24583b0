package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/cxatlas/cxatlas/generator/internal/csvguard"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Limits of what a file may hold, far above any journey map, so that a
// wrong file is refused quickly and in bounded memory.
const (
	// MaxFileSize is the largest file read, in bytes.
	MaxFileSize = 16 << 20
	// MaxSteps is the most steps a journey may have; it matches the limit
	// on items in one list of a content file.
	MaxSteps = 10000
	// maxLanes is the most rows (lanes as rows) or columns (steps as rows)
	// that name a field.
	maxLanes = 200
	// maxCell is the longest cell, in bytes: the longest text value a
	// content file may hold.
	maxCell = 64 << 10
)

// decodeText turns the bytes of a text file into UTF-8: a byte-order mark
// (UTF-8 or UTF-16) is followed; bytes that are not UTF-8 but read as
// Cyrillic in Windows-1251, as older Russian Excel saves, are decoded from
// it. It returns the text and the name of the encoding found.
func decodeText(file string, data []byte) (string, string, error) {
	if len(data) == 0 || len(bytes.TrimSpace(data)) == 0 {
		return "", "", &Error{File: file, Msg: "the file is empty", Hint: "save the sheet again with its cells"}
	}
	if len(data) > MaxFileSize {
		return "", "", &Error{File: file, Msg: "the file is larger than 16 MB", Hint: "a journey map is far smaller: check that this is the right file"}
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data, enc := data[3:], "UTF-8 with byte-order mark"
		return checkText(file, data, enc)
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", &Error{File: file, Msg: "the file starts as UTF-16 but is not", Hint: "save the sheet as CSV UTF-8"}
		}
		return checkText(file, out, "UTF-16")
	case utf8.Valid(data):
		return checkText(file, data, "UTF-8")
	}
	if looksCyrillic1251(data) {
		out, err := charmap.Windows1251.NewDecoder().Bytes(data)
		if err == nil {
			return checkText(file, out, "Windows-1251")
		}
	}
	at := invalidAt(data)
	return "", "", &Error{File: file, Cell: lineCol(data, at), Msg: "the file is neither UTF-8 nor Windows-1251 text",
		Hint: "save the sheet as \"CSV UTF-8\""}
}

// checkText refuses text with NUL or other control bytes, which a sheet
// saved as text never holds: the file is a workbook or other binary.
func checkText(file string, data []byte, enc string) (string, string, error) {
	for i, c := range data {
		if c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
			return "", "", &Error{File: file, Cell: lineCol(data, i), Msg: "the file holds binary data, not text",
				Hint: "an .xlsx or .ods workbook must first be saved as CSV (File > Save as > CSV UTF-8)"}
		}
	}
	return string(data), enc, nil
}

// looksCyrillic1251 says whether bytes that are not UTF-8 look like
// Russian text in Windows-1251: most bytes above 0x7F are its letters
// (0xC0-0xFF, Ё 0xA8, ё 0xB8) rather than its punctuation.
func looksCyrillic1251(data []byte) bool {
	high, letters := 0, 0
	for _, c := range data {
		if c < 0x80 {
			continue
		}
		high++
		if c >= 0xC0 || c == 0xA8 || c == 0xB8 {
			letters++
		}
	}
	return high > 0 && letters*10 >= high*8
}

// invalidAt returns the offset of the first byte that is not UTF-8.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// lineCol gives the line and column (in bytes, from 1) of offset i.
func lineCol(data []byte, i int) Cell {
	line := 1 + bytes.Count(data[:i], []byte("\n"))
	col := i - bytes.LastIndexByte(data[:i], '\n')
	return Cell{Row: line, Col: col, Line: true}
}

// separator picks the field separator of a CSV text: a "sep=;" first line
// as Excel writes it, else whichever of comma, semicolon and tab splits
// the first lines into the most cells consistently. It returns the
// separator and the text without any "sep=" line.
func separator(text string) (rune, string) {
	if first, rest, ok := strings.Cut(text, "\n"); ok || len(first) <= 6 {
		f := strings.TrimRight(first, "\r")
		if len(f) == 5 && strings.EqualFold(f[:4], "sep=") {
			return rune(f[4]), rest
		}
	}
	best, bestScore := ',', -1
	for _, sep := range []rune{',', ';', '\t'} {
		r := csv.NewReader(strings.NewReader(text))
		r.Comma, r.FieldsPerRecord, r.LazyQuotes = sep, -1, true
		score, width := 0, 0
		for i := 0; i < 10; i++ {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if i == 0 {
				width = len(rec)
			}
			if len(rec) == width && width > 1 {
				score += width
			}
		}
		if score > bestScore {
			best, bestScore = sep, score
		}
	}
	return best, text
}

// sepName names a separator for the report.
func sepName(sep rune) string {
	switch sep {
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return "comma"
}

// readRecords splits CSV text into rows of cells. Rows of one width are
// required, but trailing empty cells of a longer or shorter row are
// forgiven, as editors differ on writing them.
func readRecords(file, text string, sep rune) ([][]string, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.FieldsPerRecord = sep, -1
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &Error{File: file, Cell: Cell{Row: pe.Line, Col: pe.Column, Line: true}, Msg: csvMessage(pe.Err),
					Hint: "a cell that holds a quote, separator or line break must be in double quotes, with its quotes doubled"}
			}
			return nil, &Error{File: file, Msg: err.Error()}
		}
		if len(rows) > MaxSteps+maxLanes {
			return nil, &Error{File: file, Cell: Cell{Row: len(rows) + 1}, Msg: "too many rows", Hint: "a journey may have at most 10,000 steps"}
		}
		if len(rec) > MaxSteps+1 {
			return nil, &Error{File: file, Cell: Cell{Row: len(rows) + 1}, Msg: "too many columns", Hint: "a journey may have at most 10,000 steps"}
		}
		for i, c := range rec {
			if len(c) > maxCell {
				return nil, &Error{File: file, Cell: Cell{Row: len(rows) + 1, Col: i + 1}, Msg: "a cell longer than 64 KB",
					Hint: "a content file takes at most 64 KB in one text: shorten it, or move it into the persona's Markdown body"}
			}
			// A cell of a portal's export may carry the apostrophe that keeps
			// spreadsheets from reading it as a formula.
			rec[i] = csvguard.Unguard(cleanCell(c))
		}
		rows = append(rows, rec)
	}
	return rows, nil
}

// csvMessage says in plain words what encoding/csv found.
func csvMessage(err error) string {
	switch {
	case errors.Is(err, csv.ErrQuote):
		return "a quoted cell is not closed, or has a stray quote"
	case errors.Is(err, csv.ErrBareQuote):
		return "a quote inside a cell that does not start with one"
	}
	return err.Error()
}

// cleanCell normalises line ends to \n and drops control characters a
// content file may not hold.
func cleanCell(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n', r == '\t':
			return r
		case r == '\r':
			return '\n'
		case r < 0x20, r >= 0x7f && r < 0xa0, r == '\ufeff':
			return -1
		}
		return r
	}, s)
}

// squareRows pads short rows with empty cells and reports a row that is
// longer than the first with content (nil rows, empty, stay nil) beyond its width: a ragged file.
func squareRows(file string, rows [][]string) ([][]string, error) {
	width, head := 0, -1
	for _, r := range rows {
		if r != nil && head < 0 {
			head = len(r)
		}
		w := len(r)
		for w > 0 && strings.TrimSpace(r[w-1]) == "" {
			w--
		}
		width = max(width, w)
	}
	for i, r := range rows {
		if r == nil {
			continue
		}
		if len(r) > head {
			for j := head; j < len(r); j++ {
				if strings.TrimSpace(r[j]) != "" {
					return nil, &Error{File: file, Cell: Cell{Row: i + 1, Col: j + 1},
						Msg:  "this row has more cells than the first row",
						Hint: "the rows are ragged: add the missing cells to the first row, or remove this one"}
				}
			}
		}
		for len(r) < width {
			r = append(r, "")
		}
		rows[i] = r[:width]
	}
	return rows, nil
}
