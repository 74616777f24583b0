package content

import (
	"net/url"
	"strings"
	"unicode"
)

// ValidID reports whether id can name an entity: letters of any script,
// digits, "-" and "_", and nothing else.
func ValidID(id string) bool {
	if id == "" {
		return false
	}
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' {
			return false
		}
	}
	return true
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
