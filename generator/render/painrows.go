package render

import (
	"github.com/cxatlas/cxatlas/generator/site"
)

// painIndexRows writes the rows of the pain-point index for pains, which
// start at position offset (from 0) of the whole index. Each row names the
// personas the pain hurts with links to every step where it is written
// ("Anna: 3, 7, 12"), then its stages, touchpoints and owners.
func painIndexRows(pains []*site.Pain, offset int, l links, w *words) fragment {
	m := newMarkup()
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
		writtenIn(m, p.Mentions, l)
		m.raw("</td><td>")
		linkList(m, p.Stages, func(st *site.Stage) { m.stageURL(l, st) }, func(st *site.Stage) string { return st.Title })
		m.raw("</td><td>")
		linkList(m, p.Touchpoints, func(t *site.Touchpoint) { m.touchpointURL(l, t) }, func(t *site.Touchpoint) string { return t.Title })
		m.raw("</td><td>")
		linkList(m, p.Owners, func(o string) { m.ownerURL(l, o) }, w.owner)
		m.raw("</td></tr>\n")
		m.endRow()
	}
	return m.fragment()
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

// writtenIn lists the steps where a pain is written, one item per persona:
// its title, then the number of each step linking to that step.
func writtenIn(m *markup, mentions []*site.PainMention, l links) {
	m.raw(`<ul class="cell-list">`)
	var persona *site.Persona
	last := 0
	for _, pm := range mentions {
		st := pm.Step
		if st == nil {
			continue
		}
		switch {
		case st.Persona != persona:
			if persona != nil {
				m.raw("</li>")
			}
			persona, last = st.Persona, 0
			m.raw("<li>")
			m.text(persona.Title)
			m.raw(": ")
		case st.Index == last:
			continue // the same pain twice in one step
		default:
			m.raw(", ")
		}
		last = st.Index
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
// row per pain. Portals have thousands of touchpoints, so they share one
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
		writePainRows(m, t.Pains, l, w)
		m.raw("</tbody>\n")
	}
	return m.fragment()
}
