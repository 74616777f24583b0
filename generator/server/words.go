package server

import (
	"html"
	"slices"
	"strings"

	"github.com/cxatlas/cxatlas/generator/i18n"
)

// words are what the server itself shows a reader, from the portal's
// message catalogue: the attributes that give live.js the words of its
// overlay, and the page served before the first good build.
type words struct {
	// attrs are the data-* attributes of the live-reload script tag, each
	// with a leading space.
	attrs string
	// placeholder is the page for a missing page when there is no 404.html.
	placeholder string
}

// SetMessages has the server take the words it shows from cat: the
// overlay that lists a failed build's problems, and the page served before
// the first build. Until it is called, those words are English.
func (h *Handler) SetMessages(cat *i18n.Catalogue) {
	w := newWords(cat)
	h.update(func(st *state) { st.words = w })
}

func newWords(cat *i18n.Catalogue) *words {
	var b strings.Builder
	attr := func(name, value string) {
		b.WriteString(" data-" + name + `="` + html.EscapeString(value) + `"`)
	}
	attr("lang", cat.Lang())
	attr("failed", cat.T("live.failed"))
	attr("dismiss", cat.T("live.dismiss"))
	forms := cat.PluralForms("live.errors")
	names := make([]string, 0, len(forms))
	for name := range forms {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		attr("errors-"+name, forms[name])
	}
	esc := html.EscapeString
	page := `<!doctype html>
<html lang="` + esc(cat.Lang()) + `">
<meta charset="utf-8">
<title>` + esc(cat.T("live.not_found")) + `</title>
<body>
<h1>` + esc(cat.T("live.not_found")) + `</h1>
<p>` + esc(cat.T("live.not_built")) + `</p>
</body>
</html>
`
	return &words{attrs: b.String(), placeholder: page}
}
