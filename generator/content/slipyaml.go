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
	}
	if strings.Contains(msg, "could not find expected ':'") {
		for i := at; i >= 0 && i >= at-1; i-- {
			if e := yamlEquals(lines[i], firstLine+i); e != nil {
				return e
			}
		}
	}
	if strings.Contains(msg, "unexpected end of stream") || strings.Contains(msg, "did not find expected") {
		// A quoted text may run over several lines, so the parser only
		// notices at the end: the culprit is the first quote left open.
		for i := 0; i <= at; i++ {
			if e := yamlOpenQuote(lines[i], firstLine+i); e != nil {
				return e
			}
		}
	}
	return nil
}

// yamlTab finds the tab in the indentation of line at, of the line below
// (the parser may stop at the line a tab continues) or of the nearest line
// above.
func yamlTab(lines []string, firstLine, at int) *ParseError {
	order := []int{at}
	if at+1 < len(lines) {
		order = append(order, at+1)
	}
	for i := at - 1; i >= 0; i-- {
		order = append(order, i)
	}
	for _, i := range order {
		indent := lines[i][:len(lines[i])-len(strings.TrimLeft(lines[i], " \t"))]
		if j := strings.IndexByte(indent, '\t'); j >= 0 {
			p := diag.Pos{Line: firstLine + i, Col: j + 1}
			return &ParseError{Pos: p, Message: "a tab indents this line, but YAML indents with spaces only",
				Hint: fmt.Sprintf("replace the tab at %d:%d with spaces", p.Line, p.Col)}
		}
	}
	return nil
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

// yamlOpenQuote reports a value that opens a quote and does not close it
// on its line.
func yamlOpenQuote(line string, n int) *ParseError {
	m := yamlQuotedRE.FindStringSubmatchIndex(line)
	if m == nil {
		return nil
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
		return nil
	}
	return &ParseError{Pos: diag.Pos{Line: n, Col: utf8.RuneCountInString(line[:m[4]]) + 1},
		Message: "this text has no closing quote",
		Hint:    fmt.Sprintf("end it with %c on the same line", q)}
}
