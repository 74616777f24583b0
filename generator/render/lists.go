package render

import (
	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/render/chart"
	"github.com/cxatlas/cxatlas/generator/site"
)

// The rows of the lists of personas and touchpoints and of the heatmap: one
// per persona or touchpoint of the portal, thousands on large portals.

// heatmapRows writes a row per persona with a cell per stage: the mean
// emotion there, coloured, and how many scored steps it is the mean of.
func heatmapRows(rows []site.HeatmapRow, sc config.Scale, l links) fragment {
	m := newMarkup()
	for _, r := range rows {
		m.raw(`<tr><th scope="row"><a href="`)
		m.personaURL(l, r.Persona)
		m.raw(`">`)
		m.text(r.Persona.Title)
		m.raw("</a></th>")
		for _, c := range r.Cells {
			if c == nil || c.Emotion.N == 0 {
				m.raw(`<td class="heat-none"><i>no data</i></td>`)
				continue
			}
			m.raw(`<td class="`)
			m.raw(heatClass(c.Emotion, sc))
			m.raw(`"><b>`)
			m.raw(chart.FormatMean(c.Emotion))
			m.raw("</b> <small>")
			m.raw(plural(c.Emotion.N, "step", "steps"))
			m.raw("</small></td>")
		}
		m.raw("</tr>\n")
		m.endRow()
	}
	return m.fragment()
}

// personaRows writes the rows of the list of personas.
func personaRows(personas []*site.Persona, sc config.Scale, l links) fragment {
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
			m.raw(p.Reviewed.Format(dateLayout))
			m.raw("</time> ")
		}
		m.raw(staleBadge(p))
		m.raw(`</td><td class="num">`)
		m.int(len(p.Steps))
		m.raw(`</td><td class="num">`)
		m.int(len(p.Critical))
		m.raw(`</td><td class="num">`)
		m.int(p.Pains)
		m.raw(`</td><td class="num">`)
		heatChip(m, p.Mean, sc)
		m.raw("</td></tr>\n")
		m.endRow()
	}
	return m.fragment()
}

// staleBadge is the badge of a persona whose map is due for review, or
// nothing when it is not.
func staleBadge(p *site.Persona) string {
	if !p.Stale {
		return ""
	}
	if p.Reviewed.IsZero() {
		return `<span class="badge badge-stale">Never reviewed</span>`
	}
	return `<span class="badge badge-stale">Review due</span>`
}

// heatChip writes a mean emotion in the colour of its heatmap cell.
func heatChip(m *markup, st site.Stat, sc config.Scale) {
	m.raw(`<span class="heat-chip `)
	m.raw(heatClass(st, sc))
	m.raw(`">`)
	m.raw(chart.FormatMean(st))
	m.raw("</span>")
}

// touchpointRows writes the rows of the list of touchpoints.
func touchpointRows(tps []*site.Touchpoint, sc config.Scale, l links) fragment {
	m := newMarkup()
	for _, t := range tps {
		m.raw(`<tr><th scope="row"><a href="`)
		m.touchpointURL(l, t)
		m.raw(`">`)
		m.text(t.Title)
		m.raw("</a></th><td>")
		m.text(t.Channel)
		m.raw("</td><td>")
		m.text(t.Mode)
		if t.Managed {
			m.raw("</td><td>Managed</td><td>")
		} else {
			m.raw("</td><td>Unmanaged</td><td>")
		}
		m.raw(`<a href="`)
		m.ownerURL(l, t.Owner)
		m.raw(`">`)
		m.text(ownerName(t.Owner))
		m.raw(`</a></td><td class="num">`)
		m.int(len(t.Personas))
		m.raw(`</td><td class="num">`)
		heatChip(m, t.Emotion, sc)
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
