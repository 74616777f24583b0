package render

import (
	"fmt"
	"html/template"
	"regexp"
	"strings"
	"time"

	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/site"
)

// How days are written in datetime attributes.
const isoDateLayout = "2006-01-02"

// funcs are the helpers templates may call: words from the catalogue and
// formatting only; anything computed from the model is computed in Go
// before the template runs.
func funcs(w *words) template.FuncMap {
	cat := w.cat
	return template.FuncMap{
		"T":       func(key string, args ...any) template.HTML { return message(cat, key, args) },
		"plural":  func(key string, n int, args ...any) template.HTML { return pluralMessage(cat, key, n, args) },
		"emotion": w.emotion,
		"mean":    w.mean,
		"num":     cat.Int,
		"date":    w.date,
		"isodate": func(t time.Time) string { return t.Format(isoDateLayout) },
		"add":     func(a, b int) int { return a + b },
		"owner":   w.owner,
		"mode":    w.mode,
		"sev":     func(s site.Severity) template.HTML { return template.HTML(w.sevBadge(s)) },
		"stale":   func(p *site.Persona) template.HTML { return template.HTML(w.staleBadge(p)) },
	}
}

// message is the catalogue message key as HTML, its placeholders filled
// from args: pairs of a name and a value. Values are escaped unless they
// are HTML already; messages are escaped unless their key ends in "_html",
// the messages that hold markup of their own.
func message(cat *i18n.Catalogue, key string, args []any) template.HTML {
	msg := cat.T(key)
	if !strings.HasSuffix(key, "_html") {
		msg = escapeText(msg)
	}
	return template.HTML(i18n.Fill(msg, htmlArgs(cat, args)))
}

// pluralMessage is the plural message key for n as HTML; see message.
func pluralMessage(cat *i18n.Catalogue, key string, n int, args []any) template.HTML {
	return template.HTML(i18n.Fill(escapeText(cat.Plural(key, n)), htmlArgs(cat, args)))
}

// plainCall matches a call of T with a message key and nothing else.
var plainCall = regexp.MustCompile(`\{\{T "([a-z0-9_.]+)"\}\}`)

// inlineMessages writes the message of each {{T "key"}} of a template's
// source into the source, as if the theme had written it there: those
// messages do not change from page to page, and a portal renders the
// layout and the partials tens of thousands of times. A message is written
// in as text, escaped for a text node or a quoted attribute, unless its key
// ends in _html. Calls with placeholders stay calls.
func inlineMessages(src []byte, cat *i18n.Catalogue) []byte {
	return plainCall.ReplaceAllFunc(src, func(call []byte) []byte {
		key := string(plainCall.FindSubmatch(call)[1])
		if !cat.Has(key) {
			return call // the call shows the key, as a missing message does
		}
		msg := cat.T(key)
		if !strings.HasSuffix(key, "_html") {
			// Text, escaped as html/template escapes a value: it may land
			// in a text node or in an attribute quoted with " or '.
			msg = argEscaper.Replace(msg)
		}
		// Template delimiters in a message are text, not actions.
		msg = strings.ReplaceAll(msg, "{{", `{{"{{"}}`)
		return []byte(msg)
	})
}

// htmlArgs turns the placeholder values a template passes into HTML.
func htmlArgs(cat *i18n.Catalogue, args []any) []string {
	out := make([]string, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case template.HTML:
			out[i] = string(a)
		case string:
			out[i] = argEscaper.Replace(a)
		case int:
			out[i] = cat.Int(a)
		default:
			out[i] = argEscaper.Replace(fmt.Sprint(a))
		}
	}
	return out
}

// escapeText escapes the characters that start markup in an HTML text
// node, and leaves quotes as they are: messages are written between tags.
func escapeText(s string) string {
	if !strings.ContainsAny(s, "&<>") {
		return s
	}
	return textEscaper.Replace(s)
}

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// argEscaper escapes a placeholder's value as html/template escapes a
// value in a text node or a quoted attribute, so that a message writes
// what the template wrote before it.
var argEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")
