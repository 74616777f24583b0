package render

import (
	"fmt"
	"html/template"
	"math"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/site"
)

// How much of the portal the home page shows before linking on.
const (
	homeCards    = 12
	homePains    = 10
	homeHeatRows = 20
)

// crumb is one step of a detail page's breadcrumbs.
type crumb struct {
	Title string
	URL   string
}

// common is what every page's templates can use.
type common struct {
	Site   *site.Site
	Config *config.Config
	Page   Page
	// Title is the page's heading; the layout adds the portal's title in
	// <title>.
	Title string
	// Section is the list page whose nav entry is current.
	Section PageType
	Link    links
	// Crumbs lead from the home page to the page, without the page itself.
	Crumbs []crumb
	// Edit links to the page's source in the repository; empty without
	// Config.EditURL.
	Edit string
	// LastChange says when and by whom the page's file last changed in
	// git; empty without history.
	LastChange template.HTML
	// Layout is what the layout shared by every page shows.
	Layout layout
	// words are the messages of the portal's language.
	words *words
}

// layout is what the layout around every page shows, worked out in Go so
// that the layout template, run for every page of the portal, runs few
// actions.
type layout struct {
	// Lang is the language of the page; DocTitle its <title>: the page's
	// title, then the portal's.
	Lang, DocTitle string
	// SiteTitle is the portal's title.
	SiteTitle string
	// Home, CSS, Icon and Data link to the home page, the stylesheet,
	// the favicon and data.json.
	Home, CSS, Icon, Data string
	// Nav holds the entries of the site navigation.
	Nav []navEntry
	// Edit links to the page's source; empty when not set up.
	Edit string
	// Search is the search box of the header.
	Search searchBox
	// BuiltFrom names the commit the portal was built from; empty without
	// history.
	BuiltFrom template.HTML
}

// navEntry is one entry of the site navigation.
type navEntry struct {
	URL, Label string
	// Current is the entry's aria-current: "page" on its list page, "true"
	// on the detail pages under it, else empty.
	Current string
}

// view is the value a page's template runs on: common, or a struct that
// embeds it.
type view interface {
	base() *common
}

func (c *common) base() *common { return c }

// layout works out c.Layout from the rest of c.
func (c *common) layout() layout {
	title := c.Site.Title
	if c.Title != "" && c.Title != c.Site.Title {
		title = c.Title + " · " + c.Site.Title
	}
	nav := c.words.nav
	l := layout{
		Lang: c.Config.Language, DocTitle: title, SiteTitle: c.Site.Title, Edit: c.Edit,
		Home: c.Link.Home(), CSS: c.Link.To("static/cxatlas.css"), Icon: c.Link.To("static/favicon.svg"), Data: c.Link.To("data.json"),
		Search: c.searchBox(),
		Nav: []navEntry{
			{c.Link.Home(), nav["home"], c.Current("home")},
			{c.Link.To("personas/"), nav["personas"], c.Current("personas")},
			{c.Link.To("stages/"), nav["stages"], c.Current("stages")},
			{c.Link.To("touchpoints/"), nav["touchpoints"], c.Current("touchpoints")},
			{c.Link.To("pains/"), nav["pains"], c.Current("pains")},
			{c.Link.To("owners/"), nav["owners"], c.Current("owners")},
		},
	}
	if h := c.Site.History; h != nil {
		l.Nav = append(l.Nav, navEntry{c.Link.To("changes/"), nav["changes"], c.Current("changes")})
		l.BuiltFrom = builtFrom(h, c.Config, c.words)
	}
	return l
}

// Heat returns the class of a heatmap cell for st: "heat-0" (most negative)
// to "heat-6" (most positive), or "heat-none" when st has no scores.
func (c common) Heat(st site.Stat) string { return heatClass(st, c.Config.Emotion) }

// heatClass is the class of a heatmap cell for st on scale sc; see Heat.
func heatClass(st site.Stat, sc config.Scale) string {
	if st.N == 0 {
		return "heat-none"
	}
	if sc.Max <= sc.Min {
		return "heat-3"
	}
	t := (st.Mean - float64(sc.Min)) / float64(sc.Max-sc.Min)
	classes := [...]string{"heat-0", "heat-1", "heat-2", "heat-3", "heat-4", "heat-5", "heat-6"}
	return classes[int(math.Round(math.Max(0, math.Min(1, t))*6))]
}

// Current returns the aria-current value of the nav entry for section:
// "page" on that list page, "true" on its detail pages, else "".
func (c common) Current(section string) string {
	switch {
	case string(c.Page.Type) == section:
		return "page"
	case string(c.Section) == section:
		return "true"
	}
	return ""
}

// TouchpointChips returns a list item linking to each of tps, for a
// <ul class="chips">.
func (c common) TouchpointChips(tps []*site.Touchpoint) fragment {
	return touchpointChips(tps, c.Link)
}

// PainList returns the rows of the "pain-table" partial for pains.
func (c common) PainList(pains []*site.Pain) painList {
	return painList{Pains: pains, Rows: painRows(pains, c.Link, c.words)}
}

// PainSummary returns the "pain-table" partial for the first
// Limits.Summary of pains, with "and N more" linking to more, where the
// others are listed.
func (c common) PainSummary(pains []*site.Pain, more string) painList {
	return c.painSummary(pains, more)
}

func (c common) painSummary(pains []*site.Pain, more string) painList {
	n := c.Link.d.lim.Summary
	if len(pains) <= n {
		return c.PainList(pains)
	}
	l := c.PainList(pains[:n])
	l.More, l.MoreURL = c.words.cat.Plural("more.pains", len(pains)-n), more
	return l
}

// painList is a compact table of pains linking to the pain-point index.
type painList struct {
	Pains []*site.Pain
	// Rows holds a row per pain: severity, text, personas and mentions.
	Rows fragment
	// More is the "and N more" of the pains left out, linking to MoreURL;
	// empty when none is.
	More, MoreURL string
}

// Heatmap returns the persona x stage table of mean emotion for rows.
func (c common) Heatmap(rows []site.HeatmapRow, hidden int) heatmap {
	return heatmap{common: c, Rows: rows, Hidden: hidden, Body: heatmapRows(rows, c.Config.Emotion, c.Link, c.words)}
}

// heatmap is a persona x stage table of mean emotion.
type heatmap struct {
	common
	Rows []site.HeatmapRow
	// Hidden counts the personas left out of Rows.
	Hidden int
	// Body holds the table's rows for Rows.
	Body fragment
}

// newView gathers what the template of page p needs.
func newView(s *site.Site, p Page, d *derived, w *words) (view, error) {
	v, err := pageView(s, p, d, w)
	if err != nil {
		return nil, err
	}
	c := v.base()
	c.Layout = c.layout()
	return v, nil
}

// pageView builds the view of page p for its type.
func pageView(s *site.Site, p Page, d *derived, w *words) (view, error) {
	c := common{Site: s, Config: s.Config, Page: p, Section: p.Type, Link: links{root: rootOf(p.Path), d: d}, words: w}
	if c.Config == nil {
		c.Config = config.Default()
	}
	nav, cat := w.nav, w.cat
	home := crumb{Title: nav["home"], URL: c.Link.Home()}
	switch p.Type {
	case HomePage:
		c.Title = s.Title
		c.Edit = editURL(c.Config, s.HomeSource)
		return newHomeView(c), nil
	case PersonaList:
		c.Title = nav["personas"]
		return newPersonaListView(c), nil
	case PersonaPage:
		per := s.Persona(p.ID)
		if per == nil {
			return nil, fmt.Errorf("no persona %q", p.ID)
		}
		c.Title, c.Section, c.Edit = per.Title, PersonaList, editURL(c.Config, per.Source)
		c.LastChange = lastChange(s.History.Last(per.Source.Path), c.Config, w)
		c.Crumbs = []crumb{home, {nav["personas"], c.Link.To("personas/")}}
		return newPersonaView(c, per), nil
	case StageList:
		c.Title = nav["stages"]
	case StagePage:
		st := s.Stage(p.ID)
		if st == nil {
			return nil, fmt.Errorf("no stage %q", p.ID)
		}
		c.Title, c.Section, c.Edit = st.Title, StageList, editURL(c.Config, st.Source)
		c.LastChange = lastChange(s.History.Last(st.Source.Path), c.Config, w)
		c.Crumbs = []crumb{home, {nav["stages"], c.Link.To("stages/")}}
		return newStageView(c, st), nil
	case TouchpointList:
		c.Title = nav["touchpoints"]
		return newTouchpointListView(c), nil
	case TouchpointPage:
		t := s.Touchpoint(p.ID)
		if t == nil {
			return nil, fmt.Errorf("no touchpoint %q", p.ID)
		}
		c.Title, c.Section, c.Edit = t.Title, TouchpointList, editURL(c.Config, t.Source)
		c.LastChange = lastChange(s.History.Last(t.Source.Path), c.Config, w)
		c.Crumbs = []crumb{home, {nav["touchpoints"], c.Link.To("touchpoints/")}}
		return newTouchpointView(c, t), nil
	case PainIndex:
		return newPainIndexView(c, p, d), nil
	case PainPage:
		c.Section = PainIndex
		c.Crumbs = []crumb{home, {nav["pains"], c.Link.To("pains/")}}
		return newPainView(c, d)
	case PainsByStage:
		c.Title, c.Section = cat.T("title.pains_by_stage"), PainIndex
		c.Crumbs = []crumb{home, {nav["pains"], c.Link.To("pains/")}}
	case PainsByTouchpoint:
		c.Title, c.Section = cat.T("title.pains_by_touchpoint"), PainIndex
		c.Crumbs = []crumb{home, {nav["pains"], c.Link.To("pains/")}}
		return newGroupedView(c, p.Number, d), nil
	case OwnerList:
		c.Title = nav["owners"]
		return newOwnerListView(c), nil
	case OwnerPage:
		o := d.ownerByKey[p.ID]
		if o == nil {
			return nil, fmt.Errorf("no owner %q", p.ID)
		}
		c.Section = OwnerList
		c.Crumbs = []crumb{home, {nav["owners"], c.Link.To("owners/")}}
		return newOwnerView(c, o), nil
	case ComparePage, MatrixPage, ChannelsPage:
		return exploreView(c, p.Type), nil
	case SearchPage:
		return newSearchView(c), nil
	case ChangesPage:
		c.Title = cat.T("changes.title")
		return newChangesView(c), nil
	case NotFoundPage:
		c.Title = cat.T("title.not_found")
		// Hosts serve 404.html at any missing URL, where relative links
		// would point nowhere; with a base URL the links are absolute.
		if c.Config.BaseURL != "" {
			c.Link.root = c.Config.BaseURL
		}
	}
	return &c, nil
}

// editURL is the "edit this page" link of a page built from src.
func editURL(cfg *config.Config, src site.Source) string {
	if cfg.EditURL == "" || src.Path == "" {
		return ""
	}
	return cfg.EditURL + src.Path
}
