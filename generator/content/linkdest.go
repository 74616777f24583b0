package content

import (
	"html"
	"net/url"
	"path"
	"strconv"
	"strings"
)

// unsafeLinkMessage says why a Markdown link destination is removed, or
// returns "" when it may stay. A browser reads a destination after
// resolving character references (&#x61; is "a"), dropping spaces and
// control characters and, for some schemes, percent-decoding; a
// destination that only shows its scheme after that is named for what it
// is, so that the writer sees why it goes.
func unsafeLinkMessage(dest string) string {
	resolved := html.UnescapeString(dest)
	if SafeURL(dest) && SafeURL(resolved) {
		return ""
	}
	q := strconv.Quote(clip(dest, 60))
	if scheme := revealedScheme(resolved); scheme != "" && !strings.HasPrefix(strings.ToLower(dest), scheme+":") {
		return "link " + q + " is a " + scheme + ": link in disguise (a browser reads " + strconv.Quote(clip(scheme+":"+afterColon(resolved), 60)) +
			"); its link is removed"
	}
	return "link " + q + " is not http, https, mailto or a page of the portal; its link is removed"
}

// revealedScheme returns the lower-case scheme a browser would see in s,
// or "".
func revealedScheme(s string) string {
	s = strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, s)
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	i := strings.IndexByte(s, ':')
	if i <= 0 || !hasScheme(s) {
		return ""
	}
	return strings.ToLower(s[:i])
}

func afterColon(s string) string {
	_, after, _ := strings.Cut(s, ":")
	return after
}

// decodeLinkPath resolves the character references and percent-escapes
// of a link path (the portal itself writes the URLs of non-Latin ids
// percent-encoded), as a browser does before it asks for the page.
func decodeLinkPath(p string) string {
	if strings.ContainsRune(p, '&') {
		p = html.UnescapeString(p)
	}
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	return p
}

// linkTarget turns the decoded path of an internal link written on a page
// in dir into the path from the portal root that pages are published
// under: dot segments resolved after decoding (%2e%2e is "..") and the
// Unicode form composed, as ids are.
func linkTarget(dir, decoded string) string {
	var p string
	if strings.HasPrefix(decoded, "/") {
		p = strings.TrimPrefix(path.Clean(decoded), "/")
	} else {
		p = path.Join(dir, decoded)
	}
	if p == "." {
		p = ""
	}
	return NormalID(p)
}
