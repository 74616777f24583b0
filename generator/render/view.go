package render

import (
	"fmt"
	"html/template"
	"math"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/render/chart"
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
}

// Heat returns the class of a heatmap cell for st: "heat-0" (most negative)
// to "heat-6" (most positive), or "heat-none" when st has no scores.
func (c common) Heat(st site.Stat) string {
	if st.N == 0 {
		return "heat-none"
	}
	sc := c.Config.Emotion
	if sc.Max <= sc.Min {
		return "heat-3"
	}
	t := (st.Mean - float64(sc.Min)) / float64(sc.Max-sc.Min)
	return fmt.Sprintf("heat-%d", int(math.Round(math.Max(0, math.Min(1, t))*6)))
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

// PainList pairs pains with the page's links for the "pain-table" partial.
func (c common) PainList(pains []*site.Pain) painList {
	return painList{Pains: pains, Link: c.Link}
}

// painList is a compact table of pains linking to the pain-point index.
type painList struct {
	Pains []*site.Pain
	Link  links
}

// Heatmap returns the persona x stage table of mean emotion for rows.
func (c common) Heatmap(rows []site.HeatmapRow, hidden int) heatmap {
	return heatmap{common: c, Rows: rows, Hidden: hidden}
}

// heatmap is a persona x stage table of mean emotion.
type heatmap struct {
	common
	Rows []site.HeatmapRow
	// Hidden counts the personas left out of Rows.
	Hidden int
}

type homeView struct {
	common
	Cards     []*site.Persona
	MoreCards int
	TopPains  []*site.Pain
	HeatRows  []site.HeatmapRow
	// HeatHidden counts the personas left out of HeatRows.
	HeatHidden int
}

type personaListView struct {
	common
	Overlay template.HTML
	Shown   []*site.Persona
	Capped  bool
	// Scored counts the personas with at least one emotion score.
	Scored int
}

type personaView struct {
	common
	Persona *site.Persona
	Bands   []chart.Band
	// BandRollups holds the stage roll-up of each band, aligned with Bands.
	BandRollups []*site.StageRollup
	Curve       template.HTML
	Lanes       lanes
	// Scored counts the steps with an emotion score.
	Scored int
}

// lanes says which optional rows of the journey grid have any content.
type lanes struct {
	Touchpoints, Thought, Feeling, Pains, Opportunities, Evidence, Duration, Artifacts bool
}

type stageView struct {
	common
	Stage      *site.Stage
	Prev, Next *site.Stage
}

type touchpointView struct {
	common
	Touchpoint *site.Touchpoint
}

type painIndexView struct {
	common
	Pains []*site.Pain
	// Number is this page's number and Pages the count, from 1.
	Number, Pages int
	// Offset is the position of the first row in the whole index, from 0.
	Offset int
	// Severities counts the pains of the whole index by severity, most
	// severe first; Mentions counts their mentions.
	Severities []severityCount
	Mentions   int
}

// severityCount is how many pains have one severity.
type severityCount struct {
	Severity site.Severity
	N        int
}

// newView gathers what the template of page p needs.
func newView(s *site.Site, p Page, d *derived) (any, error) {
	c := common{Site: s, Config: s.Config, Page: p, Section: p.Type, Link: links{root: rootOf(p.Path), pains: d}}
	if c.Config == nil {
		c.Config = config.Default()
	}
	home := crumb{Title: "Home", URL: c.Link.Home()}
	switch p.Type {
	case HomePage:
		c.Title = s.Title
		c.Edit = editURL(c.Config, s.HomeSource)
		return newHomeView(c), nil
	case PersonaList:
		c.Title = "Personas"
		return newPersonaListView(c), nil
	case PersonaPage:
		per := d.personas[p.ID]
		if per == nil {
			return nil, fmt.Errorf("no persona %q", p.ID)
		}
		c.Title, c.Section, c.Edit = per.Title, PersonaList, editURL(c.Config, per.Source)
		c.Crumbs = []crumb{home, {"Personas", c.Link.To("personas/")}}
		return newPersonaView(c, per), nil
	case StageList:
		c.Title = "Stages"
	case StagePage:
		st := d.stages[p.ID]
		if st == nil {
			return nil, fmt.Errorf("no stage %q", p.ID)
		}
		c.Title, c.Section, c.Edit = st.Title, StageList, editURL(c.Config, st.Source)
		c.Crumbs = []crumb{home, {"Stages", c.Link.To("stages/")}}
		v := stageView{common: c, Stage: st}
		if i := st.Index; i > 0 && i-1 < len(s.Stages) {
			v.Prev = s.Stages[i-1]
		}
		if i := st.Index; i >= 0 && i+1 < len(s.Stages) {
			v.Next = s.Stages[i+1]
		}
		return v, nil
	case TouchpointList:
		c.Title = "Touchpoints"
	case TouchpointPage:
		t := d.touchpoints[p.ID]
		if t == nil {
			return nil, fmt.Errorf("no touchpoint %q", p.ID)
		}
		c.Title, c.Section, c.Edit = t.Title, TouchpointList, editURL(c.Config, t.Source)
		c.Crumbs = []crumb{home, {"Touchpoints", c.Link.To("touchpoints/")}}
		return touchpointView{common: c, Touchpoint: t}, nil
	case PainIndex:
		return newPainIndexView(c, p), nil
	case PainsByStage:
		c.Title, c.Section = "Pain points by stage", PainIndex
		c.Crumbs = []crumb{home, {"Pain points", c.Link.To("pains/")}}
	case PainsByTouchpoint:
		c.Title, c.Section = "Pain points by touchpoint", PainIndex
		c.Crumbs = []crumb{home, {"Pain points", c.Link.To("pains/")}}
	case OwnerList:
		c.Title = "Owners"
	case NotFoundPage:
		c.Title = "Page not found"
		// Hosts serve 404.html at any missing URL, where relative links
		// would point nowhere; with a base URL the links are absolute.
		if c.Config.BaseURL != "" {
			c.Link.root = c.Config.BaseURL
		}
	}
	return c, nil
}

func newHomeView(c common) homeView {
	s := c.Site
	v := homeView{common: c}
	v.Cards = s.Personas[:min(len(s.Personas), homeCards)]
	v.MoreCards = len(s.Personas) - len(v.Cards)
	v.TopPains = s.Pains[:min(len(s.Pains), homePains)]
	v.HeatRows = s.Heatmap.Rows[:min(len(s.Heatmap.Rows), homeHeatRows)]
	v.HeatHidden = len(s.Heatmap.Rows) - len(v.HeatRows)
	return v
}

func newPersonaListView(c common) personaListView {
	s := c.Site
	v := personaListView{common: c}
	v.Shown, v.Capped = chart.OverlaySelection(s.Personas)
	v.Overlay = chart.Overlay(v.Shown, s.Stages, c.Config.Emotion, "overlay")
	for _, p := range s.Personas {
		if p.Mean.N > 0 {
			v.Scored++
		}
	}
	return v
}

func newPersonaView(c common, p *site.Persona) personaView {
	v := personaView{common: c, Persona: p, Bands: chart.Bands(p.Steps)}
	v.Curve = chart.Curve(p, c.Config.Emotion, "curve")
	byStage := make(map[*site.Stage]*site.StageRollup, len(p.Stages))
	for _, r := range p.Stages {
		byStage[r.Stage] = r
	}
	for _, b := range v.Bands {
		r := byStage[b.Stage]
		if r == nil {
			r = &site.StageRollup{Stage: b.Stage, Persona: p}
		}
		v.BandRollups = append(v.BandRollups, r)
	}
	for _, st := range p.Steps {
		if st.HasEmotion {
			v.Scored++
		}
		l := &v.Lanes
		l.Touchpoints = l.Touchpoints || len(st.Touchpoints) > 0
		l.Thought = l.Thought || st.Thought != ""
		l.Feeling = l.Feeling || st.Feeling != ""
		l.Pains = l.Pains || len(st.Pains) > 0
		l.Opportunities = l.Opportunities || len(st.Opportunities) > 0
		l.Evidence = l.Evidence || len(st.Evidence) > 0
		l.Duration = l.Duration || st.Duration != ""
		l.Artifacts = l.Artifacts || len(st.Artifacts) > 0
	}
	return v
}

func newPainIndexView(c common, p Page) painIndexView {
	s := c.Site
	n := max(p.Number, 1)
	v := painIndexView{common: c, Number: n, Pages: painPageCount(len(s.Pains))}
	v.Title = "Pain points"
	if n > 1 {
		v.Title = fmt.Sprintf("Pain points, page %d of %d", n, v.Pages)
		v.Crumbs = []crumb{{"Home", v.Link.Home()}, {"Pain points", v.Link.To("pains/")}}
	}
	v.Offset = min((n-1)*PainsPerPage, len(s.Pains))
	v.Pains = s.Pains[v.Offset:min(v.Offset+PainsPerPage, len(s.Pains))]
	counts := map[site.Severity]int{}
	for _, p := range s.Pains {
		counts[p.Severity]++
		v.Mentions += len(p.Mentions)
	}
	for _, sev := range append(site.Severities(), site.Unrated) {
		if counts[sev] > 0 {
			v.Severities = append(v.Severities, severityCount{sev, counts[sev]})
		}
	}
	return v
}

// editURL is the "edit this page" link of a page built from src.
func editURL(cfg *config.Config, src site.Source) string {
	if cfg.EditURL == "" || src.Path == "" {
		return ""
	}
	return cfg.EditURL + src.Path
}
