package content

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// yamlSlip returns a plain-words error for a common slip in src, the YAML
// front matter whose first line is line firstLine of its file, or nil. The
// YAML parser failed with msg on line errLine of the file.
func yamlSlip(src []byte, firstLine, errLine int, msg string) *ParseError {
	lines := strings.Split(string(src), "\n")
	at := errLine - firstLine // index of the error line in lines
	if at < 0 || at >= len(lines) {
		return nil
	}
	if strings.Contains(msg, "cannot start any token") || strings.Contains(msg, "tab character") {
		if e := yamlTab(lines, firstLine, at); e != nil {
			return e
		}
		if e := yamlReserved(lines[at], errLine); e != nil {
			return e
		}
	}
	if strings.Contains(msg, "could not find expected ':'") {
		for i := at; i >= 0 && i >= at-1; i-- {
			if e := yamlEquals(lines[i], firstLine+i); e != nil {
				return e
			}
		}
	}
	if strings.Contains(msg, "unexpected end of stream") || strings.Contains(msg, "did not find expected") {
		if e := yamlFirstOpenQuote(lines[:at+1], firstLine); e != nil {
			return e
		}
	}
	return nil
}

// yamlTab finds a tab in the indentation of line at or of the line below,
// where the parser may stop when a tab continues a block.
func yamlTab(lines []string, firstLine, at int) *ParseError {
	for i := at; i <= at+1 && i < len(lines); i++ {
		indent := lines[i][:len(lines[i])-len(strings.TrimLeft(lines[i], " \t"))]
		if j := strings.IndexByte(indent, '\t'); j >= 0 {
			p := diag.Pos{Line: firstLine + i, Col: j + 1}
			return &ParseError{Pos: p, Message: "a tab indents this line, but YAML indents with spaces only",
				Hint: fmt.Sprintf("replace the tab at %d:%d with spaces", p.Line, p.Col)}
		}
	}
	return nil
}

var yamlReservedRE = regexp.MustCompile(`^(\s*(?:- )?(?:[^\s:#"']+:\s+)?)([@` + "`" + `].*)$`)

// yamlReserved reports a text that starts with @ or a backquote, which
// YAML keeps for later use and refuses unquoted.
func yamlReserved(line string, n int) *ParseError {
	m := yamlReservedRE.FindStringSubmatch(line)
	if m == nil {
		return nil
	}
	text := strings.TrimSpace(m[2])
	return &ParseError{Pos: diag.Pos{Line: n, Col: utf8.RuneCountInString(m[1]) + 1},
		Message: fmt.Sprintf("a text that starts with %c must be in quotes in YAML", text[0]),
		Hint:    fmt.Sprintf("write %s%q", strings.TrimLeft(m[1], " "), text)}
}

var yamlEqualsRE = regexp.MustCompile(`^(\s*)([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(.*)$`)

// yamlEquals reports a TOML "key = value" line in YAML front matter.
func yamlEquals(line string, n int) *ParseError {
	m := yamlEqualsRE.FindStringSubmatch(line)
	if m == nil || strings.Contains(line, ": ") {
		return nil
	}
	return &ParseError{Pos: diag.Pos{Line: n, Col: len(m[1]) + 1},
		Message: "YAML writes key: value, not key = value",
		Hint:    fmt.Sprintf("write %s: %s, or put TOML between +++ lines instead of ---", m[2], strings.TrimSpace(m[3]))}
}

var yamlQuotedRE = regexp.MustCompile(`^(\s*(?:- )?[^\s:#"']+:\s+|\s*- )(["'])`)

// yamlFirstOpenQuote returns the first quote of lines still open on the
// last of them, where the parser stopped. A quoted text may run over
// several lines, so a quote left open on its own line is only a slip if it
// never closes: the parser notices the missing quote at the end.
func yamlFirstOpenQuote(lines []string, firstLine int) *ParseError {
	for i := 0; i < len(lines); i++ {
		e, q := yamlOpenQuote(lines[i], firstLine+i)
		if e == nil {
			continue
		}
		closed := false
		for j := i + 1; j < len(lines) && !closed; j++ {
			if closed = indexClosingQuote(lines[j], q) >= 0; closed {
				i = j
			}
		}
		if !closed {
			return e
		}
	}
	return nil
}

// indexClosingQuote returns where the quote q closes in s, a line inside
// a quoted text, or -1.
func indexClosingQuote(s string, q byte) int {
	for i := 0; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case q == '\'' && strings.HasPrefix(s[i:], "''"):
			i++
		case s[i] == q:
			return i
		}
	}
	return -1
}

// yamlOpenQuote reports a value that opens a quote and does not close it
// on its line, and the quote.
func yamlOpenQuote(line string, n int) (*ParseError, byte) {
	m := yamlQuotedRE.FindStringSubmatchIndex(line)
	if m == nil {
		return nil, 0
	}
	q := line[m[4]]
	rest := line[m[5]:]
	if q == '"' {
		rest = strings.ReplaceAll(rest, `\\`, "")
		rest = strings.ReplaceAll(rest, `\"`, "")
	} else {
		rest = strings.ReplaceAll(rest, "''", "")
	}
	if strings.IndexByte(rest, q) >= 0 {
		return nil, 0
	}
	return &ParseError{Pos: diag.Pos{Line: n, Col: utf8.RuneCountInString(line[:m[4]]) + 1},
		Message: "this text has no closing quote",
		Hint:    fmt.Sprintf("end it with %c on the same line", q)}, q
}
