package render

import (
	"html/template"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cxatlas/cxatlas/generator/render/chart"
	"github.com/cxatlas/cxatlas/generator/site"
)

// How dates are shown, and written in datetime attributes.
const (
	dateLayout    = "2 January 2006"
	isoDateLayout = "2006-01-02"
)

// funcs are the helpers templates may call: formatting only; anything
// computed from the model is computed in Go before the template runs.
func funcs() template.FuncMap {
	return template.FuncMap{
		"emotion": chart.FormatEmotion,
		"mean":    chart.FormatMean,
		"upper":   capitalise,
		"plural":  plural,
		"date":    func(t time.Time) string { return t.Format(dateLayout) },
		"isodate": func(t time.Time) string { return t.Format(isoDateLayout) },
		"add":     func(a, b int) int { return a + b },
		"owner":   ownerName,
		"sev":     func(s site.Severity) template.HTML { return template.HTML(sevBadge(s)) },
		"stale":   func(p *site.Persona) template.HTML { return template.HTML(staleBadge(p)) },
	}
}

// capitalise upper-cases the first letter of s: "high" becomes "High".
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// plural writes a count with its noun: "1 step", "3 steps".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// ownerName is the name an owner is shown under.
func ownerName(name string) string {
	if name == "" {
		return "No owner"
	}
	return name
}
