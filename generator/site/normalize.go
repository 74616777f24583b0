package site

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NormalizePain returns the form of a pain's text under which mentions are
// the same pain: lower case, with runs of spaces made one.
//
// It gives what strings.Join(strings.Fields(strings.ToLower(text)), " ")
// gives, but it runs once per mention, so it checks the text in one pass
// and, only when it is not normal already, rewrites it in a second with
// one allocation.
func NormalizePain(text string) string {
	if normalPain(text) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	space := false // a space is due before the next word
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			if asciiSpace(c) {
				space = b.Len() > 0
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			continue
		}
		// An invalid byte decodes as utf8.RuneError, which is not a space
		// and is written as U+FFFD, as strings.ToLower does.
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// normalPain reports whether NormalizePain would return text unchanged:
// valid UTF-8 without upper case or other spaces than single ' ' between
// words.
func normalPain(text string) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return false
			}
			if asciiSpace(c) && (c != ' ' || i == 0 || i == len(text)-1 || text[i-1] == ' ') {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) || unicode.ToLower(r) != r {
			return false
		}
		i += size
	}
	return true
}

// asciiSpace reports whether c is one of the ASCII bytes unicode.IsSpace
// accepts.
func asciiSpace(c byte) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', ' ':
		return true
	}
	return false
}
