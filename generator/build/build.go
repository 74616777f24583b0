// Package build runs the whole pipeline of a portal: it loads the content,
// links it into a site, checks every page link, renders the pages and
// publishes them. Check runs every validation without writing anything;
// Build writes only when the content has no errors, so a failed build
// leaves the publish folder as it was.
package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"path/filepath"
	"slices"
	"time"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/content"
	"github.com/cxatlas/cxatlas/generator/diag"
	"github.com/cxatlas/cxatlas/generator/history"
	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/publish"
	"github.com/cxatlas/cxatlas/generator/render"
	"github.com/cxatlas/cxatlas/generator/search"
	"github.com/cxatlas/cxatlas/generator/site"
)

// Options says which portal to build and where.
type Options struct {
	// SiteDir holds config.toml and the content folder.
	SiteDir string
	// OutDir, when set, overrides the configured publishDir. A relative
	// OutDir is relative to the working directory, like any command-line
	// path.
	OutDir string
	// Now is the time of the build, for review dates; zero means time.Now.
	Now time.Time
	// Logger receives the timings of each step at debug level; nil
	// discards them.
	Logger *slog.Logger
	// CacheDir, when set, is a folder where Build keeps a record of what
	// it wrote to each publish folder (see publish.Options.Record), so
	// that a rebuild does not read unchanged pages back to compare them.
	CacheDir string

	// limits, set by tests, bound the pages as render.PageLimits does.
	limits render.Limits
}

// recordPath is where the record of writes to the publish folder abs is
// kept below cacheDir: one file per folder, named by a hash of its path.
func recordPath(cacheDir, abs string) string {
	if cacheDir == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(cacheDir, "publish", hex.EncodeToString(sum[:12]))
}

// Result is what a check or build found and did.
type Result struct {
	// Diags holds every problem found, sorted by file and line.
	Diags diag.List
	// Site is the linked portal; nil when the configuration is unusable.
	Site *site.Site
	// Pages lists the pages of the portal.
	Pages []render.Page
	// OutDir is the absolute publish folder.
	OutDir string
	// Report says what was written; zero for a check.
	Report publish.Report
	// Index holds the files of the search index, written with the pages;
	// empty for a check. Like the pages that set All, every one of them
	// depends on the whole portal: any change redoes the index.
	Index []search.File
	// Messages is the message catalogue of the portal's language; nil when
	// the configuration is unusable.
	Messages *i18n.Catalogue
	// Rendered counts the pages the build rendered: all of them for a full
	// build, those a change touched for a Session's shorter rebuild.
	Rendered int
	// Full is set when every page was rendered.
	Full bool
	// Fallback says why a Session rebuilt everything after a change, when
	// it did; empty for a first build and for a shorter rebuild.
	Fallback string
	// Notice, when set, is something a Session's rebuild found that the
	// writer should hear of once, such as a quick preview of a page that
	// the full build had to correct.
	Notice string
	// Shown lists the pages a Session published early (see
	// Session.Early) that the rest of the build left as they were.
	Shown []string
	// Previewed is set when a Session published the pages of the edited
	// persona or touchpoint from a preview, before linking the portal
	// again.
	Previewed bool
}

// ErrContent is returned by Build when the content has errors; the
// problems are in Result.Diags.
var ErrContent = errors.New("the content has errors")

type run struct {
	res   *Result
	cfg   *config.Config
	start time.Time
	log   *slog.Logger
	// static holds the theme's static files.
	static []render.File
	// minifier is set when the configuration asks for minified output.
	minifier *publish.Minifier
	// base holds the problems found before the content was loaded: those
	// of the configuration and the message catalogue.
	base diag.List
	// loader read set, the content of the build.
	loader *content.Loader
	set    *content.Set
	// popts are the options of the publish step.
	popts publish.Options
	// indexer builds the search index of a Session's builds.
	indexer *search.Indexer
}

func (r *run) step(name string) {
	now := time.Now()
	r.log.Debug("step", "name", name, "took", now.Sub(r.start))
	r.start = now
}

// Check loads, links and renders the page list of the portal, reporting
// every problem, and writes nothing.
func Check(opts Options) (*Result, error) {
	r, renderer, err := prepare(opts, false)
	if err == nil && renderer != nil {
		r.checkTarget(opts, renderer)
	}
	return r.res, err
}

// prepare runs every step before rendering. It returns a nil Renderer when
// the configuration is unusable. Sources are minified only for output, and
// only when the configuration asks for it.
func prepare(opts Options, output bool) (*run, *render.Renderer, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &run{res: &Result{}, start: time.Now(), log: log}
	cfg, diags := config.Load(opts.SiteDir)
	r.cfg = cfg
	r.res.Diags = diags
	// unusable ends the run when the configuration or theme cannot be used:
	// nothing after this point could be checked.
	unusable := func(format string, args ...any) (*run, *render.Renderer, error) {
		if format != "" {
			r.res.Diags.Errorf(config.FileName, diag.Pos{}, format, args...)
		}
		r.res.Diags = r.res.Diags.Sort()
		return r, nil, nil
	}
	if diags.HasErrors() {
		return unusable("")
	}
	theme, err := render.OpenTheme(opts.SiteDir, cfg.Theme)
	if err != nil {
		return unusable("%v", err)
	}
	// With minify on, the sources of the HTML (templates and Markdown
	// bodies) are minified once, instead of every page after rendering:
	// the markup the renderer writes itself is already compact.
	var ropts []render.Option
	var minifyHTML func([]byte) (string, error)
	if output && cfg.Minify {
		r.minifier = publish.NewMinifier()
		ropts = append(ropts, render.MinifyTemplates(r.minifier.MinifyTemplate))
		minifyHTML = r.minifier.MinifyHTML
	}
	cat, diags := i18n.Load(theme, opts.SiteDir, cfg.Language)
	r.res.Diags.Append(diags)
	r.res.Messages = cat
	if diags.HasErrors() {
		return unusable("")
	}
	ropts = append(ropts, render.Messages(cat), render.PageLimits(opts.limits))
	renderer, err := render.New(theme, ropts...)
	if err != nil {
		return unusable("theme %q: %v", cfg.Theme, err)
	}
	r.step("config")
	r.base = slices.Clone(r.res.Diags)
	r.loader = content.NewLoader(content.Options{SiteDir: opts.SiteDir, Config: cfg, MinifyHTML: minifyHTML})
	set, diags := r.loader.Load(nil)
	r.set = set
	r.res.Diags.Append(diags)
	r.step("load")
	hist, diags := history.Read(history.Options{SiteDir: opts.SiteDir, Config: cfg, Set: set, Now: opts.Now})
	r.res.Diags.Append(diags)
	r.step("history")
	s, diags := site.Link(cfg, set, opts.Now)
	r.res.Diags.Append(diags)
	s.History = hist
	r.res.Site = s
	r.step("link")
	r.res.Pages = renderer.Pages(s)
	r.static, err = renderer.Static()
	if err != nil {
		return r, nil, err
	}
	r.checkLinks(set, r.static)
	r.step("pages")
	r.res.Diags = r.res.Diags.Sort()
	return r, renderer, nil
}

// Build checks the portal and, when it has no errors, renders and publishes
// it. A build with errors returns ErrContent and writes nothing.
func Build(opts Options) (*Result, error) {
	r, _, err := build(opts, false)
	return r.res, err
}

// build is Build, returning the run and its renderer for a Session to
// keep. Only a Session keeps the content as loaded, for the next build:
// without keep, it is let go before rendering, which on a large portal
// is a sixth of the memory of the build.
func build(opts Options, keep bool) (*run, *render.Renderer, error) {
	r, renderer, err := prepare(opts, true)
	if !keep {
		r.loader, r.set = nil, nil
	}
	if err != nil {
		return r, renderer, err
	}
	if renderer == nil || r.res.Diags.HasErrors() {
		return r, renderer, ErrContent
	}
	abs, popts, err := r.target(opts)
	if err != nil {
		return r, renderer, err
	}
	r.popts = popts
	r.res.OutDir = abs
	if keep {
		// A Session indexes and writes data.json again after each
		// change: what the change leaves is kept to reuse.
		r.indexer = new(search.Indexer)
		r.res.Index, err = r.indexer.Index(r.res.Site, renderer.PortalLinks(r.res.Site), r.res.Messages)
		renderer.KeepData()
	} else {
		r.res.Index, err = search.Index(r.res.Site, renderer.PortalLinks(r.res.Site), r.res.Messages)
	}
	if err != nil {
		return r, renderer, err
	}
	r.step("search index")
	files := r.files(renderer)
	rep, err := publish.Write(abs, files, popts)
	r.res.Report = rep
	r.res.Rendered = len(r.res.Pages)
	r.res.Full = true
	r.step("render and write")
	return r, renderer, err
}
