package content

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ValidID reports whether id can name an entity: letters of any script,
// the marks that complete them, digits, "-" and "_", and nothing else.
func ValidID(id string) bool {
	if id == "" {
		return false
	}
	for i, r := range id {
		if !idRune(r, i > 0) {
			return false
		}
	}
	return true
}

// idRune reports whether r may be part of an id; a combining mark may
// follow another character but cannot start one. Characters that show
// nothing (variation selectors, the grapheme joiner, and the Hangul
// fillers, which Unicode counts as letters) are refused: they would make
// an id that looks like another.
func idRune(r rune, follows bool) bool {
	if unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) || unicode.Is(unicode.Variation_Selector, r) {
		return false
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' {
		return true
	}
	return follows && unicode.IsMark(r)
}

// NormalID returns id in Unicode normal form C, the form every id and
// reference is compared in: a name typed or stored decomposed (NFD, as
// some systems write file names) is the same id as its composed form.
func NormalID(id string) string { return norm.NFC.String(id) }

// IDKey returns the form under which two ids count as the same page or as
// likely duplicates: composed (NFC), lower case, and with the letters of
// Cyrillic and Greek that look like Latin ones replaced by those.
func IDKey(id string) string {
	return strings.Map(func(r rune) rune {
		if l, ok := lookAlikes[r]; ok {
			return l
		}
		return r
	}, strings.ToLower(NormalID(id)))
}

// LookAlike says, for a message, which letter of a tells it from b when
// the two have the same IDKey but differ by more than case and Unicode
// form: "its "е" is Cyrillic where "site" has Latin "e"". It returns ""
// when they differ only in case or form.
func LookAlike(a, b string) string {
	ra, rb := []rune(strings.ToLower(NormalID(a))), []rune(strings.ToLower(NormalID(b)))
	for i := range min(len(ra), len(rb)) {
		if ra[i] != rb[i] {
			return fmt.Sprintf("its %q is %s where %q has %s %q", string(ra[i]), script(ra[i]), b, script(rb[i]), string(rb[i]))
		}
	}
	return ""
}

// Clash says how id resembles other when the two count as the same id
// (see IDKey): "the same id", "the same id in other case", "the same id
// in another Unicode form" or the letter that makes them look-alikes. It
// returns "" when they do not clash.
func Clash(id, other string) string {
	switch {
	case IDKey(id) != IDKey(other):
		return ""
	case id == other:
		return "the same id"
	case strings.EqualFold(id, other):
		return "the same id in other case"
	case strings.EqualFold(NormalID(id), NormalID(other)):
		return "the same id in another Unicode form"
	}
	return "a look-alike: " + LookAlike(id, other)
}

// script names the script of a letter, for messages about look-alikes.
func script(r rune) string {
	for _, s := range []struct {
		name  string
		table *unicode.RangeTable
	}{{"Latin", unicode.Latin}, {"Cyrillic", unicode.Cyrillic}, {"Greek", unicode.Greek}} {
		if unicode.Is(s.table, r) {
			return s.name
		}
	}
	return "another character"
}

// lookAlikes maps lower-case Cyrillic and Greek letters to the Latin
// letters they cannot be told from in most fonts, including the lower case
// of capitals that look alike (Cyrillic "В" → "в" → "b"). A small hand
// table of the common confusables, not Unicode's full list.
var lookAlikes = map[rune]rune{
	// Cyrillic
	'а': 'a', 'в': 'b', 'с': 'c', 'ԁ': 'd', 'е': 'e', 'һ': 'h', 'н': 'h', 'і': 'i', 'ј': 'j', 'к': 'k',
	'ӏ': 'l', 'м': 'm', 'о': 'o', 'р': 'p', 'ԛ': 'q', 'ѕ': 's', 'т': 't', 'у': 'y', 'ү': 'y', 'ԝ': 'w', 'х': 'x',
	// Greek
	'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'h', 'ι': 'i', 'κ': 'k', 'μ': 'm', 'ν': 'v', 'ο': 'o', 'ρ': 'p',
	'τ': 't', 'υ': 'u', 'χ': 'x', 'ζ': 'z',
}

// SafeURL reports whether a link written in content may be published as a
// link: http, https, mailto and tel links, and links without a scheme
// (relative paths and fragments). Schemes that run code or embed content,
// such as javascript: and data:, are refused, also when disguised with
// case, spaces, control characters or percent-encoding.
func SafeURL(raw string) bool {
	s := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1 // browsers drop these before reading the scheme
		}
		return r
	}, raw)
	if u, err := url.PathUnescape(s); err == nil && strings.ContainsRune(u, ':') && !strings.ContainsRune(s, ':') {
		return false
	}
	i := strings.IndexAny(s, ":/?#")
	if i < 0 || s[i] != ':' {
		return true
	}
	switch strings.ToLower(s[:i]) {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}
