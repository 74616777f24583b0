package render

import (
	"net/url"
	"sync"

	"github.com/cxatlas/cxatlas/generator/site"
)

// derived holds lookups computed once per site and shared by all its pages,
// so that rendering one page stays proportional to that page's size. The
// Renderer keeps the one of the last site it rendered.
type derived struct {
	site *site.Site
	// lim bounds how much one page holds.
	lim Limits
	// pages is the page list of the site, made once by pageList.
	pages     []Page
	pagesOnce sync.Once
	// painRefs holds the link of each pain's row in the index, from the
	// publish folder: "pains/page/3/#pain-1a2b3c4d".
	painRefs map[*site.Pain]string
	// before, for the lookups of a preview, are those of the site before
	// the edit: a pain the preview did not join again is found there.
	before *derived
	// ownerKey holds the Key of each owner, by name.
	ownerKey map[string]string
	// ownerByKey and painByKey find the owner or pain of a page by Key.
	ownerByKey map[string]*site.Owner
	painByKey  map[string]*site.Pain
	// tpGroupPages splits the touchpoints with pains into the pages of the
	// pain points by touchpoint: page n shows tpGroupPages[n-1]. There is
	// always at least one page.
	tpGroupPages [][]*site.Touchpoint
	// severities counts the pains by severity, most severe first, and
	// mentions counts their mentions, for every page of the index.
	severities []severityCount
	mentions   int
	// filter holds the options of the filters of the pain-point index,
	// worked out once by Renderer.filter.
	filter     *painFilter
	filterOnce sync.Once
}

// derive returns the lookups of s, computing them on the first call for s.
func (r *Renderer) derive(s *site.Site) *derived {
	if d := r.cached(s); d != nil {
		return d
	}
	r.deriving.Lock()
	defer r.deriving.Unlock()
	if d := r.cached(s); d != nil {
		return d
	}
	d := &derived{site: s, lim: r.limits}
	d.ownerKey = make(map[string]string, len(s.Owners))
	d.ownerByKey = make(map[string]*site.Owner, len(s.Owners))
	for _, o := range s.Owners {
		d.ownerKey[o.Name] = o.Key
		d.ownerByKey[o.Key] = o
	}
	d.painRefs = make(map[*site.Pain]string, len(s.Pains))
	d.painByKey = make(map[string]*site.Pain, len(s.Pains))
	counts := map[site.Severity]int{}
	for i, p := range s.Pains {
		d.painRefs[p] = painPagePath(i/d.lim.PainsPerPage+1) + "#" + url.PathEscape(p.Key)
		d.painByKey[p.Key] = p
		counts[p.Severity]++
		d.mentions += len(p.Mentions)
	}
	for _, sev := range append(site.Severities(), site.Unrated) {
		if counts[sev] > 0 {
			d.severities = append(d.severities, severityCount{sev, counts[sev]})
		}
	}
	d.tpGroupPages = groupPages(s.Touchpoints, d.lim.Summary, d.lim.GroupRowsPerPage)
	r.prev.Store(r.last.Load())
	r.last.Store(d)
	return d
}

// groupPages splits the touchpoints that have pains into pages of at most
// perPage rows, keeping each touchpoint's rows on one page: a touchpoint
// shows at most summary pain rows, its head row and a row linking to the
// rest.
func groupPages(tps []*site.Touchpoint, summary, perPage int) [][]*site.Touchpoint {
	pages := [][]*site.Touchpoint{nil}
	rows := 0
	for _, t := range tps {
		if len(t.Pains) == 0 {
			continue
		}
		n := len(pages) - 1
		group := min(len(t.Pains), summary) + 2
		if rows > 0 && rows+group > perPage {
			pages, n, rows = append(pages, nil), n+1, 0
		}
		pages[n] = append(pages[n], t)
		rows += group
	}
	return pages
}

// cached returns the lookups of s if they are kept, or nil.
func (r *Renderer) cached(s *site.Site) *derived {
	if d := r.last.Load(); d != nil && d.site == s {
		return d
	}
	if d := r.prev.Load(); d != nil && d.site == s {
		return d
	}
	return nil
}

// painRef returns the link of p's row in the pain-point index, from the
// publish folder.
func (d *derived) painRef(p *site.Pain) string {
	if ref, ok := d.painRefs[p]; ok {
		return ref
	}
	if d.before != nil {
		return d.before.painRef(p)
	}
	return painPagePath(1) + "#" + url.PathEscape(p.Key)
}

// painPaged reports whether pain p has a page of its own: when its row in
// the pain-point index cannot list all its mentions, stages, touchpoints
// or owners.
func (d *derived) painPaged(p *site.Pain) bool {
	n := d.lim.Inline
	return len(p.Mentions) > n || len(p.Stages) > n || len(p.Touchpoints) > n || len(p.Owners) > n
}
