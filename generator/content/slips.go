package content

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// When BurntSushi/toml rejects front matter, its message speaks of the
// grammar ("expected '.' or '=', but got 'в' instead"). This file looks for
// the slips writers make most often - keys in Cyrillic, dates written
// 01.10.2026, typographic quotes, decimal commas, YAML's "key: value" - and
// explains them in plain words with the fix. It reads the front matter
// again with a small, forgiving scanner that only has to understand the
// lines before the one the parser stopped at, which are known to be valid.

// tomlSlip returns a plain-words error for a common slip in src, the TOML
// front matter whose first line is line firstLine of its file, or nil. The
// parser failed on line errLine of the file; a slip counts only there.
func tomlSlip(src []byte, firstLine, errLine int) *ParseError {
	s := &slipScanner{cursor: cursor{src: src, line: firstLine, col: 1}, stop: errLine}
	s.run()
	if s.found == nil || s.found.Pos.Line != errLine {
		return nil
	}
	return s.found
}

// valueCtx says where a value stands: at the top of a table, in an inline
// table or in an array.
type valueCtx int

const (
	atTop valueCtx = iota
	inInline
	inArray
)

type slipScanner struct {
	cursor
	stop  int // the line the parser failed on
	found *ParseError
}

func (s *slipScanner) done() bool {
	return s.i >= len(s.src) || s.found != nil || s.line > s.stop
}

func (s *slipScanner) peek() rune {
	if s.i >= len(s.src) {
		return 0
	}
	r, _ := utf8.DecodeRune(s.src[s.i:])
	return r
}

// skipBlank skips spaces, newlines and comments, as inside arrays.
func (s *slipScanner) skipBlank() {
	for !s.done() {
		switch s.peek() {
		case ' ', '\t', '\r', '\n':
			s.adv()
		case '#':
			s.skipLine()
		default:
			return
		}
	}
}

// lineText is the current line without its end.
func (s *slipScanner) lineText() string {
	end := s.lineStart
	for end < len(s.src) && s.src[end] != '\n' {
		end++
	}
	return string(s.src[s.lineStart:end])
}

// rest is the current line from the scanner on.
func (s *slipScanner) rest() string { return s.lineText()[s.i-s.lineStart:] }

func (s *slipScanner) report(p diag.Pos, hint, format string, args ...any) {
	if s.found == nil {
		s.found = &ParseError{Pos: p, Message: fmt.Sprintf(format, args...), Hint: hint}
	}
}

func (s *slipScanner) run() {
	for !s.done() {
		s.skipSpace()
		switch r := s.peek(); r {
		case '\n':
			s.adv()
		case '#':
			s.skipLine()
		case '[':
			s.header()
			s.skipLine()
		default:
			s.keyValue(atTop)
			s.skipLine()
		}
	}
}

func (s *slipScanner) header() {
	s.adv()
	if s.peek() == '[' {
		s.adv()
	}
	s.key()
}

// keyValue reads "key = value"; ctx is atTop or inInline.
func (s *slipScanner) keyValue(ctx valueCtx) bool {
	start, off := s.pos(), s.i-s.lineStart
	key, ok := s.key()
	if !ok {
		return false
	}
	s.skipSpace()
	switch r := s.peek(); {
	case r == '=':
		s.adv()
	case r == ':' && ctx == atTop:
		value := strings.TrimSpace(s.rest()[1:])
		s.report(s.pos(), fmt.Sprintf("write %s = %s", key, value), "TOML writes key = value, not key: value")
		return false
	case (isBareKeyRune(r) || unicode.IsLetter(r)) && strings.Contains(s.rest(), "="):
		name, _, _ := strings.Cut(s.lineText()[off:], "=")
		name = strings.TrimSpace(name)
		s.report(start, fmt.Sprintf("write %q = ... or %s = ...", name, strings.ReplaceAll(name, " ", "_")),
			"key %q has a space, which a key may only have in quotes", name)
		return false
	default:
		return false
	}
	s.skipSpace()
	return s.value(key, ctx)
}

// key reads a key, dotted or not, and returns it as written.
func (s *slipScanner) key() (string, bool) {
	from := s.i
	for {
		s.skipSpace()
		p, start := s.pos(), s.i
		if r := s.peek(); r == '"' || r == '\'' {
			if !s.shortString(r, "") {
				return "", false
			}
		} else {
			for r := s.peek(); !s.done() && !isKeyEnd(r); r = s.peek() {
				s.adv()
			}
			part := string(s.src[start:s.i])
			if part == "" {
				return "", false
			}
			if !isBareKey(part) {
				s.badKey(p, part, start)
				return "", false
			}
		}
		s.skipSpace()
		if s.peek() != '.' {
			return strings.TrimSpace(string(s.src[from:s.i])), true
		}
		s.adv()
	}
}

func isKeyEnd(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '=', '.', ']', '[', '#', ',', '{', '}', ':', '"', '\'':
		return true
	}
	return false
}

func isBareKeyRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-'
}

func isBareKey(s string) bool {
	for _, r := range s {
		if !isBareKeyRune(r) {
			return false
		}
	}
	return true
}

// badKey reports a bare key part with letters TOML allows only in quotes,
// with the line as it should be written.
func (s *slipScanner) badKey(p diag.Pos, part string, start int) {
	if q := curlyQuotes(part); q != "" {
		s.report(p, "write keys plainly, or in straight double quotes \"...\"",
			"key %s is in %s quotes, which TOML does not read as quotes", part, q)
		return
	}
	line := s.lineText()
	at := start - s.lineStart
	fix := strings.TrimSpace(line[:at] + `"` + part + `"` + line[at+len(part):])
	hint := "write " + clip(fix, 60)
	if latin := toLatin(part); latin != part && isBareKey(latin) {
		hint += fmt.Sprintf(", or, if you meant the key %q, type it again in the Latin keyboard layout", latin)
	}
	s.report(p, hint, "key %q must be in quotes: without them a key may only use Latin letters, digits, \"_\" and \"-\"", part)
}

// toLatin replaces the Cyrillic letters that look like Latin ones, typed
// by mistake in the wrong keyboard layout.
func toLatin(s string) string {
	return strings.NewReplacer("а", "a", "е", "e", "о", "o", "р", "p", "с", "c", "у", "y", "х", "x", "к", "k",
		"А", "A", "В", "B", "Е", "E", "К", "K", "М", "M", "Н", "H", "О", "O", "Р", "P", "С", "C", "Т", "T", "Х", "X").Replace(s)
}

// curlyQuotes names the typographic quotes in s, or returns "".
func curlyQuotes(s string) string {
	for _, r := range s {
		switch r {
		case '«', '»':
			return "«»"
		case '“', '”', '„', '‘', '’':
			return "typographic “”"
		}
	}
	return ""
}
