package render

import (
	"github.com/cxatlas/cxatlas/generator/site"
)

// painIndexRows writes the rows of the pain-point index for pains, which
// start at position offset (from 0) of the whole index. Each row names the
// personas the pain hurts with links to the steps where it is written
// ("Anna: 3, 7, 12"), then its stages, touchpoints and owners: each cell at
// most Limits.Inline of them, then "and N more" linking to the pain's own
// page, which lists every mention.
func painIndexRows(pains []*site.Pain, offset int, l links, w *words) fragment {
	m := newMarkup()
	n := l.d.lim.Inline
	for i, p := range pains {
		m.raw(`<tr id="`)
		m.text(p.Key)
		// data-row is the row's place in the whole index, from 0, as the
		// filter files count it.
		m.raw(`" data-row="`)
		m.int(offset + i)
		m.raw(`"><td class="num">`)
		m.int(offset + i + 1)
		m.raw("</td><td>")
		m.raw(w.sevBadge(p.Severity))
		m.raw(`</td><th scope="row">`)
		m.text(p.Text)
		m.raw(`</th><td><span class="count">`)
		m.int(len(p.Personas))
		m.raw(`</span>`)
		shown := writtenIn(m, p.Mentions, n, l)
		moreLink(m, l, p, w, "more.mentions", len(p.Mentions)-shown)
		m.raw("</td><td>")
		linkList(m, p.Stages[:min(n, len(p.Stages))], func(st *site.Stage) { m.stageURL(l, st) }, func(st *site.Stage) string { return st.Title })
		moreLink(m, l, p, w, "more.stages", len(p.Stages)-n)
		m.raw("</td><td>")
		linkList(m, p.Touchpoints[:min(n, len(p.Touchpoints))], func(t *site.Touchpoint) { m.touchpointURL(l, t) }, func(t *site.Touchpoint) string { return t.Title })
		moreLink(m, l, p, w, "more.touchpoints", len(p.Touchpoints)-n)
		m.raw("</td><td>")
		linkList(m, p.Owners[:min(n, len(p.Owners))], func(o string) { m.ownerURL(l, o) }, w.owner)
		moreLink(m, l, p, w, "more.owners", len(p.Owners)-n)
		m.raw("</td></tr>\n")
		m.endRow()
	}
	return m.fragment()
}

// moreLink writes "and N more …" (the plural message key) linking to the
// page of pain p, when n is above 0.
func moreLink(m *markup, l links, p *site.Pain, w *words, key string, n int) {
	if n <= 0 {
		return
	}
	m.raw(` <a class="more-link" href="`)
	m.painDetailURL(l, p)
	m.raw(`">`)
	m.raw(w.more(key, n))
	m.raw("</a>")
}

// linkList writes a link to each of items, separated as sep separates
// them: href writes the item's URL, title gives its text.
func linkList[T any](m *markup, items []T, href func(T), title func(T) string) {
	for i, it := range items {
		m.sep(i)
		m.raw(`<a href="`)
		href(it)
		m.raw(`">`)
		m.text(title(it))
		m.raw("</a>")
	}
}

// writtenIn lists the first steps, at most limit, where a pain is written,
// one item per persona: its title, then the number of each step linking
// to that step. It returns how many of mentions it went through.
func writtenIn(m *markup, mentions []*site.PainMention, limit int, l links) int {
	m.raw(`<ul class="cell-list">`)
	var persona *site.Persona
	last, steps, used := 0, 0, 0
	for _, pm := range mentions {
		st := pm.Step
		if st != nil && st.Persona == persona && st.Index == last {
			used++
			continue // the same pain twice in one step
		}
		if steps == limit {
			break
		}
		used++
		if st == nil {
			continue
		}
		if st.Persona != persona {
			if persona != nil {
				m.raw("</li>")
			}
			persona = st.Persona
			m.raw("<li>")
			m.text(persona.Title)
			m.raw(": ")
		} else {
			m.raw(", ")
		}
		last = st.Index
		steps++
		m.raw(`<a href="`)
		m.stepURL(l, st)
		m.raw(`">`)
		m.int(st.Index)
		m.raw("</a>")
	}
	if persona != nil {
		m.raw("</li>")
	}
	m.raw("</ul>")
	return used
}

// painRows writes the compact rows of a pain table: severity, the text
// linking to the pain's row in the index, and how many personas and
// mentions it has.
func painRows(pains []*site.Pain, l links, w *words) fragment {
	m := newMarkup()
	writePainRows(m, pains, l, w)
	return m.fragment()
}

func writePainRows(m *markup, pains []*site.Pain, l links, w *words) {
	for _, p := range pains {
		m.raw("<tr><td>")
		m.raw(w.sevBadge(p.Severity))
		m.raw(`</td><td><a href="`)
		m.painURL(l, p)
		m.raw(`">`)
		m.text(p.Text)
		// The theme aligns the last two cells, the counts, as numbers.
		m.raw(`</a></td><td>`)
		m.int(len(p.Personas))
		m.raw(`</td><td>`)
		m.int(len(p.Mentions))
		m.raw("</td></tr>\n")
		m.endRow()
	}
}

// touchpointPainGroups writes the pains of each touchpoint that has any as
// a <tbody>: a head row naming the touchpoint and its owner, then a compact
// row per pain, at most Limits.Summary, then "and N more" linking to the
// touchpoint's page, which lists them all. Portals have thousands of touchpoints, so they share one
// table rather than having a table each.
func touchpointPainGroups(tps []*site.Touchpoint, l links, w *words) fragment {
	m := newMarkup()
	for _, t := range tps {
		if len(t.Pains) == 0 {
			continue
		}
		m.raw(`<tbody><tr class="group-head"><th colspan="4" scope="rowgroup" id="tp-`)
		m.text(t.ID)
		m.raw(`"><a href="`)
		m.touchpointURL(l, t)
		m.raw(`">`)
		m.text(t.Title)
		m.raw(`</a> <span class="h-count">`)
		m.text(w.owner(t.Owner))
		m.raw(" · ")
		m.raw(escapeText(w.cat.Plural("count.pains", len(t.Pains))))
		m.raw("</span></th></tr>\n")
		n := l.d.lim.Summary
		writePainRows(m, t.Pains[:min(n, len(t.Pains))], l, w)
		if more := len(t.Pains) - n; more > 0 {
			m.raw(`<tr class="more-row"><td colspan="4"><a class="more-link" href="`)
			m.touchpointURL(l, t)
			m.raw(`#h-pains">`)
			m.raw(w.more("more.pains", more))
			m.raw("</a></td></tr>\n")
		}
		m.raw("</tbody>\n")
	}
	return m.fragment()
}

// mentionRows writes a row per mention of a pain: the persona, the step
// linking to its column on the persona's page, its stage, its first
// Limits.Inline touchpoints and the severity written there.
func mentionRows(mentions []*site.PainMention, l links, w *words) fragment {
	m := newMarkup()
	for _, pm := range mentions {
		st := pm.Step
		if st == nil {
			continue
		}
		m.raw(`<tr><th scope="row"><a href="`)
		m.personaURL(l, st.Persona)
		m.raw(`">`)
		m.text(st.Persona.Title)
		m.raw("</a></th><td>")
		stepLink(m, st, l, w)
		m.raw("</td><td>")
		if st.Stage != nil {
			m.raw(`<a href="`)
			m.stageURL(l, st.Stage)
			m.raw(`">`)
			m.text(st.Stage.Title)
			m.raw("</a>")
		}
		m.raw("</td><td>")
		// A step's full list of touchpoints is on its persona's page.
		n := l.d.lim.Inline
		linkList(m, st.Touchpoints[:min(n, len(st.Touchpoints))], func(t *site.Touchpoint) { m.touchpointURL(l, t) }, func(t *site.Touchpoint) string { return t.Title })
		if len(st.Touchpoints) > n {
			m.raw(", …")
		}
		m.raw("</td><td>")
		m.raw(w.sevBadge(pm.Severity))
		m.raw("</td></tr>\n")
		m.endRow()
	}
	return m.fragment()
}
