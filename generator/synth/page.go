package synth

import (
	"strconv"

	"github.com/cxatlas/cxatlas/generator/internal/tomltext"
)

// page accumulates the bytes of one file: TOML front matter, then Markdown.
type page struct {
	b []byte
}

func (p *page) raw(s string) { p.b = append(p.b, s...) }

func (p *page) line(s string) {
	p.b = append(p.b, s...)
	p.b = append(p.b, '\n')
}

func (p *page) blank() { p.b = append(p.b, '\n') }

// str writes key = "value".
func (p *page) str(key, value string) {
	p.b = append(p.b, key...)
	p.b = append(p.b, " = "...)
	p.b = appendQuoted(p.b, value)
	p.b = append(p.b, '\n')
}

// num writes key = n.
func (p *page) num(key string, n int) {
	p.b = append(p.b, key...)
	p.b = append(p.b, " = "...)
	p.b = strconv.AppendInt(p.b, int64(n), 10)
	p.b = append(p.b, '\n')
}

// strs writes key = ["a", "b"] on one line.
func (p *page) strs(key string, values []string) {
	p.b = append(p.b, key...)
	p.b = append(p.b, " = ["...)
	for i, v := range values {
		if i > 0 {
			p.b = append(p.b, ", "...)
		}
		p.b = appendQuoted(p.b, v)
	}
	p.b = append(p.b, "]\n"...)
}

// items writes key = [...] with values already in TOML syntax: one item on
// one line, more items one per line, as writers do.
func (p *page) items(key string, values []string) {
	p.b = append(p.b, key...)
	p.b = append(p.b, " = ["...)
	if len(values) == 1 {
		p.b = append(p.b, values[0]...)
		p.b = append(p.b, "]\n"...)
		return
	}
	p.b = append(p.b, '\n')
	for _, v := range values {
		p.b = append(p.b, "  "...)
		p.b = append(p.b, v...)
		p.b = append(p.b, ",\n"...)
	}
	p.b = append(p.b, "]\n"...)
}

// appendQuoted appends s to b as a TOML basic string.
func appendQuoted(b []byte, s string) []byte { return tomltext.AppendQuoted(b, s) }

// quoted returns s as a TOML basic string.
func quoted(s string) string { return tomltext.Quoted(s) }

// slug turns a title into an ASCII id: lower-case letters and digits
// joined by single hyphens.
func slug(s string) string {
	b := make([]byte, 0, len(s))
	dash := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
			dash = false
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
			dash = false
		case c == '#' || c == '\'':
			// dropped: "#2" becomes "2", "Brightline's" becomes "brightlines"
		default:
			if !dash && len(b) > 0 {
				b = append(b, '-')
				dash = true
			}
		}
	}
	if dash {
		b = b[:len(b)-1]
	}
	return string(b)
}
