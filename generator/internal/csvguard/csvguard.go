// Package csvguard keeps spreadsheet programs from reading the text of a
// CSV cell as a formula, and takes that guard off again: the exports of a
// portal write cells with Guard, and the importer reads them with
// Unguard, so a map comes back as it went out.
package csvguard

import "strings"

// Needs reports whether cell s would start a formula in a spreadsheet
// program (=, +, -, @, a tab or a carriage return first), or already
// starts with apostrophes followed by one of those: such text gets one
// more apostrophe, so that the guard can always be taken off again.
func Needs(s string) bool {
	s = strings.TrimLeft(s, "'")
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// Guard puts an apostrophe before s when Needs says so, as OWASP
// recommends against CSV injection.
func Guard(s string) string {
	if Needs(s) {
		return "'" + s
	}
	return s
}

// Unguard takes off the apostrophe Guard puts before text: it drops the
// first character of a cell that matches ^'+[=+\-@\t\r].
func Unguard(s string) string {
	if len(s) > 1 && s[0] == '\'' && Needs(s[1:]) {
		return s[1:]
	}
	return s
}
