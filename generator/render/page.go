package render

import (
	"slices"
	"strconv"

	"github.com/cxatlas/cxatlas/generator/export"
	"github.com/cxatlas/cxatlas/generator/schema"
	"github.com/cxatlas/cxatlas/generator/site"
)

// PageType names a kind of page; each HTML page type has a template of the
// same name in the theme, "<type>.html".
type PageType string

// The page types of a portal.
const (
	HomePage          PageType = "home"
	PersonaList       PageType = "personas"
	PersonaPage       PageType = "persona"
	StageList         PageType = "stages"
	StagePage         PageType = "stage"
	TouchpointList    PageType = "touchpoints"
	TouchpointPage    PageType = "touchpoint"
	PainIndex         PageType = "pains"
	PainPage          PageType = "pain"
	PainsByStage      PageType = "pains-by-stage"
	PainsByTouchpoint PageType = "pains-by-touchpoint"
	OwnerList         PageType = "owners"
	ComparePage       PageType = "compare"
	MatrixPage        PageType = "matrix"
	ChannelsPage      PageType = "channels"
	OwnerPage         PageType = "owner"
	SearchPage        PageType = "search"
	// ChangesPage and ChangesFeed are the recent changes of the content
	// from git, as a page and as an Atom feed; only a portal with history
	// has them.
	ChangesPage  PageType = "changes"
	ChangesFeed  PageType = "changes-feed"
	NotFoundPage PageType = "404"
	SitemapFile  PageType = "sitemap"
	DataFile     PageType = "data"
	// PainFilterIndex, PainFilterOptions, PainFilterFacet and
	// PainFilterRows are the JSON files the filters of the pain-point
	// index read: the options of the filters, those of one filter with
	// many (Page.ID names the filter), the rows of one option (ID names the
	// filter, Number the option, from 1) and a shard of rows (Number, from
	// 1).
	PainFilterIndex   PageType = "pain-filter"
	PainFilterOptions PageType = "pain-filter-options"
	PainFilterFacet   PageType = "pain-filter-facet"
	PainFilterRows    PageType = "pain-filter-rows"
	// PersonaCSV and PersonaSVG are the journey map of a persona (Page.ID)
	// as a spreadsheet and its emotion curve as a picture, beside its
	// page; PainsCSV is the pain-point index as a spreadsheet. They are
	// encoded by generator/export.
	PersonaCSV PageType = "persona-csv"
	PersonaSVG PageType = "persona-svg"
	PainsCSV   PageType = "pains-csv"
	// SchemaFile is a JSON Schema of front matter, from
	// generator/schema; Page.ID names its file.
	SchemaFile PageType = "schema"
)

// painsCSVPath is where the pain-point index as CSV is written.
const painsCSVPath = "pains/" + export.PainsCSVName

// PainsPerPage is the most rows a page of the pain-point index holds by
// default (see Limits); longer indexes continue on pains/page/2/ and so on.
const PainsPerPage = 200

// GroupRowsPerPage is the most rows a page of the pain points by
// touchpoint holds by default (see Limits): a page ends before the touchpoint that would take it
// over, and longer views continue on pains/by-touchpoint/page/2/ and so on.
// Each touchpoint shows at most Limits.Summary of its pains.
const GroupRowsPerPage = 2000

// Page is one output file of a portal.
type Page struct {
	// Path is where the page is written, relative to the publish folder,
	// with forward slashes: "personas/family/index.html".
	Path string
	// Type says which template renders the page.
	Type PageType
	// ID is the id of the persona, stage or touchpoint of a detail page,
	// or the Key of the pain or owner of its page.
	ID string
	// Number is the page number of a page split into pages (the lists,
	// the pain-point index, stage, touchpoint, pain and owner pages), from
	// 1 (0 means 1), or the number of a file of the pain filters.
	Number int
	// All is set when the page depends on the whole portal (home, lists,
	// indexes, data.json) or on where its rows fall among many pages (the
	// pages of a pain and of an owner, which exist or split as their rows
	// grow): any change redoes it. The others depend on what Renderer.Shows
	// names.
	All bool
}

// Compact says whether the page is written as small as a minifier would
// make it, so the publish step can leave it as it is: the pain filter
// files, thousands on a large portal, and the exported files.
func (p Page) Compact() bool {
	switch p.Type {
	case PainFilterIndex, PainFilterOptions, PainFilterFacet, PainFilterRows:
		return true
	case PersonaCSV, PersonaSVG, PainsCSV, SchemaFile:
		// Files to open elsewhere, written as they are: a minifier would
		// drop the SVG's XML declaration and the schemas' indentation,
		// and has nothing to do for CSV.
		return true
	}
	return false
}

// Shows lists the entities whose data page p of s shows, so that a rebuild
// after a change can redo only the pages that show what changed: besides
// the pages that set All, those whose Shows, before or after the change,
// name an entity the change touches. A change to a file touches its
// entity; a change to a persona also touches the pains it mentions, before
// and after. A pain is touched, too, when it moves to another page of the
// pain-point index, since pages link to its row there; and the order of
// the stages is part of every stage. Shows is worked out when asked: a
// full build does not need it.
func (r *Renderer) Shows(s *site.Site, p Page) []site.Ref {
	switch p.Type {
	case HomePage:
		return []site.Ref{{Kind: site.KindHome}}
	case PersonaPage, PersonaCSV, PersonaSVG:
		// The map's files show what its page shows.
		if per := s.Persona(p.ID); per != nil {
			return personaShows(s, per)
		}
	case StagePage:
		if st := s.Stage(p.ID); st != nil {
			return stageShows(s, st)
		}
	case TouchpointPage:
		if t := s.Touchpoint(p.ID); t != nil {
			return touchpointShows(t)
		}
	}
	return nil
}

// Pages lists every page of s, in a stable order: data.json, the largest
// file by far, first, so that a build rendering the list in order on all
// cores does not end waiting for it; then home, each section with its list
// before its detail pages, 404.html and sitemap.xml.
func (r *Renderer) Pages(s *site.Site) []Page {
	return slices.Clone(r.pageList(r.derive(s)))
}

// pageList returns the pages of d's site, listed once per site.
func (r *Renderer) pageList(d *derived) []Page {
	d.pagesOnce.Do(func() { d.pages = listPages(d, r.filter(d)) })
	return d.pages
}

// listPages lists the pages of d's site; see Pages.
func listPages(d *derived, f *painFilter) []Page {
	s, lim := d.site, d.lim
	pages := make([]Page, 0, 17+3*len(s.Personas)+len(s.Stages)+len(s.Touchpoints)+len(s.Owners))
	whole := func(path string, t PageType) {
		pages = append(pages, Page{Path: path, Type: t, All: true})
	}
	paged := func(dir string, t PageType, id string, n int, all bool) {
		pages = appendPaged(pages, dir, t, id, n, all)
	}
	whole("data.json", DataFile)
	pages = append(pages, Page{Path: "index.html", Type: HomePage, All: true})
	paged("personas/", PersonaList, "", pageCount(len(s.Personas), lim.RowsPerPage), true)
	for _, p := range s.Personas {
		pages = appendPersonaPages(pages, p)
	}
	whole("stages/index.html", StageList)
	for _, st := range s.Stages {
		pages = appendPaged(pages, stagePath(st.ID), StagePage, st.ID, stagePageCount(st, lim.RowsPerPage), false)
	}
	paged("touchpoints/", TouchpointList, "", pageCount(len(s.Touchpoints), lim.RowsPerPage), true)
	for _, t := range s.Touchpoints {
		pages = appendPaged(pages, touchpointPath(t.ID), TouchpointPage, t.ID, touchpointPageCount(t, lim.RowsPerPage), false)
	}
	paged("pains/", PainIndex, "", painPageCount(len(s.Pains), lim.PainsPerPage), true)
	for _, p := range s.Pains {
		if d.painPaged(p) {
			paged(painDetailPath(p.Key), PainPage, p.Key, pageCount(len(p.Mentions), lim.RowsPerPage), true)
		}
	}
	whole(painsCSVPath, PainsCSV)
	pages = append(pages, filterPages(f, len(s.Pains))...)
	whole("pains/by-stage/index.html", PainsByStage)
	for n := 1; n <= len(d.tpGroupPages); n++ {
		pages = append(pages, Page{Path: tpGroupPagePath(n) + "index.html", Type: PainsByTouchpoint, Number: n, All: true})
	}
	paged("owners/", OwnerList, "", pageCount(len(s.Owners), lim.OwnersPerPage), true)
	for _, o := range s.Owners {
		paged(ownerPath(o.Key), OwnerPage, o.Key, ownerPageCount(o, lim.RowsPerPage), true)
	}
	whole("compare/index.html", ComparePage)
	whole("matrix/index.html", MatrixPage)
	whole("channels/index.html", ChannelsPage)
	whole("search/index.html", SearchPage)
	if s.History != nil {
		whole("changes/index.html", ChangesPage)
		whole("changes/index.xml", ChangesFeed)
	}
	for _, name := range schema.Names() {
		pages = append(pages, Page{Path: "schema/" + name, Type: SchemaFile, ID: name, All: true})
	}
	whole("404.html", NotFoundPage)
	whole("sitemap.xml", SitemapFile)
	return pages
}

// appendPaged appends the pages, from 1 to n, of a page split into pages.
func appendPaged(pages []Page, dir string, t PageType, id string, n int, all bool) []Page {
	for i := 1; i <= n; i++ {
		pages = append(pages, Page{Path: pagedPath(dir, i) + "index.html", Type: t, ID: id, Number: i, All: all})
	}
	return pages
}

// appendPersonaPages appends the page of persona p's map and its files.
func appendPersonaPages(pages []Page, p *site.Persona) []Page {
	dir := personaPath(p.ID)
	return append(pages, Page{Path: dir + "index.html", Type: PersonaPage, ID: p.ID},
		Page{Path: dir + export.PersonaCSVName, Type: PersonaCSV, ID: p.ID},
		Page{Path: dir + export.PersonaSVGName, Type: PersonaSVG, ID: p.ID})
}

// OwnPages returns the pages of s that are the page of the entity ref
// names, as Pages lists them: the map of a persona, with its files, and
// the pages of a stage or touchpoint; none for an entity s does not hold,
// nor for the home page and pains, whose pages show the whole portal.
// They are what a writer who edits the entity's file looks at, so a
// rebuild can publish them before it works out what else the change
// touches; finding them does not list the portal's pages.
func (r *Renderer) OwnPages(s *site.Site, ref site.Ref) []Page {
	per := r.limits.RowsPerPage
	switch ref.Kind {
	case site.KindPersona:
		if p := s.Persona(ref.ID); p != nil {
			return appendPersonaPages(nil, p)
		}
	case site.KindStage:
		if st := s.Stage(ref.ID); st != nil {
			return appendPaged(nil, stagePath(st.ID), StagePage, st.ID, stagePageCount(st, per), false)
		}
	case site.KindTouchpoint:
		if t := s.Touchpoint(ref.ID); t != nil {
			return appendPaged(nil, touchpointPath(t.ID), TouchpointPage, t.ID, touchpointPageCount(t, per), false)
		}
	}
	return nil
}

// stagePageCount is the number of pages stage st takes: each page shows
// at most per of its steps, of its touchpoints and of its pains.
func stagePageCount(st *site.Stage, per int) int {
	return max(pageCount(len(st.Steps), per), pageCount(len(st.Touchpoints), per), pageCount(len(st.Pains), per))
}

// touchpointPageCount is the number of pages touchpoint t takes: each
// page shows at most per of its steps and of its pains.
func touchpointPageCount(t *site.Touchpoint, per int) int {
	return max(pageCount(len(t.Steps), per), pageCount(len(t.Pains), per))
}

// ownerPageCount is the number of pages owner o takes: each page shows at
// most per of its touchpoints and of its pains.
func ownerPageCount(o *site.Owner, per int) int {
	return max(pageCount(len(o.Touchpoints), per), pageCount(len(o.Pains), per))
}

// personaShows: the persona, the stage titles and order of its map (every
// stage, since its roll-up table lists them all) and the touchpoints met.
func personaShows(s *site.Site, p *site.Persona) []site.Ref {
	refs := make([]site.Ref, 0, 1+len(s.Stages)+len(p.Steps))
	refs = append(refs, site.Ref{Kind: site.KindPersona, ID: p.ID})
	for _, st := range s.Stages {
		refs = append(refs, site.Ref{Kind: site.KindStage, ID: st.ID})
	}
	// A map has tens of touchpoints and pains: looking through those seen
	// is cheaper than a set.
	var tps []*site.Touchpoint
	var pains []*site.Pain
	for _, step := range p.Steps {
		for _, t := range step.Touchpoints {
			if !slices.Contains(tps, t) {
				tps = append(tps, t)
				refs = append(refs, site.Ref{Kind: site.KindTouchpoint, ID: t.ID})
			}
		}
		for _, m := range step.Pains {
			if !slices.Contains(pains, m.Pain) {
				pains = append(pains, m.Pain)
				refs = append(refs, painRef(m.Pain))
			}
		}
	}
	return refs
}

// painRef names pain p in Shows.
func painRef(p *site.Pain) site.Ref { return site.Ref{Kind: site.KindPain, ID: p.Key} }

// appendPainRefs appends a Ref for each of pains to refs.
func appendPainRefs(refs []site.Ref, pains []*site.Pain) []site.Ref {
	for _, p := range pains {
		refs = append(refs, painRef(p))
	}
	return refs
}

// stageShows: the stage, the stages before and after it (the page links
// to them by title), every persona with steps in it, its touchpoints and
// the pains met in it.
func stageShows(s *site.Site, st *site.Stage) []site.Ref {
	refs := make([]site.Ref, 0, 3+len(st.Rollups)+len(st.Touchpoints)+len(st.Pains))
	refs = append(refs, site.Ref{Kind: site.KindStage, ID: st.ID})
	for _, i := range []int{st.Index - 1, st.Index + 1} {
		if i >= 0 && i < len(s.Stages) {
			refs = append(refs, site.Ref{Kind: site.KindStage, ID: s.Stages[i].ID})
		}
	}
	for _, r := range st.Rollups {
		refs = append(refs, site.Ref{Kind: site.KindPersona, ID: r.Persona.ID})
	}
	for _, t := range st.Touchpoints {
		refs = append(refs, site.Ref{Kind: site.KindTouchpoint, ID: t.ID})
	}
	return appendPainRefs(refs, st.Pains)
}

// touchpointShows: the touchpoint, the personas who meet it, its stages
// and the pains met at it.
func touchpointShows(t *site.Touchpoint) []site.Ref {
	refs := make([]site.Ref, 0, 1+len(t.Personas)+len(t.Stages)+len(t.Pains))
	refs = append(refs, site.Ref{Kind: site.KindTouchpoint, ID: t.ID})
	for _, p := range t.Personas {
		refs = append(refs, site.Ref{Kind: site.KindPersona, ID: p.ID})
	}
	for _, st := range t.Stages {
		refs = append(refs, site.Ref{Kind: site.KindStage, ID: st.ID})
	}
	return appendPainRefs(refs, t.Pains)
}

// painPageCount is the number of pages the pain-point index takes at per
// rows a page: at least one, even when there are no pains.
func painPageCount(pains, per int) int {
	return pageCount(pains, per)
}

// painDetailPath is the folder of the page of the pain with key.
func painDetailPath(key string) string { return "pains/" + key + "/" }

// ownerPath is the folder of the page of the owner with key.
func ownerPath(key string) string { return "owners/" + key + "/" }

// painPagePath is the folder of page n of the pain-point index.
func painPagePath(n int) string {
	if n <= 1 {
		return "pains/"
	}
	return "pains/page/" + strconv.Itoa(n) + "/"
}

// tpGroupPagePath is the folder of page n of the pain points by touchpoint.
func tpGroupPagePath(n int) string {
	if n <= 1 {
		return "pains/by-touchpoint/"
	}
	return "pains/by-touchpoint/page/" + strconv.Itoa(n) + "/"
}
