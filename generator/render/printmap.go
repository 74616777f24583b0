package render

import (
	"html/template"
	"strconv"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/render/chart"
	"github.com/cxatlas/cxatlas/generator/site"
)

// PrintSteps is how many steps of a journey map go on one printed page. The
// print stylesheet gives each step column 41 mm of a landscape A4 page, so
// the text of a cell stays at 8 pt.
const PrintSteps = 6

// printLane is a lane of the printed map: its label and the cell of a step.
type printLane struct {
	label template.HTML
	cell  func(m *markup, st *site.Step)
	// curve marks the emotion lane, drawn as one cell across the steps.
	curve bool
}

// printMap writes the journey map of p cut into parts of PrintSteps steps,
// each a table of its own with the lane labels, the stage names, the steps
// and the part of the curve over them. A wide grid cannot be cut into
// column pieces by the stylesheet, so the persona page carries these parts
// hidden on screen and the print stylesheet shows them, a page each, in
// place of the grid. Cells hold text rather than links, to keep the page
// light; evidence keeps its links, whose address the print shows. The
// lanes are those of the screen grid g.
func printMap(p *site.Persona, g *journeyGrid, sc config.Scale, w *words) template.HTML {
	if len(p.Steps) == 0 {
		return ""
	}
	lanes := printLanes(g, sc, w)
	m := newMarkup()
	m.raw(`<div class="map-print">`)
	for first := 0; first < len(p.Steps); first += PrintSteps {
		steps := p.Steps[first:min(first+PrintSteps, len(p.Steps))]
		printPart(m, p, steps, lanes, sc, w)
	}
	m.raw("</div>\n")
	return m.html()
}

// printPart writes one printed page of the map: a head naming the map and
// the steps it holds, then the table of those steps.
func printPart(m *markup, p *site.Persona, steps []*site.Step, lanes []printLane, sc config.Scale, w *words) {
	first, last := steps[0], steps[len(steps)-1]
	m.raw(`<section class="print-part"><p class="print-head"><b>`)
	m.text(p.Title)
	m.raw("</b>")
	if !p.Reviewed.IsZero() {
		m.raw(" · ")
		m.text(w.cat.T("persona.reviewed"))
		m.raw(" ")
		m.text(w.date(p.Reviewed))
	}
	m.raw(" · ")
	m.text(w.cat.Format("map.print_part", "first", strconv.Itoa(first.Index), "last", strconv.Itoa(last.Index), "n", w.cat.Int(len(p.Steps))))
	m.raw(`</p><table class="print-map" style="--k: `)
	m.int(len(steps))
	m.raw(`"><thead><tr><td></td>`)
	for _, b := range chart.Bands(steps) {
		m.raw(`<th colspan="`)
		m.int(len(b.Steps))
		m.raw(`">`)
		if b.Stage != nil {
			m.text(b.Stage.Title)
		}
		m.raw("</th>")
	}
	m.raw("</tr><tr><td></td>")
	for _, st := range steps {
		if st.Critical {
			m.raw(`<th class="is-critical">`)
			w.step(m, st.Index)
			m.raw(w.critFlag)
		} else {
			m.raw("<th>")
			w.step(m, st.Index)
		}
		m.raw("</th>")
	}
	m.raw("</tr></thead><tbody>")
	for _, ln := range lanes {
		printRow(m, p, steps, ln, sc, w)
	}
	m.raw("</tbody></table></section>\n")
}

// printRow writes one lane of a printed part.
func printRow(m *markup, p *site.Persona, steps []*site.Step, ln printLane, sc config.Scale, w *words) {
	m.raw(`<tr><th scope="row">`)
	m.raw(string(ln.label))
	m.raw("</th>")
	if ln.curve {
		m.raw(`<td class="curve-cell" colspan="`)
		m.int(len(steps))
		m.raw(`">`)
		m.raw(string(chart.CurvePart(steps, sc, w.cat)))
		m.raw("</td></tr>")
		return
	}
	for _, st := range steps {
		m.raw("<td>")
		ln.cell(m, st)
		m.raw("</td>")
	}
	m.raw("</tr>")
}

// printLanes returns the lanes of the printed map: those the screen grid g
// shows, in its order.
func printLanes(g *journeyGrid, sc config.Scale, w *words) []printLane {
	t := func(key string) template.HTML { return template.HTML(escapeHTML(w.cat.T(key))) }
	lanes := []printLane{{label: t("map.lane.actions"), cell: func(m *markup, st *site.Step) { m.text(st.Action) }}}
	add := func(shown template.HTML, key string, cell func(m *markup, st *site.Step)) {
		if shown != "" {
			lanes = append(lanes, printLane{label: t(key), cell: cell})
		}
	}
	add(g.Touchpoints, "map.lane.touchpoints", func(m *markup, st *site.Step) {
		for i, tp := range st.Touchpoints {
			if i > 0 {
				m.raw(" · ")
			}
			m.text(tp.Title)
		}
	})
	add(g.Thoughts, "map.lane.thoughts", func(m *markup, st *site.Step) {
		if st.Thought != "" {
			m.raw("<q>")
			m.text(st.Thought)
			m.raw("</q>")
		}
	})
	add(g.Feelings, "map.lane.feelings", func(m *markup, st *site.Step) { m.text(st.Feeling) })
	emotion := t("map.lane.emotion") + " " + template.HTML(escapeHTML(w.cat.Format("map.lane.emotion_range", "min", w.emotion(sc.Min), "max", w.emotion(sc.Max))))
	lanes = append(lanes, printLane{label: emotion, curve: true})
	add(g.Pains, "map.lane.pains", func(m *markup, st *site.Step) {
		list(m, st.Pains, func(pm *site.PainMention) {
			m.raw(w.sevBadge(pm.Severity))
			m.raw(" ")
			m.text(pm.Text)
		})
	})
	add(g.Opportunities, "map.lane.opportunities", func(m *markup, st *site.Step) { opportunityList(m, st, w) })
	lanes = append(lanes, printLane{label: t("map.lane.evidence"), cell: func(m *markup, st *site.Step) { evidenceList(m, st, w) }})
	add(g.Durations, "map.lane.duration", func(m *markup, st *site.Step) { m.text(st.Duration) })
	add(g.Artifacts, "map.lane.artifacts", func(m *markup, st *site.Step) {
		list(m, st.Artifacts, func(a string) { m.text(a) })
	})
	return lanes
}
