package search

import (
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
)

// stemmer stems folded words with the Snowball stemmer of their script,
// remembering each word it has seen: a portal repeats its words many times.
type stemmer struct {
	seen map[string]string
}

func newStemmer() *stemmer { return &stemmer{seen: make(map[string]string)} }

// Stem returns the stem of the folded word w, or "" for a stop word (a
// word too common to find anything by, such as "the" or "и"). Cyrillic
// words take the Russian stemmer, Latin ones the English; others, and
// numbers, are their own stem.
func (s *stemmer) Stem(w string) string {
	if st, ok := s.seen[w]; ok {
		return st
	}
	st := Stem(w)
	s.seen[w] = st
	return st
}

// Stem returns the stem of the folded word w, or "" for a stop word; see
// stemmer.Stem.
func Stem(w string) string {
	switch script(w) {
	case unicode.Cyrillic:
		if russian.IsStopWord(w) {
			return ""
		}
		return russian.Stem(w, true)
	case unicode.Latin:
		if english.IsStopWord(w) {
			return ""
		}
		return english.Stem(w, true)
	}
	return w
}

// script returns the script of w's first letter: unicode.Cyrillic,
// unicode.Latin, or nil when w has neither first.
func script(w string) *unicode.RangeTable {
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			return unicode.Cyrillic
		case unicode.Is(unicode.Latin, r):
			return unicode.Latin
		case unicode.IsLetter(r):
			return nil
		}
	}
	return nil
}

// commonPrefix returns the longest common prefix of a and b, in whole
// runes.
func commonPrefix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) {
		ra, size := utf8.DecodeRuneInString(a[n:])
		if rb, _ := utf8.DecodeRuneInString(b[n:]); rb != ra {
			break
		}
		n += size
	}
	return a[:n]
}
