package build

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/diag"
	"github.com/cxatlas/cxatlas/generator/history"
	"github.com/cxatlas/cxatlas/generator/publish"
	"github.com/cxatlas/cxatlas/generator/render"
	"github.com/cxatlas/cxatlas/generator/site"
)

// A Session builds one portal again and again, for cxatlas serve and
// cxatlas build -watch: each Build is told which files changed since the
// last one and does only the work they need, falling back to a full build
// whenever it cannot prove the shorter way gives the same site. A Session
// is safe for use by one goroutine at a time.
//
// The shorter way re-reads the changed files, links the portal again,
// and re-renders the pages that show what changed, before or after the
// change (Renderer.Touches), and the pages that show the whole portal; it
// writes only the files whose bytes changed, and removes the pages that
// are gone. Anything outside the content folder (config.toml, the theme,
// the message catalogue) may change any page: a change there rebuilds
// everything.
type Session struct {
	opts Options
	mu   sync.Mutex
	// Early, when set, is called once the pages that show what changed are
	// published, before the pages that show the whole portal are brought up
	// to date: a server can reload the page being edited then. It is not
	// called when the build fails or changed nothing, nor for a full build.
	Early func(*Result)

	// last is the state of the last build that was published: what the
	// publish folder holds. It is nil until a build succeeds, and after a
	// build that failed while writing.
	last *published
	// loader holds the content as last read, which may be newer than
	// last's when a build failed.
	loader *content.Loader
	// previews indexes last's site for previews of edited maps; nil when
	// the session has no Early or previews are off.
	previews *site.PreviewIndex
	// noPreviews is set when a preview differed from the full build.
	noPreviews bool
}

// published is what a Session knows of the publish folder.
type published struct {
	run      *run
	renderer *render.Renderer
	set      *content.Set
	site     *site.Site
	// pages maps the path of each page to it.
	pages map[string]render.Page
	// contentDir is the absolute content folder.
	contentDir string
}

// NewSession starts a session that builds with opts. A zero opts.Now is
// the time the session starts, for every build: a page must not change
// between two builds because the clock moved.
func NewSession(opts Options) *Session {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	return &Session{opts: opts}
}

// Build builds the portal after the files at the absolute paths in changed
// were written, created, renamed or removed. A nil changed (the first
// build) builds everything. The publish folder ends byte for byte as
// Build(opts) on the same files leaves it; Result.Rendered says how many
// pages it rendered and Result.Fallback why it rebuilt everything, when
// it had to after a change.
func (s *Session) Build(changed []string) (*Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if why := s.needsFull(changed); why != "" {
		res, err := s.full()
		if changed != nil {
			res.Fallback = why
		}
		return res, err
	}
	return s.rebuild(changed)
}

// needsFull says why the change cannot be built the shorter way, or ""
// when it can.
func (s *Session) needsFull(changed []string) string {
	switch {
	case changed == nil:
		return "first build"
	case s.last == nil:
		return "no earlier build to start from"
	}
	for _, c := range changed {
		if !strings.HasPrefix(c, s.last.contentDir+string(filepath.Separator)) && c != s.last.contentDir {
			rel := c
			if abs, err := filepath.Abs(s.opts.SiteDir); err == nil {
				if r, err := filepath.Rel(abs, c); err == nil {
					rel = r
				}
			}
			return filepath.ToSlash(rel) + " is outside the content folder"
		}
	}
	return ""
}

// full builds everything and keeps the state for the next build.
func (s *Session) full() (*Result, error) {
	s.last = nil
	r, renderer, err := build(s.opts, true)
	s.loader = r.loader
	if err != nil || renderer == nil {
		return r.res, err
	}
	s.keep(r, renderer)
	return r.res, nil
}

// keep records that r was published.
func (s *Session) keep(r *run, renderer *render.Renderer) {
	pages := make(map[string]render.Page, len(r.res.Pages))
	for _, p := range r.res.Pages {
		pages[p.Path] = p
	}
	contentDir, err := filepath.Abs(filepath.Join(s.opts.SiteDir, filepath.FromSlash(r.cfg.ContentDir)))
	if err != nil {
		return
	}
	s.last = &published{run: r, renderer: renderer, set: r.set, site: r.res.Site, pages: pages, contentDir: contentDir}
	s.previews = nil
	if s.Early != nil && !s.noPreviews {
		s.previews = site.NewPreviewIndex(r.res.Site)
	}
}

// rebuild builds the portal the shorter way after changed.
func (s *Session) rebuild(changed []string) (*Result, error) {
	last := s.last
	renderer := last.renderer
	r := &run{
		res:      &Result{Messages: last.run.res.Messages, OutDir: last.run.res.OutDir},
		cfg:      last.run.cfg,
		start:    time.Now(),
		log:      last.run.log,
		static:   last.run.static,
		minifier: last.run.minifier,
		base:     last.run.base,
		loader:   s.loader,
		popts:    last.run.popts,
		indexer:  last.run.indexer,
	}
	r.res.Diags = slices.Clone(r.base)
	set, diags := s.loader.Load(changed)
	r.set = set
	r.res.Diags.Append(diags)
	r.step("load")
	refs := changedRefs(last.set, set)
	quick, err := s.publishPreview(r, refs)
	if err != nil {
		return r.res, err
	}
	// The history compares the content on disk with earlier revisions:
	// what an edit changes of it is worked out again, or it is read
	// again. A commit, which changes what git holds, is a change outside
	// the content folder and rebuilds everything.
	hist, diags := s.history(set, refs)
	r.res.Diags.Append(diags)
	r.step("history")
	linked, diags := site.Link(r.cfg, set, s.opts.Now)
	r.res.Diags.Append(diags)
	linked.History = hist
	r.res.Site = linked
	r.step("link")
	// The pages of the edited entities go first, before the page list and
	// what else the change touches are worked out, unless a preview
	// published them already.
	var own map[string]bool
	if quick != nil {
		own = s.checkPreview(r, quick)
	} else if own, err = s.publishOwn(r, refs); err != nil {
		return r.res, err
	}
	r.res.Pages = renderer.Pages(linked)
	r.checkLinks(set, r.static)
	r.res.Diags = r.res.Diags.Sort()
	r.step("pages")
	if r.res.Diags.HasErrors() {
		put := own
		if quick != nil {
			put = map[string]bool{}
			for path := range quick {
				put[path] = true
			}
		}
		if err := s.unpublishOwn(r, put); err != nil {
			return r.res, err
		}
		return r.res, ErrContent
	}
	touched := renderer.Touched(last.site, linked, refs)
	touchesNow := touchMemo{r: renderer, s: linked, t: touched, seen: map[touchKey]bool{}}
	touchesBefore := touchMemo{r: renderer, s: last.site, t: touched, seen: map[touchKey]bool{}}
	// The pages that show what changed, and the pages that are gone.
	var early, rest []publish.File
	now := make(map[string]bool, len(r.res.Pages))
	// redone holds the personas whose map is rendered again: data.json
	// copies the records of the others from the last build.
	redone := map[string]bool{}
	for _, p := range r.res.Pages {
		now[p.Path] = true
		if p.All {
			rest = append(rest, r.file(renderer, p))
			continue
		}
		was, existed := last.pages[p.Path]
		if !existed || touchesNow.touches(p) || (!was.All && touchesBefore.touches(was)) {
			r.res.Rendered++
			if p.Type == render.PersonaPage {
				redone[p.ID] = true
			}
			if !own[p.Path] {
				early = append(early, r.file(renderer, p))
			}
		}
	}
	// The records are copied from the data.json the folder holds.
	var from io.ReaderAt
	if f, err := os.Open(filepath.Join(r.res.OutDir, "data.json")); err == nil {
		defer f.Close()
		from = f
	}
	renderer.ReuseData(last.site, func(id string) bool { return !redone[id] }, from)
	var gone []string
	for path := range last.pages {
		if !now[path] {
			gone = append(gone, path)
		}
	}
	slices.Sort(gone)
	r.step("touched")
	if len(refs) == 0 && len(gone) == 0 && r.res.Rendered == 0 {
		// The content read the same: the folder already holds this site.
		s.keep(r, renderer)
		return r.res, nil
	}
	// A failed write may leave the folder between two builds: until a
	// full build succeeds, nothing is known of it.
	s.last = nil
	index, err := r.indexer.Index(linked, renderer.PortalLinks(linked), r.res.Messages)
	if err != nil {
		return r.res, err
	}
	r.res.Index = index
	r.step("search index")
	files := append(early, rest...)
	for _, f := range index {
		files = append(files, publish.File{Path: f.Path, Data: f.Data})
	}
	was := map[string]bool{}
	for _, f := range last.run.res.Index {
		was[f.Path] = true
	}
	for _, f := range index {
		delete(was, f.Path)
	}
	for path := range was {
		gone = append(gone, path)
	}
	r.res.Rendered += len(rest)
	rep, err := publish.Patch(r.res.OutDir, files, gone, r.popts)
	r.res.Report.Written += rep.Written
	r.res.Report.Unchanged += rep.Unchanged
	r.res.Report.Removed += rep.Removed
	r.step("render and write")
	if err != nil {
		return r.res, err
	}
	for path := range own {
		r.res.Shown = append(r.res.Shown, path)
	}
	slices.Sort(r.res.Shown)
	s.keep(r, renderer)
	return r.res, nil
}

// publishOwn publishes the pages of the entities in refs (see
// Renderer.OwnPages) from r's site, and calls Early, when the session has
// an Early and the content read and linked without errors. It returns the
// paths it published. Those pages are rendered from the same site as the
// rest of the build, so they are what the build leaves there, unless the
// build fails: then unpublishOwn puts back what they replaced.
func (s *Session) publishOwn(r *run, refs []site.Ref) (map[string]bool, error) {
	if s.Early == nil || r.res.Diags.HasErrors() {
		return nil, nil
	}
	renderer := s.last.renderer
	var files []publish.File
	own := map[string]bool{}
	for _, ref := range refs {
		for _, p := range renderer.OwnPages(r.res.Site, ref) {
			if !own[p.Path] {
				own[p.Path] = true
				files = append(files, r.file(renderer, p))
			}
		}
	}
	if len(files) == 0 {
		return nil, nil
	}
	rep, err := publish.Patch(r.res.OutDir, files, nil, r.popts)
	r.res.Report = rep
	if err != nil {
		// The folder may be between two builds: the next build is full.
		s.last = nil
		return nil, err
	}
	r.step("own pages written")
	s.Early(r.res)
	return own, nil
}

// publishPreview publishes the pages of the persona, stage or touchpoint
// whose file alone changed from a preview (see site.PreviewPersona,
// site.PreviewStage and site.PreviewTouchpoint), before the portal is
// linked again, and calls Early. It returns what it published, by path,
// or nil when it published nothing: there is no Early, the change is of
// another kind, the content has errors, or the preview cannot follow the
// edit.
func (s *Session) publishPreview(r *run, refs []site.Ref) (map[string]previewed, error) {
	ix := s.previews
	if s.Early == nil || ix == nil || ix.Site() != s.last.site || len(refs) != 1 || r.res.Diags.HasErrors() {
		return nil, nil
	}
	pv := preview(ix, r.cfg, r.set, refs[0])
	if pv == nil {
		return nil, nil
	}
	renderer := s.last.renderer
	var files []publish.File
	published := map[string]previewed{}
	for _, p := range renderer.PreviewPages(pv) {
		var buf bytes.Buffer
		if err := renderer.RenderPreview(&buf, pv, p); err != nil {
			return nil, nil
		}
		published[p.Path] = previewed{p, buf.Bytes()}
		files = append(files, publish.File{Path: p.Path, Data: buf.Bytes(), Minified: true})
	}
	rep, err := publish.Patch(r.res.OutDir, files, nil, r.popts)
	r.res.Report = rep
	if err != nil {
		s.last = nil
		return nil, err
	}
	r.step("preview written")
	r.res.Previewed = true
	s.Early(r.res)
	return published, nil
}

// preview returns the preview of the entity ref after an edit of its
// file, from set, or nil when there is none.
func preview(ix *site.PreviewIndex, cfg *config.Config, set *content.Set, ref site.Ref) *site.Preview {
	docs := docsOf(set, []site.Ref{ref})
	if docs == nil {
		return nil
	}
	var pv *site.Preview
	switch d := docs[0].(type) {
	case *content.PersonaDoc:
		pv, _ = site.PreviewPersona(ix, cfg, set, d)
	case *content.StageDoc:
		pv, _ = site.PreviewStage(ix, d)
	case *content.TouchpointDoc:
		pv, _ = site.PreviewTouchpoint(ix, cfg, set, d)
	}
	return pv
}

// checkPreview compares the pages publishPreview published with the same
// pages of the linked site, and returns those that are right. Any other
// is a fault of the preview: it is said once, in Result.Notice, previews
// stop for the session, and the rest of the build writes the page again.
func (s *Session) checkPreview(r *run, pages map[string]previewed) map[string]bool {
	renderer := s.last.renderer
	right := map[string]bool{}
	for path, pv := range pages {
		var buf bytes.Buffer
		if err := renderer.Render(&buf, r.res.Site, pv.page); err == nil && bytes.Equal(buf.Bytes(), pv.data) {
			right[path] = true
			continue
		}
		s.noPreviews = true
		r.res.Notice = "the quick preview of " + path + " differed from the full build, which replaced it; previews are off until restart"
	}
	r.step("preview checked")
	return right
}

// previewed is a page publishPreview published, with its bytes.
type previewed struct {
	page render.Page
	data []byte
}

// unpublishOwn puts back the pages publishOwn replaced, from the last
// published site, and removes those it added, after the build found
// errors: the folder holds the last good site again.
func (s *Session) unpublishOwn(r *run, own map[string]bool) error {
	if len(own) == 0 {
		return nil
	}
	last := s.last
	var files []publish.File
	var gone []string
	for path := range own {
		p, ok := last.pages[path]
		if !ok {
			gone = append(gone, path)
			continue
		}
		files = append(files, last.run.file(last.renderer, p))
	}
	slices.Sort(gone)
	r.res.Report = publish.Report{}
	if _, err := publish.Patch(r.res.OutDir, files, gone, r.popts); err != nil {
		s.last = nil
		return err
	}
	return nil
}

// history returns the history of the content of set, after a change to
// the files of the entities in refs: from the last build's when the
// change is an edit of files that were there (see history.Edited), and
// read from git otherwise.
func (s *Session) history(set *content.Set, refs []site.Ref) (*history.History, diag.List) {
	if h := s.last.site.History; h != nil {
		if docs := docsOf(set, refs); docs != nil {
			if e, diags, ok := h.Edited(set, docs); ok {
				return e, diags
			}
		}
	}
	return history.Read(history.Options{SiteDir: s.opts.SiteDir, Config: s.last.run.cfg, Set: set, Now: s.opts.Now})
}

// docsOf returns the documents in set of the entities in refs, or nil
// when one has none.
func docsOf(set *content.Set, refs []site.Ref) []any {
	docs := make([]any, 0, len(refs))
	for _, ref := range refs {
		var doc any
		switch ref.Kind {
		case site.KindHome:
			if set.Home != nil {
				doc = set.Home
			}
		case site.KindPersona:
			if i := slices.IndexFunc(set.Personas, func(d *content.PersonaDoc) bool { return d.ID == ref.ID }); i >= 0 {
				doc = set.Personas[i]
			}
		case site.KindStage:
			if i := slices.IndexFunc(set.Stages, func(d *content.StageDoc) bool { return d.ID == ref.ID }); i >= 0 {
				doc = set.Stages[i]
			}
		case site.KindTouchpoint:
			if i := slices.IndexFunc(set.Touchpoints, func(d *content.TouchpointDoc) bool { return d.ID == ref.ID }); i >= 0 {
				doc = set.Touchpoints[i]
			}
		}
		if doc == nil {
			return nil
		}
		docs = append(docs, doc)
	}
	return docs
}

// changedRefs lists the entities whose documents differ between two
// loads: the Loader shares the documents of files it did not read again,
// so any other document is new, changed or gone.
func changedRefs(before, after *content.Set) []site.Ref {
	var refs []site.Ref
	if before.Home != after.Home {
		refs = append(refs, site.Ref{Kind: site.KindHome})
	}
	refs = appendChanged(refs, site.KindPersona, before.Personas, after.Personas, func(d *content.PersonaDoc) string { return d.ID })
	refs = appendChanged(refs, site.KindStage, before.Stages, after.Stages, func(d *content.StageDoc) string { return d.ID })
	refs = appendChanged(refs, site.KindTouchpoint, before.Touchpoints, after.Touchpoints, func(d *content.TouchpointDoc) string { return d.ID })
	return refs
}

// appendChanged appends to refs, as kind, the ids of the documents that
// are in one of before and after only, or differ.
func appendChanged[D comparable](refs []site.Ref, kind site.Kind, before, after []D, idOf func(D) string) []site.Ref {
	was := make(map[string]D, len(before))
	for _, d := range before {
		was[idOf(d)] = d
	}
	for _, d := range after {
		id := idOf(d)
		if w, ok := was[id]; !ok || w != d {
			refs = append(refs, site.Ref{Kind: kind, ID: id})
		}
		delete(was, id)
	}
	for id := range was {
		refs = append(refs, site.Ref{Kind: kind, ID: id})
	}
	return refs
}

// touchMemo asks Renderer.Touches once per entity: the pages a stage or
// touchpoint is split into show the same entities.
type touchMemo struct {
	r    *render.Renderer
	s    *site.Site
	t    render.Touched
	seen map[touchKey]bool
}

type touchKey struct {
	typ render.PageType
	id  string
}

func (m touchMemo) touches(p render.Page) bool {
	k := touchKey{p.Type, p.ID}
	if v, ok := m.seen[k]; ok {
		return v
	}
	v := m.r.Touches(m.s, p, m.t)
	m.seen[k] = v
	return v
}
