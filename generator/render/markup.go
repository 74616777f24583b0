package render

import (
	"html/template"
	"strconv"
	"strings"
	"sync"
)

// markup builds the HTML of the parts of pages that repeat once per step,
// pain or mention: the cells of the journey grid, step rows, pain rows and
// mention lists. Running html/template over tens of thousands of rows costs
// most of a build in reflection, so these parts are written in Go and handed
// to the templates, which keep the layout of each page, as template.HTML or,
// for long tables, as a fragment.
//
// Every string that comes from a writer goes through text or href,
// which escape it the way html/template would in that context; raw is for
// markup written in this package only.
type markup struct {
	b []byte
	// pieces holds the full pieces of a long fragment; see endRow.
	pieces fragment
}

// fragment is HTML written in Go, in pieces. html/template prints a value
// by copying it through a buffer of the value's size, so the rows of a table
// that runs to megabytes are handed over in pieces of about pieceSize bytes:
// templates print them with {{range .Rows}}{{.}}{{end}}.
type fragment []template.HTML

// pieceSize is about the size of the pieces of a fragment.
const pieceSize = 16 << 10

// markups recycles the buffers of markup, so that rendering a page does not
// grow a new buffer from nothing for every fragment.
var markups = sync.Pool{New: func() any { return &markup{b: make([]byte, 0, 2*pieceSize)} }}

// newMarkup returns an empty markup from the pool; html, fragment and
// discard return it.
func newMarkup() *markup {
	m := markups.Get().(*markup)
	m.b, m.pieces = m.b[:0], nil
	return m
}

// discard puts m back in the pool without using what was written.
func (m *markup) discard() { markups.Put(m) }

// html returns what was written as one template.HTML and puts m back in
// the pool; m must not be used afterwards. For short fragments only: long
// ones call endRow and fragment.
func (m *markup) html() template.HTML {
	out := template.HTML(m.b)
	m.discard()
	return out
}

// endRow marks the end of a row of a long fragment: if the current piece is
// full, it becomes one of the fragment's pieces.
func (m *markup) endRow() {
	if len(m.b) >= pieceSize {
		m.pieces = append(m.pieces, template.HTML(m.b))
		m.b = m.b[:0]
	}
}

// fragment returns what was written in pieces and puts m back in the pool;
// m must not be used afterwards. Nothing written gives an empty fragment.
func (m *markup) fragment() fragment {
	out := m.pieces
	if len(m.b) > 0 {
		out = append(out, template.HTML(m.b))
	}
	m.discard()
	return out
}

// raw writes markup as it is: only for constant markup of this package.
func (m *markup) raw(s string) { m.b = append(m.b, s...) }

// int writes a decimal number.
func (m *markup) int(n int) { m.b = strconv.AppendInt(m.b, int64(n), 10) }

// sep writes the ", " between the items of an inline list, before every
// item but the first (i is the item's position).
func (m *markup) sep(i int) {
	if i > 0 {
		m.raw(", ")
	}
}

// text writes s escaped for text content or a double-quoted attribute
// value, the same escaping template.HTMLEscapeString does: & < > " ' become
// entities and NUL becomes U+FFFD.
func (m *markup) text(s string) { m.b = appendEscaped(m.b, s) }

// href writes a URL for a double-quoted href attribute the way html/template
// does: a URL with a scheme other than http, https or mailto is replaced by
// "#ZgotmplZ", bytes that may not appear in a URL are percent-encoded
// (existing escapes are kept), and & becomes &amp;.
func (m *markup) href(u string) {
	if !safeScheme(u) {
		m.b = append(m.b, "#ZgotmplZ"...)
		return
	}
	m.b = appendURL(m.b, u)
}

// urlPart writes a piece of a URL that follows a scheme-checked start, such
// as an id after "personas/" or a fragment after "#": normalised like href,
// with no scheme check.
func (m *markup) urlPart(s string) { m.b = appendURL(m.b, s) }

// link writes <a href="u">text</a>.
func (m *markup) link(u, text string) {
	m.raw(`<a href="`)
	m.href(u)
	m.raw(`">`)
	m.text(text)
	m.raw(`</a>`)
}

// appendEscaped appends s to b with the five HTML special characters
// escaped; runs without any are copied in one go.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		if !htmlSpecial[s[i]] {
			continue
		}
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		default:
			esc = "\uFFFD"
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// htmlSpecial marks the bytes appendEscaped replaces.
var htmlSpecial = [256]bool{'&': true, '<': true, '>': true, '"': true, '\'': true, 0: true}

// safeScheme reports whether u is relative or uses a scheme html/template
// lets through in an href: http, https or mailto.
func safeScheme(u string) bool {
	i := strings.IndexByte(u, ':')
	if i < 0 || strings.ContainsRune(u[:i], '/') {
		return true
	}
	scheme := u[:i]
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

// appendURL appends u percent-encoding what html/template's URL normaliser
// encodes, and escaping & for the attribute.
func appendURL(b []byte, u string) []byte {
	const hex = "0123456789abcdef" // lower case, as html/template writes it
	last := 0
	for i := 0; i < len(u); i++ {
		c := u[i]
		if urlKeeps[c] || c == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]) {
			continue
		}
		b = append(b, u[last:i]...)
		if c == '&' {
			b = append(b, "&amp;"...)
		} else {
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
		last = i + 1
	}
	return append(b, u[last:]...)
}

// urlKeeps marks the bytes html/template's URL normaliser leaves as they
// are in an href, but for &, which the attribute needs escaped: letters,
// digits, the unreserved marks, and the reserved characters but for the
// single quote and parentheses. It also keeps a % that starts an escape.
var urlKeeps = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte("-._~!#$*+,/:;=?@[]", byte(c)) >= 0
	}
	return t
}()

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
