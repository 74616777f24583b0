package publish

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2/buffer"
)

// Minifier shrinks HTML, CSS, JavaScript, SVG, XML and JSON output. One
// Minifier is built per build and is safe for concurrent use.
type Minifier struct {
	m    *minify.M
	bufs sync.Pool // of *scratch
}

// scratch is the reusable memory of one Minify call.
type scratch struct {
	in  []byte
	out bytes.Buffer
}

// htmlOptions are the settings of the HTML minifier; see NewMinifier.
func htmlOptions() html.Minifier {
	return html.Minifier{
		// Dropping <html>, <head> and <body> is valid, but a body that starts
		// with a script, style, link, meta or template element would then be
		// parsed into <head>, changing the page; keep them.
		KeepDocumentTags: true,
		// Omitting optional end tags (</p>, </li>, </td>) is valid HTML5,
		// but it saves a few percent only, before compression, and makes
		// output harder for tools and tests that read pages; keep them.
		KeepEndTags: true,
		// Unquoted attribute values are valid HTML5; the minifier keeps
		// quotes wherever a value needs them (spaces, =, quotes, backticks).
		KeepQuotes: false,
		// Leave default attribute values in place: removing them is valid,
		// but a selector like [type=text] in the theme's CSS would stop
		// matching.
		KeepDefaultAttrVals: true,
	}
}

// NewMinifier returns a Minifier whose HTML output stays valid HTML5.
func NewMinifier() *Minifier {
	m := minify.New()
	page := htmlOptions()
	m.Add("text/html", &page)
	// Templates keep their {{ actions }} as they are.
	tmpl := htmlOptions()
	tmpl.TemplateDelims = html.GoTemplateDelims
	m.Add(templateType, &tmpl)
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("text/xml", xml.Minify)
	m.AddFunc("application/json", json.Minify)
	// JSON embedded in pages, such as <script type="application/ld+json">.
	m.AddFuncRegexp(regexp.MustCompile(`^application/([a-z.+-]+\+)?json$`), json.Minify)
	return &Minifier{m: m, bufs: sync.Pool{New: func() any { return new(scratch) }}}
}

// Minify returns data minified according to the extension of path (.html,
// .htm, .css, .js, .mjs, .svg, .xml, .json). Data of other files is returned
// as is. The result never shares memory with data unless it is data itself.
func (m *Minifier) Minify(p string, data []byte) ([]byte, error) {
	media := mediaType(p)
	if media == "" {
		return data, nil
	}
	return m.minify(media, p, data)
}

// minify minifies data as media; p names it in errors.
func (m *Minifier) minify(media, p string, data []byte) ([]byte, error) {
	var out []byte
	err := m.minified(media, p, data, func(b []byte) { out = bytes.Clone(b) })
	return out, err
}

// minified minifies data as media and hands the result to use, which must
// copy what it keeps: the bytes are reused once it returns.
func (m *Minifier) minified(media, p string, data []byte, use func([]byte)) error {
	s := m.bufs.Get().(*scratch)
	defer m.bufs.Put(s)
	// The parser writes a NUL just past the end of its input, so it gets a
	// private copy with room for it rather than the caller's slice, which may
	// share memory with other files being minified at the same time.
	if cap(s.in) < len(data)+1 {
		s.in = make([]byte, 0, len(data)+len(data)/4+1)
	}
	s.in = append(s.in[:0], data...)
	s.out.Reset()
	if err := m.m.Minify(media, &s.out, buffer.NewReader(s.in)); err != nil {
		return fmt.Errorf("minify %s: %w", p, err)
	}
	use(s.out.Bytes())
	return nil
}

// templateType is the media type under which Go HTML templates are minified.
const templateType = "text/x-go-template+html"

// MinifyTemplate minifies the source of a Go html/template, keeping its
// actions intact.
func (m *Minifier) MinifyTemplate(src []byte) ([]byte, error) {
	return m.minify(templateType, "template", src)
}

// MinifyHTML minifies a fragment of HTML, such as a rendered Markdown body,
// into a string: what a page's template takes.
func (m *Minifier) MinifyHTML(src []byte) (string, error) {
	var out string
	err := m.minified("text/html", "fragment", src, func(b []byte) { out = string(b) })
	return out, err
}

// mediaType returns the media type minified for path's extension, or "".
func mediaType(p string) string {
	switch strings.ToLower(path.Ext(p)) {
	case ".html", ".htm":
		return "text/html"
	case ".css":
		return "text/css"
	case ".js", ".mjs":
		return "application/javascript"
	case ".svg":
		return "image/svg+xml"
	case ".xml":
		return "text/xml"
	case ".json":
		return "application/json"
	}
	return ""
}
