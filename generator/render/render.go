// Package render turns a linked site into pages: the HTML of every page
// type through the theme's templates, with inline SVG charts, plus
// sitemap.xml and data.json. Rendering a page is a pure function of the
// site and the page, so pages can be rendered in parallel and redone one by
// one.
package render

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/cxatlas/cxatlas/generator/export"
	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/schema"
	"github.com/cxatlas/cxatlas/generator/site"
)

// htmlPageTypes lists the page types rendered through a template of the
// theme.
func htmlPageTypes() []PageType {
	return []PageType{
		HomePage, PersonaList, PersonaPage, StageList, StagePage, TouchpointList,
		TouchpointPage, PainIndex, PainPage, PainsByStage, PainsByTouchpoint, OwnerList, OwnerPage,
		ComparePage, MatrixPage, ChannelsPage, SearchPage, NotFoundPage, ChangesPage,
	}
}

// Renderer renders the pages of portals with one theme. Build it once with
// New; it is safe for concurrent use.
type Renderer struct {
	theme fs.FS
	pages map[PageType]*template.Template
	// words are the catalogue's messages the Go-written parts of pages
	// use, looked up once.
	words *words
	// limits bound how much one page holds.
	limits Limits
	// last and prev cache lookups derived from the two sites rendered
	// last: a rebuild compares the site before a change with the one
	// after. deriving lets one goroutine compute them while the others
	// wait.
	last, prev atomic.Pointer[derived]
	deriving   sync.Mutex
	// data keeps the persona records of the last data.json; see KeepData.
	data dataRecords
}

// File is a file copied from the theme to the portal as it is.
type File struct {
	// Path is relative to the publish folder, with forward slashes.
	Path string
	Data []byte
}

// Option changes how New prepares a Renderer.
type Option func(*options)

type options struct {
	minify   func(src []byte) ([]byte, error)
	messages *i18n.Catalogue
	limits   Limits
}

// Messages has the Renderer take every word it shows a reader from cat.
// Without it, pages are in English, from the default theme's catalogue.
func Messages(cat *i18n.Catalogue) Option {
	return func(o *options) { o.messages = cat }
}

// MinifyTemplates has New pass the source of every template through
// minify (which must keep Go template actions intact) before parsing it,
// so that pages come out minified without minifying every page.
func MinifyTemplates(minify func(src []byte) ([]byte, error)) Option {
	return func(o *options) { o.minify = minify }
}

// New parses the templates of theme: templates/_*.html are the layout and
// the partials every page shares, templates/<type>.html the page of each
// PageType.
func New(theme fs.FS, opts ...Option) (*Renderer, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if o.messages == nil {
		o.messages = i18n.Default(i18n.Reference)
	}
	w := newWords(o.messages)
	read := func(name string) (string, error) {
		src, err := fs.ReadFile(theme, name)
		if err != nil {
			return "", fmt.Errorf("theme: %w", err)
		}
		src = inlineMessages(src, o.messages)
		if o.minify != nil {
			if src, err = o.minify(src); err != nil {
				return "", fmt.Errorf("theme: minify %s: %w", name, err)
			}
		}
		return string(src), nil
	}
	shared, err := fs.Glob(theme, "templates/_*.html")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	if len(shared) == 0 {
		return nil, fmt.Errorf("theme: no layout templates (templates/_*.html)")
	}
	base := template.New("").Funcs(funcs(w))
	for _, name := range shared {
		src, err := read(name)
		if err != nil {
			return nil, err
		}
		if _, err := base.New(path.Base(name)).Parse(src); err != nil {
			return nil, fmt.Errorf("theme: %s: %w", name, err)
		}
	}
	r := &Renderer{theme: theme, words: w, limits: o.limits.orDefaults(), pages: make(map[PageType]*template.Template, len(htmlPageTypes()))}
	for _, t := range htmlPageTypes() {
		name := "templates/" + string(t) + ".html"
		src, err := read(name)
		if err != nil {
			return nil, err
		}
		page, err := template.Must(base.Clone()).New(string(t)).Parse(src)
		if err != nil {
			return nil, fmt.Errorf("theme: %s: %w", name, err)
		}
		if page.Lookup("main") == nil {
			return nil, fmt.Errorf("theme: %s does not define the \"main\" template", name)
		}
		r.pages[t] = page
	}
	return r, nil
}

// Render writes page p of site s to w.
func (r *Renderer) Render(w io.Writer, s *site.Site, p Page) error {
	return r.render(w, s, p, r.derive(s))
}

// RenderPreview writes a page of the entity a preview shows, as Render
// would write it from the site Link makes of the same content, taking the
// lookups of the rest of the portal from the site before the edit. p must
// be the persona's map or a page of the stage or touchpoint (see
// PreviewPages).
func (r *Renderer) RenderPreview(w io.Writer, pv *site.Preview, p Page) error {
	if !slices.Contains(r.PreviewPages(pv), p) {
		return fmt.Errorf("render %s: not a page of the preview's %s", p.Path, pv.Ref.Kind)
	}
	was := r.cached(pv.Before)
	if was == nil {
		return fmt.Errorf("render %s: the site before the preview is gone", p.Path)
	}
	d := &derived{site: pv.Site, lim: was.lim, ownerKey: was.ownerKey, ownerByKey: was.ownerByKey,
		painByKey: was.painByKey, tpGroupPages: was.tpGroupPages, severities: was.severities, mentions: was.mentions,
		painRefs: make(map[*site.Pain]string, len(pv.Pos)), before: was}
	for pain, n := range pv.Pos {
		d.painRefs[pain] = painPagePath(n/d.lim.PainsPerPage+1) + "#" + url.PathEscape(pain.Key)
	}
	return r.render(w, pv.Site, p, d)
}

// PreviewPages lists the pages RenderPreview renders of pv: the map of a
// persona, without its files, or the pages of a stage or touchpoint.
func (r *Renderer) PreviewPages(pv *site.Preview) []Page {
	var pages []Page
	for _, p := range r.OwnPages(pv.Site, pv.Ref) {
		if p.Type == PersonaPage || p.Type == StagePage || p.Type == TouchpointPage {
			pages = append(pages, p)
		}
	}
	return pages
}

// render writes page p of site s, whose lookups are d, to w.
func (r *Renderer) render(w io.Writer, s *site.Site, p Page, d *derived) error {
	switch p.Type {
	case SitemapFile:
		return writeSitemap(w, s, r.pageList(d))
	case DataFile:
		persona, done := r.personaWriter(s, links{d: d})
		if err := writeData(w, s, d, persona); err != nil {
			return err
		}
		done()
		return nil
	case ChangesFeed:
		return writeChangesFeed(w, s, r.words)
	case PainFilterIndex:
		return writeFilterIndex(w, r.filter(d), len(s.Pains))
	case PainFilterOptions:
		return writeFilterOptions(w, r.filter(d), p.ID)
	case PainFilterFacet:
		return writeFilterFacet(w, s, d, r.filter(d), p.ID, p.Number)
	case PainFilterRows:
		return writeFilterRows(w, s, d, r.filter(d), p.Number)
	case PersonaCSV, PersonaSVG:
		return r.writePersonaFile(w, s, p)
	case PainsCSV:
		_, err := w.Write(export.PainsCSV(s, r.words.cat))
		return err
	case SchemaFile:
		return writeSchema(w, s, p)
	}
	t, ok := r.pages[p.Type]
	if !ok {
		return fmt.Errorf("render %s: unknown page type %q", p.Path, p.Type)
	}
	v, err := newView(s, p, d, r.words)
	if err != nil {
		return fmt.Errorf("render %s: %w", p.Path, err)
	}
	if err := t.ExecuteTemplate(w, "base", v); err != nil {
		return fmt.Errorf("render %s: %w", p.Path, err)
	}
	return nil
}

// Static returns the files of the theme's static/ folder, to be written
// under static/ in the publish folder.
func (r *Renderer) Static() ([]File, error) {
	var files []File
	err := fs.WalkDir(r.theme, "static", func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() || strings.HasPrefix(path.Base(name), ".") {
			return nil
		}
		data, err := fs.ReadFile(r.theme, name)
		if err != nil {
			return err
		}
		files = append(files, File{Path: name, Data: data})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("theme static files: %w", err)
	}
	return files, nil
}

// writePersonaFile writes a file of the map of persona p.ID: its grid as
// CSV or its curve as SVG.
func (r *Renderer) writePersonaFile(w io.Writer, s *site.Site, p Page) error {
	per := s.Persona(p.ID)
	if per == nil {
		return fmt.Errorf("render %s: no persona %q", p.Path, p.ID)
	}
	data := export.PersonaCSV(per, r.words.cat)
	if p.Type == PersonaSVG {
		data = export.CurveSVG(s, per, r.words.cat)
	}
	_, err := w.Write(data)
	return err
}

// writeSchema writes the JSON Schema p.ID of the front matter of s's
// content files.
func writeSchema(w io.Writer, s *site.Site, p Page) error {
	files, err := schema.Generate(s.Config.Emotion)
	if err != nil {
		return fmt.Errorf("render %s: %w", p.Path, err)
	}
	for _, f := range files {
		if f.Name == p.ID {
			_, err := w.Write(f.Data)
			return err
		}
	}
	return fmt.Errorf("render %s: no schema %q", p.Path, p.ID)
}
