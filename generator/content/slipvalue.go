package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// value reads the value of key, reporting the slips of values.
func (s *slipScanner) value(key string, ctx valueCtx) bool {
	p, off := s.pos(), s.i-s.lineStart
	switch r := s.peek(); {
	case r == 0 || r == '\n' || r == '#':
		s.report(p, fmt.Sprintf("write the value on the same line; a list is written %s = [\"...\", \"...\"]", key),
			"%s has no value after =", key)
		return false
	case r == '"' || r == '\'':
		if s.peekAt(1) == byte(r) && s.peekAt(2) == byte(r) {
			return s.longString(byte(r))
		}
		if !s.shortString(r, key) {
			return false
		}
	case r == '[':
		return s.array(key)
	case r == '{':
		return s.inline()
	case curlyQuotes(string(r)) != "":
		s.curlyValue(p, key)
		return false
	default:
		return s.bare(p, off, key, ctx)
	}
	s.skipSpace()
	if ctx == atTop && s.peek() == ',' {
		s.listSlip(p, off, key)
		return false
	}
	return true
}

// shortString reads a one-line string opened by q; key names it in the
// message, or is "" for a quoted key.
func (s *slipScanner) shortString(q rune, key string) bool {
	p := s.pos()
	s.adv()
	for {
		switch r := s.peek(); {
		case r == 0 || r == '\n':
			what := "the key"
			if key != "" {
				what = "the text of " + key
			}
			s.report(p, fmt.Sprintf("end it with %c on the same line; text over several lines goes between %c%c%c and %c%c%c", q, q, q, q, q, q, q),
				"%s has no closing quote", what)
			return false
		case r == '\\' && q == '"':
			s.adv()
			if s.peek() != '\n' {
				s.adv()
			}
		case r == q:
			s.adv()
			return true
		default:
			s.adv()
		}
	}
}

// longString reads a multi-line string opened by three q.
func (s *slipScanner) longString(q byte) bool {
	s.adv()
	s.adv()
	s.adv()
	for s.i < len(s.src) {
		switch {
		case s.src[s.i] == '\\' && q == '"':
			s.adv()
			s.adv()
		case s.src[s.i] == q && s.peekAt(1) == q && s.peekAt(2) == q:
			for s.i < len(s.src) && s.src[s.i] == q {
				s.adv()
			}
			return true
		default:
			s.adv()
		}
	}
	return false
}

func (s *slipScanner) array(key string) bool {
	s.adv()
	for {
		s.skipBlank()
		if s.done() {
			return false
		}
		if s.peek() == ']' {
			s.adv()
			return true
		}
		if !s.value(key, inArray) {
			return false
		}
		s.skipBlank()
		switch s.peek() {
		case ',':
			s.adv()
		case ']':
		default:
			return false
		}
	}
}

func (s *slipScanner) inline() bool {
	s.adv()
	for {
		s.skipSpace()
		if r := s.peek(); r == '\n' || r == '#' {
			// An inline table may run over several lines (TOML 1.1), and
			// the scanner reads a line at a time: rather than take its
			// next lines for top-level keys, it stops looking for slips.
			s.i = len(s.src)
			return false
		}
		if s.peek() == '}' {
			s.adv()
			return true
		}
		if !s.keyValue(inInline) {
			return false
		}
		s.skipSpace()
		switch s.peek() {
		case ',':
			s.adv()
		case '}':
		default:
			return false
		}
	}
}

// valueText is the rest of the line from byte off, without a comment.
func (s *slipScanner) valueText(off int) string {
	t := s.lineText()[off:]
	if i := strings.Index(t, " #"); i >= 0 {
		t = t[:i]
	}
	return strings.TrimSpace(t)
}

func (s *slipScanner) curlyValue(p diag.Pos, key string) {
	text := s.valueText(s.i - s.lineStart)
	q := curlyQuotes(text)
	inner := strings.Trim(text, "«»“”„‘’\"")
	s.report(p, fmt.Sprintf("write %s = %q, or %s = %q to show the quotes", key, inner, key, text),
		"the text is in %s quotes, which TOML does not read as quotes: text goes in straight double quotes \"...\"", q)
}

// listSlip reports several values after one key, as in goals = "a", "b".
func (s *slipScanner) listSlip(p diag.Pos, off int, key string) {
	var items []string
	for _, it := range strings.Split(s.valueText(off), ",") {
		it = strings.TrimSpace(it)
		if it == "" {
			continue
		}
		if c := it[0]; c != '"' && c != '\'' {
			it = strconv.Quote(it)
		}
		items = append(items, it)
	}
	s.report(p, fmt.Sprintf("write %s = [%s]", key, clip(strings.Join(items, ", "), 60)),
		"%s has several values: a list goes in square brackets", key)
}

// decimalCommaRE matches -0,5 but not the 1,2 of { a = 1,2 = 3 }, where 2
// is the next key.
var decimalCommaRE = regexp.MustCompile(`^[+-]?[0-9]+,[0-9]+[ \t]*(?:[#}]|$)`)

// bare reads a value without quotes: a number, a date, true or false, and
// reports the slips written in its place.
func (s *slipScanner) bare(p diag.Pos, off int, key string, ctx valueCtx) bool {
	start := s.i
	for r := s.peek(); r != 0 && !strings.ContainsRune(" \t\r\n,]}#", r); r = s.peek() {
		s.adv()
	}
	tok := string(s.src[start:s.i])
	rest := s.lineText()[off:]
	switch {
	case isDateSlip(tok):
		s.report(p, "write "+key+" = "+dateHint(tok), "the date %s must be written year-month-day", tok)
	case ctx != inArray && decimalCommaRE.MatchString(rest):
		num := strings.Replace(strings.TrimRight(rest[:strings.IndexAny(rest+" ", " \t#}")], " "), ",", ".", 1)
		s.report(p, fmt.Sprintf("write %s = %s", key, num), "%s has a decimal comma: numbers are written with a point", key)
	case ctx == atTop && strings.HasPrefix(strings.TrimLeft(rest[len(tok):], " \t"), ","):
		s.listSlip(p, off, key)
	case isWord(tok) && ctx == inArray:
		s.report(p, fmt.Sprintf("write %q", tok), "the text %s in the list %s must be in double quotes", tok, key)
	case isWord(tok):
		text := tok
		if ctx == atTop {
			text = s.valueText(off)
		}
		s.report(p, fmt.Sprintf("write %s = %q", key, text), "the text of %s must be in double quotes", key)
	default:
		return true
	}
	return false
}

// isWord reports whether a bare value is a word rather than a number, a
// date or a boolean.
func isWord(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	switch tok {
	case "true", "false", "inf", "nan":
		return false
	}
	return unicode.IsLetter(r)
}

var (
	dayFirstRE  = regexp.MustCompile(`^([0-9]{1,2})([./])([0-9]{1,2})([./])([0-9]{4})$`)
	yearFirstRE = regexp.MustCompile(`^([0-9]{4})([./-])([0-9]{1,2})([./-])([0-9]{1,2})$`)
)

// isDateSlip reports whether s is a date written in another order or with
// other separators than TOML's YYYY-MM-DD.
func isDateSlip(s string) bool {
	if m := yearFirstRE.FindStringSubmatch(s); m != nil {
		return m[2] == m[4] && (m[2] != "-" || len(m[3]) == 1 || len(m[5]) == 1)
	}
	m := dayFirstRE.FindStringSubmatch(s)
	return m != nil && m[2] == m[4]
}

// dateHint says how to write a date such as 01.10.2026 or 2026.10.01: as
// 2026-10-01 when the reading is clear (day first with dots, as in Russian;
// with slashes, when one number is over 12), else with both readings.
func dateHint(s string) string {
	if m := yearFirstRE.FindStringSubmatch(s); m != nil {
		if d, ok := isoDate(m[1], m[3], m[5]); ok {
			return d
		}
		return "YYYY-MM-DD"
	}
	m := dayFirstRE.FindStringSubmatch(s)
	if m == nil {
		return "YYYY-MM-DD"
	}
	a, b, year := m[1], m[3], m[5]
	dm, dmOK := isoDate(year, b, a)
	md, mdOK := isoDate(year, a, b)
	switch {
	case dmOK && (m[2] == "." || !mdOK || dm == md):
		return dm
	case mdOK && !dmOK:
		return md
	case dmOK && mdOK:
		return fmt.Sprintf("%s if %s is the day, or %s if it is the month", dm, a, md)
	}
	return "YYYY-MM-DD"
}

// isoDate returns the date as YYYY-MM-DD if it exists.
func isoDate(year, month, day string) (string, bool) {
	y, _ := strconv.Atoi(year)
	mo, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != mo || t.Year() != y {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// listHint says how to write key as a list, in the syntax of format, with
// the items of a text that was meant as a list ("Save time, Save money").
func listHint(format Format, key string, n *Node) string {
	items := `"...", "..."`
	if n.Kind == String && strings.TrimSpace(n.Str) != "" {
		var quoted []string
		for _, it := range strings.Split(n.Str, ",") {
			if it = strings.TrimSpace(it); it != "" {
				quoted = append(quoted, strconv.Quote(it))
			}
		}
		items = clip(strings.Join(quoted, ", "), 60)
	}
	if format == YAML {
		return fmt.Sprintf("write %s: [%s], or each item on a line of its own after \"- \"", key, items)
	}
	return fmt.Sprintf("write %s = [%s]", key, items)
}
