package content

import (
	"bytes"
	"html/template"
	"net/url"
	"path"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/cxatlas/cxatlas/generator/diag"
)

// Markdown converts document bodies to HTML: CommonMark with GFM tables,
// strikethrough, autolinks and task lists. Raw HTML is shown as text unless
// unsafe is set; links with schemes other than http, https, mailto and tel
// lose their link; links from the portal root ("/stages/buy/") are made
// relative to the page; headings move one level down, below the page title.
// A Markdown is safe for concurrent use.
type Markdown struct {
	md     goldmark.Markdown
	unsafe bool
	bufs   sync.Pool
	// minify, when set, minifies the HTML of every body.
	minify func([]byte) (string, error)
}

// NewMarkdown returns a converter; unsafe lets raw HTML through.
func NewMarkdown(unsafe bool) *Markdown {
	m := &Markdown{unsafe: unsafe}
	rendererOpts := []renderer.Option{
		renderer.WithNodeRenderers(util.Prioritized(&rawHTMLRenderer{unsafe: unsafe}, 100), util.Prioritized(taskCheckBoxRenderer{}, 100)),
	}
	if unsafe {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	m.md = goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(linkTransformer{}, 100))),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	m.bufs.New = func() any { return new(htmlBuffer) }
	return m
}

// pageInfo tells the transformer where the page will be published.
type pageInfo struct {
	// dir is the page's folder from the portal root, "personas/x/" or "".
	dir string
	// lines locates byte offsets of the body in the file.
	lines lineIndex
	links []Link
	warns []bodyWarning
}

type bodyWarning struct {
	pos diag.Pos
	msg string
}

var pageInfoKey = parser.NewContextKey()

// Convert renders body for a page published in folder dir ("" for the
// portal root, "personas/x/" for a persona). bodyLine is the line of the
// file on which body starts. It returns the HTML and the links to portal
// pages found in it.
func (m *Markdown) Convert(body []byte, dir string, bodyLine int) (template.HTML, []Link, []bodyWarning, error) {
	info := &pageInfo{dir: dir, lines: lineIndex{src: body, first: bodyLine}}
	ctx := parser.NewContext()
	ctx.Set(pageInfoKey, info)
	buf := m.bufs.Get().(*htmlBuffer)
	buf.Reset()
	defer m.bufs.Put(buf)
	if err := m.md.Convert(body, buf, parser.WithContext(ctx)); err != nil {
		return "", nil, nil, err
	}
	// The renderer escapes text and vets every URL; this is its output.
	if m.minify == nil {
		return template.HTML(buf.Bytes()), info.links, info.warns, nil
	}
	out, err := m.minify(buf.Bytes())
	if err != nil {
		return "", nil, nil, err
	}
	return template.HTML(out), info.links, info.warns, nil
}

// htmlBuffer is a bytes.Buffer that goldmark writes into directly: given a
// writer that is not a util.BufWriter, it wraps it in a new 4 KB
// bufio.Writer on every Convert.
type htmlBuffer struct{ bytes.Buffer }

// Buffered implements util.BufWriter: nothing waits to be written.
func (*htmlBuffer) Buffered() int { return 0 }

// Flush implements util.BufWriter: nothing waits to be written.
func (*htmlBuffer) Flush() error { return nil }

// lineIndex turns byte offsets of src, which starts on line first of its
// file, into positions.
type lineIndex struct {
	src   []byte
	first int
	// starts holds the offsets at which lines start, found on first use:
	// most bodies have no link to locate.
	starts []int
}

func (li *lineIndex) pos(off int) diag.Pos {
	if li.starts == nil {
		li.starts = make([]int, 1, 1+bytes.Count(li.src, []byte("\n")))
		for i, c := range li.src {
			if c == '\n' {
				li.starts = append(li.starts, i+1)
			}
		}
	}
	lo, hi := 0, len(li.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if li.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	col := 1 + utf8.RuneCount(li.src[li.starts[lo]:min(off, len(li.src))])
	return diag.Pos{Line: li.first + lo, Col: col}
}

type linkTransformer struct{}

// Transform vets links, rewrites root-relative ones and shifts headings.
func (linkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	info, _ := pc.Get(pageInfoKey).(*pageInfo)
	if info == nil {
		return
	}
	src := reader.Source()
	var unwrap []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(n.Level+1, 6)
		case *ast.Link:
			if !info.vet(n, string(n.Destination), src, &n.Destination) {
				unwrap = append(unwrap, n)
			}
		case *ast.Image:
			if !info.vet(n, string(n.Destination), src, &n.Destination) {
				unwrap = append(unwrap, n)
			}
		case *ast.AutoLink:
			if !SafeURL(string(n.URL(src))) {
				unwrap = append(unwrap, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unwrap {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		if al, ok := n.(*ast.AutoLink); ok {
			parent.ReplaceChild(parent, n, ast.NewString(al.Label(src)))
			continue
		}
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// vet checks one link destination: unsafe ones are reported and dropped,
// root-relative ones rewritten relative to the page, internal ones recorded.
func (info *pageInfo) vet(n ast.Node, dest string, src []byte, out *[]byte) bool {
	pos := info.nodePos(n, src)
	if msg := unsafeLinkMessage(dest); msg != "" {
		info.warns = append(info.warns, bodyWarning{pos, msg})
		return false
	}
	if hasScheme(dest) || strings.HasPrefix(dest, "//") || strings.HasPrefix(dest, "#") || dest == "" {
		return true
	}
	target, rest := dest, ""
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		target, rest = dest[:i], dest[i:]
	}
	decoded := decodeLinkPath(target)
	if composed := NormalID(decoded); composed != decoded {
		// pages are published under composed ids
		target = (&url.URL{Path: composed}).EscapedPath()
		*out = []byte(target + rest)
	}
	if strings.HasPrefix(target, "/") {
		fromRoot := strings.TrimPrefix(path.Clean(target), "/")
		rel := strings.Repeat("../", strings.Count(info.dir, "/")) + fromRoot
		if strings.HasSuffix(target, "/") && fromRoot != "" {
			rel += "/"
		}
		if rel == "" {
			rel = "./"
		}
		*out = []byte(rel + rest)
	}
	info.links = append(info.links, Link{Target: linkTarget(info.dir, decoded), Pos: pos})
	return true
}

func (info *pageInfo) nodePos(n ast.Node, src []byte) diag.Pos {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return info.lines.pos(t.Segment.Start)
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return info.lines.pos(p.Lines().At(0).Start)
		}
	}
	return diag.Pos{Line: info.lines.first, Col: 1}
}

// rawHTMLRenderer shows raw HTML as text unless unsafe is set.
type rawHTMLRenderer struct {
	unsafe bool
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *rawHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	if r.unsafe {
		return
	}
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		segs := n.(*ast.RawHTML).Segments
		for i := 0; i < segs.Len(); i++ {
			seg := segs.At(i)
			_, _ = w.Write(util.EscapeHTML(seg.Value(src)))
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		b := n.(*ast.HTMLBlock)
		_, _ = w.WriteString(`<pre class="raw-html"><code>`)
		for i := 0; i < b.Lines().Len(); i++ {
			line := b.Lines().At(i)
			_, _ = w.Write(util.EscapeHTML(line.Value(src)))
		}
		if b.HasClosure() {
			_, _ = w.Write(util.EscapeHTML(b.ClosureLine.Value(src)))
		}
		_, _ = w.WriteString("</code></pre>\n")
		return ast.WalkSkipChildren, nil
	})
}
