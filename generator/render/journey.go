package render

import (
	"html/template"
	"strconv"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/render/chart"
	"github.com/cxatlas/cxatlas/generator/site"
)

// journeyGrid is the journey map of a persona page as pieces of HTML that
// the persona template places in its table: stages and steps as columns,
// one row per lane. Critical steps are marked on their <col>, so the lane
// cells need no class of their own.
type journeyGrid struct {
	// Cols holds a <colgroup> per stage band with a <col> per step.
	Cols template.HTML
	// StageHeads and StepHeads are the cells of the two header rows.
	StageHeads, StepHeads template.HTML
	// Each lane holds one <td> per step. Optional lanes are empty when no
	// step has anything for them, so the template leaves their row out;
	// Actions and Evidence are always there.
	Actions, Touchpoints, Thoughts, Feelings, Pains, Opportunities template.HTML
	Evidence, Durations, Artifacts                                 template.HTML
	// Rollups holds a cell per band for the stage roll-up row.
	Rollups template.HTML
	// Table holds the rows of the table that repeats the curve's numbers.
	Table template.HTML
}

// newJourneyGrid writes the journey grid of p with the links l.
func newJourneyGrid(p *site.Persona, bands []chart.Band, rollups []*site.StageRollup, l links, w *words) journeyGrid {
	steps := p.Steps
	g := journeyGrid{
		Cols:       gridCols(bands),
		StageHeads: stageHeads(bands, l),
		StepHeads:  stepHeads(steps, w),
		Actions:    lane(steps, true, func(m *markup, st *site.Step) { m.text(st.Action) }),
		Touchpoints: lane(steps, false, func(m *markup, st *site.Step) {
			for i, t := range st.Touchpoints {
				if i > 0 {
					m.raw(" ")
				}
				m.raw(`<a href="`)
				m.touchpointURL(l, t)
				m.raw(`">`)
				m.text(t.Title)
				m.raw(`</a>`)
			}
		}),
		Thoughts: lane(steps, false, func(m *markup, st *site.Step) {
			if st.Thought != "" {
				m.raw("<q>")
				m.text(st.Thought)
				m.raw("</q>")
			}
		}),
		Feelings:      lane(steps, false, func(m *markup, st *site.Step) { m.text(st.Feeling) }),
		Pains:         lane(steps, false, func(m *markup, st *site.Step) { mentionList(m, st.Pains, l, w) }),
		Opportunities: lane(steps, false, func(m *markup, st *site.Step) { opportunityList(m, st, w) }),
		Evidence:      lane(steps, true, func(m *markup, st *site.Step) { evidenceList(m, st, w) }),
		Durations:     lane(steps, false, func(m *markup, st *site.Step) { m.text(st.Duration) }),
		Artifacts: lane(steps, false, func(m *markup, st *site.Step) {
			list(m, st.Artifacts, func(a string) { m.text(a) })
		}),
		Rollups: rollupCells(bands, rollups, w),
		Table:   curveTable(steps, w),
	}
	return g
}

// lane writes a <td> per step holding what cell writes for it. Unless
// always is set, a lane where cell wrote nothing at all comes out empty.
func lane(steps []*site.Step, always bool, cell func(m *markup, st *site.Step)) template.HTML {
	m := newMarkup()
	filled := false
	for _, st := range steps {
		m.raw("<td>")
		n := len(m.b)
		cell(m, st)
		filled = filled || len(m.b) > n
		m.raw("</td>")
	}
	if !filled && !always {
		m.discard()
		return ""
	}
	return m.html()
}

// list writes items as a <ul>, each through item; nothing when empty.
func list[T any](m *markup, items []T, item func(T)) {
	if len(items) == 0 {
		return
	}
	m.raw("<ul>")
	for _, it := range items {
		m.raw("<li>")
		item(it)
		m.raw("</li>")
	}
	m.raw("</ul>")
}

// mentionList writes the pains of a step, each with its severity and a
// link to its row in the pain-point index.
func mentionList(m *markup, pains []*site.PainMention, l links, w *words) {
	list(m, pains, func(pm *site.PainMention) {
		m.raw(w.sevBadge(pm.Severity))
		m.raw(" ")
		if pm.Pain == nil {
			m.text(pm.Text)
			return
		}
		m.raw(`<a href="`)
		m.painURL(l, pm.Pain)
		m.raw(`">`)
		m.text(pm.Text)
		m.raw(`</a>`)
	})
}

func opportunityList(m *markup, st *site.Step, w *words) {
	list(m, st.Opportunities, func(o site.Opportunity) {
		if o.Impact != site.ImpactUnrated {
			m.raw(`<span class="impact impact-`)
			m.raw(o.Impact.String())
			m.raw(`">`)
			m.raw(w.impact[o.Impact])
			m.raw(`</span> `)
		}
		m.text(o.Text)
	})
}

// evidenceList writes the sources of a step, or marks its emotion as an
// assumption when it has a score but no source.
func evidenceList(m *markup, st *site.Step, w *words) {
	if len(st.Evidence) == 0 {
		if st.HasEmotion {
			m.raw(w.assumptionNoEvidence)
		}
		return
	}
	list(m, st.Evidence, func(e site.Evidence) {
		if e.URL == "" {
			m.text(e.Text)
			return
		}
		if e.Text != "" && e.Text != e.URL {
			m.link(e.URL, e.Text)
			return
		}
		// A link that shows its address: print need not repeat it.
		m.raw(`<a class="url" href="`)
		m.href(e.URL)
		m.raw(`">`)
		m.text(e.URL)
		m.raw(`</a>`)
	})
}

// gridCols writes a <colgroup> per band; the <col> of a critical step
// carries the class that tints its column.
func gridCols(bands []chart.Band) template.HTML {
	m := newMarkup()
	for _, b := range bands {
		m.raw("<colgroup>")
		for _, st := range b.Steps {
			if st.Critical {
				m.raw(`<col class="is-critical">`)
			} else {
				m.raw("<col>")
			}
		}
		m.raw("</colgroup>")
	}
	return m.html()
}

func stageHeads(bands []chart.Band, l links) template.HTML {
	m := newMarkup()
	for _, b := range bands {
		m.raw(`<th scope="colgroup" colspan="`)
		m.int(len(b.Steps))
		m.raw(`">`)
		if b.Stage != nil {
			m.raw(`<a href="`)
			m.stageURL(l, b.Stage)
			m.raw(`">`)
			m.text(b.Stage.Title)
			m.raw(`</a>`)
		}
		m.raw("</th>")
	}
	return m.html()
}

// stepHeads writes the head of each step's column; its id is the step's
// anchor, the target of links to the step.
func stepHeads(steps []*site.Step, w *words) template.HTML {
	m := newMarkup()
	for _, st := range steps {
		m.raw(`<th id="`)
		m.text(st.Anchor)
		if st.Critical {
			m.raw(`" class="is-critical">`)
			w.step(m, st.Index)
			m.raw(w.critFlag)
			m.raw(`</th>`)
			continue
		}
		m.raw(`">`)
		w.step(m, st.Index)
		m.raw("</th>")
	}
	return m.html()
}

// rollupCells writes, under each band, the roll-up of its stage: the
// persona's mean and lowest emotion there.
func rollupCells(bands []chart.Band, rollups []*site.StageRollup, w *words) template.HTML {
	m := newMarkup()
	for i, b := range bands {
		r := rollups[i]
		m.raw(`<td colspan="`)
		m.int(len(b.Steps))
		m.raw(`">`)
		if r.Emotion.N == 0 {
			m.raw(w.rollupNone)
			m.raw("</td>")
			continue
		}
		m.raw(i18n.Fill(w.rollup, []string{
			"mean", w.mean(r.Emotion), "lowest", w.emotion(r.Emotion.Min),
			"scored", w.cat.Int(r.Emotion.N), "steps", escapeText(w.cat.Plural("count.of_steps", len(r.Steps))),
		}))
		m.raw("</td>")
	}
	return m.html()
}

// curveTable writes a row per step with the numbers the curve draws.
func curveTable(steps []*site.Step, w *words) template.HTML {
	m := newMarkup()
	for _, st := range steps {
		m.raw(`<tr><th><a href="#`)
		m.urlPart(st.Anchor)
		m.raw(`">`)
		w.step(m, st.Index)
		m.raw("</a></th><td>")
		if st.Stage != nil {
			m.text(st.Stage.Title)
		}
		m.raw(`</td><td class="num">`)
		switch {
		case !st.HasEmotion:
			m.raw(w.noScore)
			m.raw("</td><td>—")
		case st.Assumed:
			m.raw(w.emotion(st.Emotion))
			m.raw("</td><td>")
			m.raw(w.assumption)
		default:
			m.raw(w.emotion(st.Emotion))
			m.raw("</td><td>")
			m.raw(w.evidence)
		}
		if st.Critical {
			m.raw("</td><td>")
			m.raw(w.critical)
			m.raw("</td></tr>")
		} else {
			m.raw("</td><td></td></tr>")
		}
	}
	return m.html()
}

// stageRows writes a row per stage of the persona's roll-up table: steps,
// scored steps, mean and lowest emotion and pain mentions there.
func stageRows(rollups []*site.StageRollup, sc config.Scale, l links, w *words) template.HTML {
	m := newMarkup()
	for _, r := range rollups {
		m.raw(`<tr><th scope="row">`)
		if r.Stage != nil {
			m.raw(`<a href="`)
			m.stageURL(l, r.Stage)
			m.raw(`">`)
			m.text(r.Stage.Title)
			m.raw("</a>")
		}
		m.raw(`</th><td class="num">`)
		m.int(len(r.Steps))
		m.raw(`</td><td class="num">`)
		m.int(r.Emotion.N)
		m.raw(`</td><td class="num">`)
		heatChip(m, r.Emotion, sc, w)
		m.raw(`</td><td class="num">`)
		if r.Emotion.N > 0 {
			m.raw(w.emotion(r.Emotion.Min))
		} else {
			m.raw("—")
		}
		m.raw(`</td><td class="num">`)
		m.int(r.Pains)
		m.raw("</td></tr>\n")
	}
	return m.html()
}

// criticalItems writes an item per critical step: where it is, what the
// customer does and why the step is critical.
func criticalItems(steps []*site.Step, w *words) template.HTML {
	m := newMarkup()
	for _, st := range steps {
		m.raw(`<li><a href="#`)
		m.urlPart(st.Anchor)
		m.raw(`">`)
		if st.Stage != nil {
			m.raw(i18n.Fill(w.stepStage, []string{"n", strconv.Itoa(st.Index), "stage", escapeHTML(st.Stage.Title)}))
		} else {
			w.step(m, st.Index)
		}
		m.raw("</a>")
		if st.Action != "" {
			m.raw(": ")
			m.text(st.Action)
		}
		if reason := w.criticalReason(st); reason != "" {
			m.raw(` <span class="reason">`)
			m.raw(reason)
			m.raw("</span>")
		}
		m.raw("</li>\n")
	}
	return m.html()
}
