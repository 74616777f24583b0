package render

import (
	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/site"
)

// The rows of the lists of personas and touchpoints and of the heatmap: one
// per persona or touchpoint of the portal, thousands on large portals.

// heatmapRows writes a row per persona with a cell per stage: the mean
// emotion there, coloured, and how many scored steps it is the mean of.
func heatmapRows(rows []site.HeatmapRow, sc config.Scale, l links, w *words) fragment {
	m := newMarkup()
	for _, r := range rows {
		m.raw(`<tr><th scope="row"><a href="`)
		m.personaURL(l, r.Persona)
		m.raw(`">`)
		m.text(r.Persona.Title)
		m.raw("</a></th>")
		for _, c := range r.Cells {
			if c == nil || c.Emotion.N == 0 {
				m.raw(`<td class="heat-none"><i>`)
				m.raw(w.noData)
				m.raw(`</i></td>`)
				continue
			}
			m.raw(`<td class="`)
			m.raw(heatClass(c.Emotion, sc))
			m.raw(`"><b>`)
			m.raw(w.mean(c.Emotion))
			m.raw("</b> <small>")
			m.raw(w.countSteps(c.Emotion.N))
			m.raw("</small></td>")
		}
		m.raw("</tr>\n")
		m.endRow()
	}
	return m.fragment()
}

// personaRows writes the rows of the list of personas.
func personaRows(personas []*site.Persona, sc config.Scale, l links, w *words) fragment {
	m := newMarkup()
	for _, p := range personas {
		m.raw(`<tr><th scope="row"><a href="`)
		m.personaURL(l, p)
		m.raw(`">`)
		m.text(p.Title)
		m.raw("</a>")
		if p.Summary != "" {
			m.raw(`<span class="row-note">`)
			m.text(p.Summary)
			m.raw("</span>")
		}
		m.raw(`</th><td class="num">`)
		if p.Priority != 0 {
			m.int(p.Priority)
		} else {
			m.raw("—")
		}
		m.raw("</td><td>")
		if !p.Reviewed.IsZero() {
			m.raw(`<time datetime="`)
			m.raw(p.Reviewed.Format(isoDateLayout))
			m.raw(`">`)
			m.raw(escapeText(w.date(p.Reviewed)))
			m.raw("</time> ")
		}
		m.raw(w.staleBadge(p))
		m.raw(`</td><td class="num">`)
		m.int(len(p.Steps))
		m.raw(`</td><td class="num">`)
		m.int(len(p.Critical))
		m.raw(`</td><td class="num">`)
		m.int(p.Pains)
		m.raw(`</td><td class="num">`)
		heatChip(m, p.Mean, sc, w)
		m.raw("</td></tr>\n")
		m.endRow()
	}
	return m.fragment()
}

// heatChip writes a mean emotion in the colour of its heatmap cell.
func heatChip(m *markup, st site.Stat, sc config.Scale, w *words) {
	m.raw(`<span class="heat-chip `)
	m.raw(heatClass(st, sc))
	m.raw(`">`)
	m.raw(w.mean(st))
	m.raw("</span>")
}

// touchpointRows writes the rows of the list of touchpoints.
func touchpointRows(tps []*site.Touchpoint, sc config.Scale, l links, w *words) fragment {
	m := newMarkup()
	for _, t := range tps {
		m.raw(`<tr><th scope="row"><a href="`)
		m.touchpointURL(l, t)
		m.raw(`">`)
		m.text(t.Title)
		m.raw("</a></th><td>")
		m.text(t.Channel)
		m.raw("</td><td>")
		m.text(w.mode(t.Mode))
		m.raw("</td><td>")
		if t.Managed {
			m.raw(w.managed)
		} else {
			m.raw(w.unmanaged)
		}
		m.raw("</td><td>")
		m.raw(`<a href="`)
		m.ownerURL(l, t.Owner)
		m.raw(`">`)
		m.text(w.owner(t.Owner))
		m.raw(`</a></td><td class="num">`)
		m.int(len(t.Personas))
		m.raw(`</td><td class="num">`)
		heatChip(m, t.Emotion, sc, w)
		m.raw(`</td><td class="num">`)
		m.int(len(t.Pains))
		m.raw("</td></tr>\n")
		m.endRow()
	}
	return m.fragment()
}

// touchpointChips writes a list item linking to each touchpoint, for a
// <ul class="chips">.
func touchpointChips(tps []*site.Touchpoint, l links) fragment {
	m := newMarkup()
	for _, t := range tps {
		m.raw(`<li><a href="`)
		m.touchpointURL(l, t)
		m.raw(`">`)
		m.text(t.Title)
		m.raw("</a></li>")
		m.endRow()
	}
	return m.fragment()
}
