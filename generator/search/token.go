package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Words splits text into words and folds each: Unicode normal form C, lower
// case, "ё" read as "е" and the typographic apostrophe read as "'". A word
// is a run of letters, combining marks and digits, after the core rules of
// Unicode word segmentation (UAX #29): an apostrophe between two letters
// stays inside the word ("customer's"), a full stop or comma between two
// digits too ("4,000", "1.5"); every other character ends a word. The
// browser splits a query by the same rule (see docs/search.md).
func Words(text string) []string {
	text = Fold(text)
	var words []string
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && joins(text, i, r) {
			continue
		}
		if start >= 0 {
			words = append(words, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, text[start:])
	}
	return words
}

// Fold returns text in normal form C, lower case, with "ё" as "е" and "’"
// as "'", the form in which words are indexed and looked up.
func Fold(text string) string {
	text = norm.NFC.String(text)
	return strings.Map(func(r rune) rune {
		r = unicode.ToLower(r)
		switch r {
		case 'ё':
			return 'е'
		case '’':
			return '\''
		}
		return r
	}, text)
}

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// joins reports whether the separator r at byte i of text stays inside the
// word around it: an apostrophe between letters, a full stop or comma
// between digits.
func joins(text string, i int, r rune) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
	switch r {
	case '\'':
		return unicode.IsLetter(before) && unicode.IsLetter(after)
	case '.', ',':
		return unicode.IsDigit(before) && unicode.IsDigit(after)
	}
	return false
}
