package render

import (
	"fmt"
	"net/url"

	"github.com/cxatlas/cxatlas/generator/render/chart"
	"github.com/cxatlas/cxatlas/generator/site"
)

// The views of the pages split into pages (see Limits): each page of a
// list or of a detail page shows its share of every list the page holds,
// and a pager links to the others.

// pagedTitle returns title, with "page n of pages" after it past the first
// page.
func pagedTitle(c common, title string, n, pages int) string {
	if n <= 1 {
		return title
	}
	cat := c.words.cat
	return cat.Format("title.pages_of", "title", title, "n", cat.Int(n), "pages", cat.Int(pages))
}

// number returns page p's number, from 1.
func number(p Page) int { return max(p.Number, 1) }

func newStageView(c common, st *site.Stage) *stageView {
	s, per := c.Site, c.Link.d.lim.RowsPerPage
	n, pages := number(c.Page), stagePageCount(st, per)
	v := stageView{common: c, Stage: st,
		Steps:       stageStepRows(rollupsPage(st.Rollups, n, per), c.Config.Emotion, c.Link, c.words),
		Touchpoints: pageOf(st.Touchpoints, n, per),
		Pains:       pageOf(st.Pains, n, per),
		Pager:       newPager(c.Link, stagePath(url.PathEscape(st.ID)), n, pages),
	}
	v.Title = pagedTitle(c, st.Title, n, pages)
	if i := st.Index; i > 0 && i-1 < len(s.Stages) {
		v.Prev = s.Stages[i-1]
	}
	if i := st.Index; i >= 0 && i+1 < len(s.Stages) {
		v.Next = s.Stages[i+1]
	}
	return &v
}

// rollupsPage returns the roll-ups of the steps of page n when the steps
// of rs, in order, are split into pages of per: a persona whose steps
// straddle two pages has a roll-up on each.
func rollupsPage(rs []*site.StageRollup, n, per int) []*site.StageRollup {
	lo, hi := (n-1)*per, n*per
	var out []*site.StageRollup
	at := 0
	for _, r := range rs {
		k := len(r.Steps)
		if at >= hi {
			break
		}
		if at+k > lo && k > 0 {
			part := *r
			part.Steps = r.Steps[max(lo-at, 0):min(hi-at, k)]
			out = append(out, &part)
		}
		at += k
	}
	return out
}

func newTouchpointView(c common, t *site.Touchpoint) *touchpointView {
	per := c.Link.d.lim.RowsPerPage
	n, pages := number(c.Page), touchpointPageCount(t, per)
	v := touchpointView{common: c, Touchpoint: t,
		Steps: touchpointStepRows(pageOf(t.Steps, n, per), c.Link, c.words),
		Pains: pageOf(t.Pains, n, per),
		Pager: newPager(c.Link, touchpointPath(url.PathEscape(t.ID)), n, pages),
	}
	v.Title = pagedTitle(c, t.Title, n, pages)
	return &v
}

func newTouchpointListView(c common) *touchpointListView {
	s, per := c.Site, c.Link.d.lim.RowsPerPage
	n, pages := number(c.Page), pageCount(len(s.Touchpoints), per)
	c.Title = pagedTitle(c, c.Title, n, pages)
	return &touchpointListView{common: c,
		Rows:  touchpointRows(pageOf(s.Touchpoints, n, per), c.Config.Emotion, c.Link, c.words),
		Pager: newPager(c.Link, "touchpoints/", n, pages),
	}
}

// ownerListView is a page of the owners page: each owner with its first
// touchpoints and most urgent pains, linking to the owner's page.
type ownerListView struct {
	common
	Owners []ownerEntry
	Pager  pager
}

// ownerEntry is an owner's summary on the owners page.
type ownerEntry struct {
	Owner *site.Owner
	// URL links to the owner's page.
	URL string
	// Chips holds a list item per touchpoint shown.
	Chips fragment
	// MoreTouchpoints is the "and N more" of the touchpoints left out;
	// empty when none is.
	MoreTouchpoints string
	Pains           painList
}

func newOwnerListView(c common) *ownerListView {
	s, lim := c.Site, c.Link.d.lim
	n, pages := number(c.Page), pageCount(len(s.Owners), lim.OwnersPerPage)
	c.Title = pagedTitle(c, c.Title, n, pages)
	v := ownerListView{common: c, Pager: newPager(c.Link, "owners/", n, pages)}
	for _, o := range pageOf(s.Owners, n, lim.OwnersPerPage) {
		url := c.Link.OwnerPage(o)
		e := ownerEntry{Owner: o, URL: url,
			Chips: touchpointChips(o.Touchpoints[:min(len(o.Touchpoints), lim.Summary)], c.Link),
			Pains: c.painSummary(o.Pains, url+"#h-pains"),
		}
		if more := len(o.Touchpoints) - lim.Summary; more > 0 {
			e.MoreTouchpoints = c.words.cat.Plural("more.touchpoints", more)
		}
		v.Owners = append(v.Owners, e)
	}
	return &v
}

// ownerView is a page of an owner's page: its share of the owner's
// touchpoints and pains.
type ownerView struct {
	common
	Owner       *site.Owner
	Touchpoints []*site.Touchpoint
	Pains       []*site.Pain
	Pager       pager
}

func newOwnerView(c common, o *site.Owner) *ownerView {
	per := c.Link.d.lim.RowsPerPage
	n, pages := number(c.Page), ownerPageCount(o, per)
	c.Title = pagedTitle(c, c.words.owner(o.Name), n, pages)
	return &ownerView{common: c, Owner: o,
		Touchpoints: pageOf(o.Touchpoints, n, per),
		Pains:       pageOf(o.Pains, n, per),
		Pager:       newPager(c.Link, ownerPath(o.Key), n, pages),
	}
}

// painView is a page of a pain's own page: its share of the mentions.
type painView struct {
	common
	Pain *site.Pain
	// Row links to the pain's row in the pain-point index.
	Row string
	// Stages and Owners are the pain's, at most Limits.RowsPerPage of each.
	Stages []*site.Stage
	Owners []string
	// Mentions holds a row per mention of the page.
	Mentions fragment
	Pager    pager
}

func newPainView(c common, d *derived) (*painView, error) {
	p := d.painByKey[c.Page.ID]
	if p == nil || !d.painPaged(p) {
		return nil, fmt.Errorf("no pain %q with a page of its own", c.Page.ID)
	}
	per := d.lim.RowsPerPage
	n, pages := number(c.Page), pageCount(len(p.Mentions), per)
	c.Title = pagedTitle(c, p.Text, n, pages)
	return &painView{common: c, Pain: p, Row: c.Link.Pain(p),
		Stages: p.Stages[:min(per, len(p.Stages))], Owners: p.Owners[:min(per, len(p.Owners))],
		Mentions: mentionRows(pageOf(p.Mentions, n, per), c.Link, c.words),
		Pager:    newPager(c.Link, painDetailPath(url.PathEscape(p.Key)), n, pages),
	}, nil
}

func newPersonaListView(c common) *personaListView {
	s, per := c.Site, c.Link.d.lim.RowsPerPage
	n, pages := number(c.Page), pageCount(len(s.Personas), per)
	c.Title = pagedTitle(c, c.Title, n, pages)
	v := personaListView{common: c,
		Rows:     personaRows(pageOf(s.Personas, n, per), c.Config.Emotion, c.Link, c.words),
		HeatRows: pageOf(s.Heatmap.Rows, n, per),
		Pager:    newPager(c.Link, "personas/", n, pages),
	}
	if n == 1 {
		v.Shown, v.Capped = chart.OverlaySelection(s.Personas)
		v.Overlay = chart.Overlay(v.Shown, s.Stages, c.Config.Emotion, "overlay", c.words.cat)
	}
	for _, p := range s.Personas {
		if p.Mean.N > 0 {
			v.Scored++
		}
	}
	return &v
}
