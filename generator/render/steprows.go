package render

import (
	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/site"
)

// Stage and touchpoint pages list many personas' steps; they show each
// step in a compact row that links to its column on the persona page,
// where the step is shown in full.

// stageStepRows writes the steps of a stage: a <tbody> per persona, headed
// by the persona's mean and lowest emotion in the stage, with a row per
// step (steps without a score show a dash).
func stageStepRows(rollups []*site.StageRollup, sc config.Scale, l links, w *words) fragment {
	m := newMarkup()
	for _, r := range rollups {
		m.raw(`<tbody><tr class="rollup-head"><th colspan="4" scope="rowgroup"><a href="`)
		m.personaURL(l, r.Persona)
		m.raw(`">`)
		m.text(r.Persona.Title)
		m.raw(`</a> <span class="rollup-stats">`)
		m.raw(w.rollupMean)
		m.raw(` <span class="heat-chip `)
		m.raw(heatClass(r.Emotion, sc))
		m.raw(`">`)
		m.raw(w.mean(r.Emotion))
		m.raw("</span>")
		if r.Emotion.N > 0 {
			m.raw(" · ")
			m.raw(w.rollupLowest)
			m.raw(" ")
			m.raw(w.emotion(r.Emotion.Min))
		}
		m.raw("</span></th></tr>\n")
		for _, st := range r.Steps {
			stepRowStart(m, st)
			stepLink(m, st, l, w)
			stepRowEnd(m, st, w)
		}
		m.raw("</tbody>\n")
	}
	return m.fragment()
}

// touchpointStepRows writes a row per step that uses a touchpoint: the
// persona, the stage and the step.
func touchpointStepRows(steps []*site.Step, l links, w *words) fragment {
	m := newMarkup()
	for _, st := range steps {
		stepRowStart(m, st)
		m.text(st.Persona.Title)
		m.raw("</td><td>")
		if st.Stage != nil {
			m.text(st.Stage.Title)
		}
		m.raw("</td><td>")
		stepLink(m, st, l, w)
		stepRowEnd(m, st, w)
	}
	return m.fragment()
}

func stepRowStart(m *markup, st *site.Step) {
	if st.Critical {
		m.raw(`<tr class="is-critical"><td>`)
	} else {
		m.raw("<tr><td>")
	}
}

// stepLink writes "Step N" linking to the step's column on its persona's
// page, flagged when the step is critical.
func stepLink(m *markup, st *site.Step, l links, w *words) {
	m.raw(`<a href="`)
	m.stepURL(l, st)
	m.raw(`">`)
	w.step(m, st.Index)
	m.raw("</a>")
	if st.Critical {
		m.raw(w.critFlag)
	}
}

// stepRowEnd writes the action, the emotion and the pains of a step: how
// many, with the badge of the most severe.
func stepRowEnd(m *markup, st *site.Step, w *words) {
	m.raw("</td><td>")
	m.text(st.Action)
	m.raw(`</td><td class="num">`)
	switch {
	case !st.HasEmotion:
		m.raw("—")
	case st.Assumed:
		m.raw(w.emotion(st.Emotion))
		m.raw(w.assumedMark)
	default:
		m.raw(w.emotion(st.Emotion))
	}
	m.raw("</td><td>")
	if len(st.Pains) > 0 {
		worst := site.Unrated
		for _, pm := range st.Pains {
			worst = max(worst, pm.Severity)
		}
		m.int(len(st.Pains))
		m.raw(" · ")
		m.raw(w.sevBadge(worst))
	}
	m.raw("</td></tr>\n")
	m.endRow()
}
