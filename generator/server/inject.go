package server

import (
	"bytes"
	"html"
	"slices"
)

// snippet is the tag that loads the live-reload script into a page built as
// build; attrs are the data-* attributes that give the script its words.
func snippet(build, attrs string) []byte {
	return []byte(`<script src="` + scriptPath + `" data-build="` + html.EscapeString(build) + `"` + attrs + `></script>`)
}

// inject returns a copy of page with tag inserted before its last </body>
// tag, or appended when it has none, which browsers read the same way.
func inject(page, tag []byte) []byte {
	at := lastBodyEnd(page)
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:at]...)
	out = append(out, tag...)
	return append(out, page[at:]...)
}

// lastBodyEnd returns the index of the last "</body" tag in page, in any
// case, or -1.
func lastBodyEnd(page []byte) int {
	const end = "</body"
	for i := len(page) - len(end); i >= 0; i-- {
		if page[i] != '<' || !bytes.EqualFold(page[i:i+len(end)], []byte(end)) {
			continue
		}
		// "</bodyx" is another tag.
		if j := i + len(end); j == len(page) || slices.Contains([]byte(">/ \t\r\n\f"), page[j]) {
			return i
		}
	}
	return -1
}
