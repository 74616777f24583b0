// Package htmltest reads the tags of generated pages for tests: a small
// scanner that knows where tags, attribute values, comments and raw-text
// elements begin and end, so tests can assert on what a browser would
// execute rather than on text that merely looks like markup.
package htmltest

import (
	"html"
	"strings"
)

// Tag is one start tag of a page.
type Tag struct {
	Name  string
	Attrs []Attr
}

// Attr is one attribute, its value unescaped.
type Attr struct {
	Name  string
	Value string
}

// Tags returns the start tags of an HTML document in order. Comments,
// the doctype, end tags and the contents of <style>, <script>, <textarea>
// and <title> (raw or escapable raw text) are skipped as a browser would.
func Tags(doc string) []Tag {
	var tags []Tag
	lower := strings.ToLower(doc)
	for i := 0; i < len(doc); {
		j := strings.IndexByte(doc[i:], '<')
		if j < 0 {
			break
		}
		i += j
		switch {
		case strings.HasPrefix(doc[i:], "<!--"):
			end := strings.Index(doc[i+4:], "-->")
			if end < 0 {
				return tags
			}
			i += 4 + end + 3
			continue
		case strings.HasPrefix(doc[i:], "<!") || strings.HasPrefix(doc[i:], "<?") || strings.HasPrefix(doc[i:], "</"):
			end := strings.IndexByte(doc[i:], '>')
			if end < 0 {
				return tags
			}
			i += end + 1
			continue
		}
		if i+1 >= len(doc) || !isLetter(doc[i+1]) {
			i++
			continue
		}
		t, next := readTag(doc, i+1)
		tags = append(tags, t)
		i = next
		switch t.Name {
		case "style", "script", "textarea", "title":
			end := strings.Index(lower[i:], "</"+t.Name)
			if end < 0 {
				return tags
			}
			i += end
		}
	}
	return tags
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// readTag reads a start tag from its name at i and returns the index after
// its closing '>'.
func readTag(doc string, i int) (Tag, int) {
	start := i
	for i < len(doc) && !isSpace(doc[i]) && doc[i] != '>' && doc[i] != '/' {
		i++
	}
	t := Tag{Name: strings.ToLower(doc[start:i])}
	for i < len(doc) {
		for i < len(doc) && (isSpace(doc[i]) || doc[i] == '/') {
			i++
		}
		if i >= len(doc) || doc[i] == '>' {
			return t, i + 1
		}
		ns := i
		for i < len(doc) && !isSpace(doc[i]) && doc[i] != '=' && doc[i] != '>' && doc[i] != '/' {
			i++
		}
		a := Attr{Name: strings.ToLower(doc[ns:i])}
		for i < len(doc) && isSpace(doc[i]) {
			i++
		}
		if i < len(doc) && doc[i] == '=' {
			i++
			for i < len(doc) && isSpace(doc[i]) {
				i++
			}
			if i < len(doc) && (doc[i] == '"' || doc[i] == '\'') {
				q := doc[i]
				end := strings.IndexByte(doc[i+1:], q)
				if end < 0 {
					end = len(doc) - i - 1
				}
				a.Value = html.UnescapeString(doc[i+1 : i+1+end])
				i += end + 2
			} else {
				vs := i
				for i < len(doc) && !isSpace(doc[i]) && doc[i] != '>' {
					i++
				}
				a.Value = html.UnescapeString(doc[vs:i])
			}
		}
		t.Attrs = append(t.Attrs, a)
	}
	return t, len(doc)
}

// URLAttr reports whether an attribute holds a URL a browser follows or
// loads.
func URLAttr(name string) bool {
	switch name {
	case "href", "src", "xlink:href", "action", "formaction", "poster", "data", "srcset":
		return true
	}
	return false
}

// Problems lists what in doc could run script: script elements other
// than the theme's own, event handler attributes, and URL attributes that
// unsafe reports as unsafe.
func Problems(doc string, unsafe func(url string) bool) []string {
	var out []string
	for _, t := range Tags(doc) {
		if t.Name == "script" && !themeScript(t) {
			out = append(out, "a <script> element")
		}
		for _, a := range t.Attrs {
			switch {
			case strings.HasPrefix(a.Name, "on"):
				out = append(out, "event handler "+a.Name+" on <"+t.Name+">")
			case URLAttr(a.Name) && unsafe(a.Value):
				out = append(out, "unsafe "+a.Name+" "+a.Value+" on <"+t.Name+">")
			}
		}
	}
	return out
}

// themeScript says whether t loads one of the theme's scripts: only a
// deferred src of the form "../static/name.js", nothing a writer could
// have put there.
func themeScript(t Tag) bool {
	src, deferred := "", false
	for _, a := range t.Attrs {
		switch a.Name {
		case "src":
			src = a.Value
		case "defer":
			deferred = true
		default:
			return false
		}
	}
	for strings.HasPrefix(src, "../") {
		src = src[len("../"):]
	}
	name, ok := strings.CutPrefix(src, "static/")
	name, js := strings.CutSuffix(name, ".js")
	if !deferred || !ok || !js || name == "" {
		return false
	}
	for _, c := range name {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
