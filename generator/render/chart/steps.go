package chart

import (
	"html/template"
	"strconv"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/explore"
	"github.com/cxatlas/cxatlas/generator/i18n"
)

// Layout of the step-level overlay, in SVG units.
const (
	soLeft   = 52  // scale labels
	soRight  = 16  //
	soStageW = 180 // per stage band
	soTop    = 44  // stage titles
	soPlotH  = 240 //
	soBottom = 12  //
)

// StepSlots is how many curves the step-level overlay can tell apart, each
// with its own colour, dash pattern and marker: the slots of the theme's
// stylesheet, .cmp-series[data-slot="0"] to [data-slot="7"].
const StepSlots = MaxOverlay

// StepOverlay draws the curves of c step by step across the stage bands:
// one series per curve, each a group with data-persona set to the
// persona's id. The series of curve i is drawn in slot slots[i] when that
// is 0 or more and hidden otherwise; a script may move series between
// slots by changing their data-slot attribute. Colours, dashes and markers
// come from the stylesheet through the slot, so the chart follows the
// reader's colour scheme. Steps without a score leave a gap. id must be
// unique on the page.
func StepOverlay(c explore.Comparison, slots []int, sc config.Scale, id string, cat *i18n.Catalogue) template.HTML {
	sc = validScale(sc)
	plotW := max(len(c.Stages), 1) * soStageW
	w, h := soLeft+plotW+soRight, soTop+soPlotH+soBottom
	ax := yAxis{min: sc.Min, max: sc.Max, top: soTop, height: soPlotH}
	b := &svgBuf{b: make([]byte, 0, 4096+len(c.Curves)*2048)}
	desc := cat.Format("chart.steps_desc", "stages", cat.Int(len(c.Stages)), "min", cat.Signed(sc.Min), "max", cat.Signed(sc.Max))
	b.raw(openSVG("chart-steps", "img", id, w, h, cat.T("chart.steps_title"), desc))
	writeSlotMarkers(b, id)
	writeStepAxes(b, c, sc, ax, plotW, cat)
	for i, cv := range c.Curves {
		slot := -1
		if i < len(slots) {
			slot = slots[i]
		}
		writeStepSeries(b, cv, slot, ax, sc)
	}
	b.raw(`</svg>`)
	// Safe: every piece of writer text above went through esc.
	return template.HTML(string(b.b))
}

// SlotMarkerID is the id of the marker of slot k in the step-level
// overlay whose id is id: the stylesheet refers to "#cmp-mk-K".
func SlotMarkerID(id string, k int) string { return id + "-mk-" + strconv.Itoa(k) }

// writeSlotMarkers defines the marker of each slot: the same shapes as
// the persona overlay, filled through the slot's class.
func writeSlotMarkers(b *svgBuf, id string) {
	b.raw(`<defs>`)
	for k := 0; k < StepSlots; k++ {
		s := seriesStyle(k)
		b.raw(`<marker id="`)
		b.text(SlotMarkerID(id, k))
		b.raw(`" class="cmp-mk slot-`)
		b.int(k)
		b.raw(`" viewBox="-8 -8 16 16" markerWidth="16" markerHeight="16" markerUnits="userSpaceOnUse" overflow="visible">`)
		b.raw(markerShape(s.marker))
		b.raw(`</marker>`)
	}
	b.raw("</defs>\n")
}

// markerShape is a marker of the given shape centred on 0, 0, without
// colour: the marker's class gives it.
func markerShape(shape string) string {
	if shape == "ring" {
		// The ring's hollow takes the page's background, not white.
		return `<circle class="cmp-ring" cx="0" cy="0" r="` + num(markerRadius) + `" stroke="currentColor" stroke-width="2.5"/>`
	}
	return marker(series{marker: shape}, 0, 0)
}

func writeStepAxes(b *svgBuf, c explore.Comparison, sc config.Scale, ax yAxis, plotW int, cat *i18n.Catalogue) {
	for i, st := range c.Stages {
		x := soLeft + i*soStageW
		b.raw(`<rect class="cmp-band`)
		if i%2 == 1 {
			b.raw(` cmp-band-alt`)
		}
		b.raw(`" x="`)
		b.int(x)
		b.raw(`" y="`)
		b.int(soTop)
		b.raw(`" width="`)
		b.int(soStageW)
		b.raw(`" height="`)
		b.int(soPlotH)
		b.raw(`"/>`)
		lines := wrapLines(st.Title, 24, 2)
		cx := float64(x) + soStageW/2
		b.raw(`<text class="cmp-stage" x="`)
		b.num(cx)
		b.raw(`" y="`)
		b.int(soTop - 10 - 14*(len(lines)-1))
		b.raw(`" text-anchor="middle" font-weight="600">`)
		for j, line := range lines {
			b.raw(`<tspan x="`)
			b.num(cx)
			b.raw(`" dy="`)
			b.int(min(j, 1) * 14)
			b.raw(`">`)
			b.text(line)
			b.raw(`</tspan>`)
		}
		b.raw("</text>\n")
	}
	for _, v := range ticks(sc) {
		y := ax.y(float64(v))
		b.raw(`<line class="cmp-grid`)
		if v == 0 {
			b.raw(` cmp-zero`)
		}
		b.raw(`" x1="`)
		b.int(soLeft)
		b.raw(`" y1="`)
		b.num(y)
		b.raw(`" x2="`)
		b.int(soLeft + plotW)
		b.raw(`" y2="`)
		b.num(y)
		b.raw(`"/><text class="cmp-scale" x="`)
		b.int(soLeft - 8)
		b.raw(`" y="`)
		b.num(y + 4)
		b.raw(`" text-anchor="end" font-size="11">`)
		b.text(cat.Signed(v))
		b.raw("</text>\n")
	}
}

// writeStepSeries draws one curve: a path through its scored points, broken
// at steps without a score, with the slot's marker on every point.
func writeStepSeries(b *svgBuf, cv explore.Curve, slot int, ax yAxis, sc config.Scale) {
	b.raw(`<g class="cmp-series" data-persona="`)
	b.text(cv.Persona.ID)
	b.raw(`"`)
	if slot >= 0 {
		b.raw(` data-slot="`)
		b.int(slot)
		b.raw(`"`)
	}
	b.raw(`><title>`)
	b.text(cv.Persona.Title)
	b.raw(`</title><path class="cmp-line" fill="none" d="`)
	open := false
	for _, pt := range cv.Points {
		if !pt.Step.HasEmotion {
			open = false
			continue
		}
		if open {
			b.raw("L")
		} else {
			b.raw("M")
		}
		b.num(soLeft + pt.X*soStageW)
		b.raw(" ")
		b.num(ax.y(clamp(float64(pt.Step.Emotion), sc)))
		if !open {
			// A zero-length segment, so a lone point still gets its marker.
			b.raw("h0")
		}
		open = true
	}
	b.raw("\"/></g>\n")
}
