package render

import (
	"html/template"

	"github.com/cxatlas/cxatlas/generator/render/chart"
	"github.com/cxatlas/cxatlas/generator/site"
)

// The views of the page types that need more than common: what each
// page's template shows, worked out in Go, with the rows it repeats
// written as HTML.

type homeView struct {
	common
	Cards     []*site.Persona
	MoreCards int
	TopPains  []*site.Pain
	HeatRows  []site.HeatmapRow
	// HeatHidden counts the personas left out of HeatRows.
	HeatHidden int
	// Freshness lists maps by their last change in git, the latest first,
	// with their last review; empty without history.
	Freshness []freshRow
}

type personaListView struct {
	common
	// Rows holds a row of the list per persona of the page.
	Rows fragment
	// HeatRows are the heatmap rows of the personas of the page.
	HeatRows []site.HeatmapRow
	Pager    pager
	Overlay  template.HTML
	Shown    []*site.Persona
	Capped   bool
	// Scored counts the personas with at least one emotion score.
	Scored int
}

type touchpointListView struct {
	common
	// Rows holds a row of the list per touchpoint of the page.
	Rows  fragment
	Pager pager
}

// groupedView is a page of the pain points grouped by touchpoint.
type groupedView struct {
	common
	// Groups holds a <tbody> per touchpoint of the page.
	Groups fragment
	// Number is this page's number and Pages the count, from 1.
	Number, Pages int
	// Prev and Next link to the pages before and after; empty at the ends.
	Prev, Next string
	// Contents lists every page with the touchpoints it starts and ends
	// with, so a reader can go straight to the right one.
	Contents []pageEntry
}

// pageEntry is one page of a view split into pages.
type pageEntry struct {
	URL, Label string
	// Current is set on the entry of the page it is shown on.
	Current bool
}

func newGroupedView(c common, n int, d *derived) *groupedView {
	pages := d.tpGroupPages
	n = min(max(n, 1), len(pages))
	v := &groupedView{common: c, Number: n, Pages: len(pages), Groups: touchpointPainGroups(pages[n-1], c.Link, c.words)}
	if n > 1 {
		cat := c.words.cat
		v.Title = cat.Format("title.pages_of", "title", v.Title, "n", cat.Int(n), "pages", cat.Int(len(pages)))
		v.Prev = c.Link.To(tpGroupPagePath(n - 1))
	}
	if n < len(pages) {
		v.Next = c.Link.To(tpGroupPagePath(n + 1))
	}
	if len(pages) > 1 {
		for i, tps := range pages {
			label := tps[0].Title
			if len(tps) > 1 {
				label += " … " + tps[len(tps)-1].Title
			}
			v.Contents = append(v.Contents, pageEntry{URL: c.Link.To(tpGroupPagePath(i + 1)), Label: label, Current: i+1 == n})
		}
	}
	return v
}

type personaView struct {
	common
	Persona *site.Persona
	Bands   []chart.Band
	Curve   template.HTML
	// Overview is the chart of the whole journey that opens the map.
	Overview template.HTML
	// Since is the map's baseline from history, drawn in Overview, and
	// what changed since; nil without one.
	Since *since
	Grid  journeyGrid
	// Print holds the journey map cut into parts for print; see printMap.
	Print template.HTML
	// StageRows holds the rows of the table of emotion by stage.
	StageRows template.HTML
	// CriticalItems holds an item of the list of critical points per
	// critical step.
	CriticalItems template.HTML
}

type stageView struct {
	common
	Stage      *site.Stage
	Prev, Next *site.Stage
	// Steps holds a <tbody> per persona with a row per step in the stage,
	// for the steps of the page.
	Steps fragment
	// Touchpoints and Pains are those of the stage the page shows.
	Touchpoints []*site.Touchpoint
	Pains       []*site.Pain
	Pager       pager
}

type touchpointView struct {
	common
	Touchpoint *site.Touchpoint
	// Steps holds a row per step of the page that uses the touchpoint.
	Steps fragment
	// Pains are the touchpoint's pains the page shows.
	Pains []*site.Pain
	Pager pager
}

type painIndexView struct {
	common
	Pains []*site.Pain
	// Number is this page's number and Pages the count, from 1.
	Number, Pages int
	// Rows holds the rows of the index for Pains.
	Rows fragment
	// Severities counts the pains of the whole index by severity, most
	// severe first; Mentions counts their mentions.
	Severities []severityCount
	Mentions   int
	// FilterWords are the data-* attributes of the filter form: where its
	// data is and the words pains.js shows.
	FilterWords template.HTMLAttr
}

// severityCount is how many pains have one severity.
type severityCount struct {
	Severity site.Severity
	N        int
}

func newHomeView(c common) *homeView {
	s := c.Site
	v := homeView{common: c}
	v.Cards = s.Personas[:min(len(s.Personas), homeCards)]
	v.MoreCards = len(s.Personas) - len(v.Cards)
	v.TopPains = s.Pains[:min(len(s.Pains), homePains)]
	v.HeatRows = s.Heatmap.Rows[:min(len(s.Heatmap.Rows), homeHeatRows)]
	v.HeatHidden = len(s.Heatmap.Rows) - len(v.HeatRows)
	v.Freshness = freshness(c)
	return &v
}

func newPersonaView(c common, p *site.Persona) *personaView {
	v := personaView{common: c, Persona: p, Bands: chart.Bands(p.Steps)}
	v.Curve = chart.Curve(p, c.Config.Emotion, "curve", c.words.cat)
	v.Since = sinceOf(c, p)
	var then []chart.Earlier
	if v.Since != nil {
		then = v.Since.then
	}
	v.Overview = chart.OverviewThen(p, c.Config.Emotion, "overview", c.words.cat, then)
	// A persona has a roll-up for every stage, in stage order; steps
	// without a stage form a band of their own, with an empty roll-up.
	rollups := make([]*site.StageRollup, len(v.Bands))
	for i, b := range v.Bands {
		if b.Stage != nil {
			rollups[i] = p.Stages[b.Stage.Index]
		} else {
			rollups[i] = &site.StageRollup{Persona: p}
		}
	}
	v.Grid = newJourneyGrid(p, v.Bands, rollups, c.Link, c.words)
	v.Print = printMap(p, &v.Grid, c.Config.Emotion, c.words)
	v.StageRows = stageRows(p.Stages, c.Config.Emotion, c.Link, c.words)
	v.CriticalItems = criticalItems(p.Critical, c.words)
	return &v
}

func newPainIndexView(c common, p Page, d *derived) *painIndexView {
	s := c.Site
	n := max(p.Number, 1)
	per := d.lim.PainsPerPage
	v := painIndexView{common: c, Number: n, Pages: painPageCount(len(s.Pains), per)}
	cat, nav := c.words.cat, c.words.nav
	v.Title = cat.T("title.pains")
	if n > 1 {
		v.Title = cat.Format("title.pains_page", "n", cat.Int(n), "pages", cat.Int(v.Pages))
		v.Crumbs = []crumb{{nav["home"], v.Link.Home()}, {nav["pains"], v.Link.To("pains/")}}
	}
	offset := min((n-1)*per, len(s.Pains))
	v.Pains = s.Pains[offset:min(offset+per, len(s.Pains))]
	v.Rows = painIndexRows(v.Pains, offset, c.Link, c.words)
	v.Severities, v.Mentions = d.severities, d.mentions
	v.FilterWords = filterWords(c.Link, c.words)
	return &v
}
