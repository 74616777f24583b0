package chart

import (
	"html/template"
	"strconv"
	"strings"
	"unsafe"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/site"
)

// StepWidth is the width, in SVG units, given to each step of a curve. The
// default theme makes each step column of the journey grid 11rem (176px)
// wide, so a curve stretched across the grid puts every point over its
// column.
const StepWidth = 176

// Vertical layout of the curve, in SVG units.
const (
	curveTitleH = 30  // stage titles
	curvePadTop = 24  // room for the value label of a top score
	curvePlotH  = 150 // the scale itself
	curvePadBot = 34  // room for the "critical" label below a bottom score
	curveHeight = curveTitleH + curvePadTop + curvePlotH + curvePadBot
)

// Curve draws the emotion of persona p at each of its steps, on scale sc.
// Steps sit in bands of their stage, StepWidth apart, in journey order;
// steps without a score leave a gap, segments touching an assumed step are
// dashed, and critical steps are ringed in red. Each point links to the
// step's column, "#step-N". id must be unique on the page: it prefixes the
// ids of the chart's title and description.
//
// A persona page holds one curve per persona and a curve has an element per
// step, so shared attributes are set once on a group rather than on each
// element.
func Curve(p *site.Persona, sc config.Scale, id string, cat *i18n.Catalogue) template.HTML {
	sc = validScale(sc)
	open := openSVG("chart-curve", "group", id, max(len(p.Steps), 1)*StepWidth, curveHeight, cat.Format("chart.curve_title", "persona", p.Title), curveDesc(p, sc, cat, true))
	return drawCurve(p.Steps, sc, open, true, cat)
}

// CurvePart draws the curve of steps, a run of persona p's steps, as
// Curve does but for the printed journey map, which draws a part of the
// curve over each part of the grid: the points link nowhere, and the
// picture is hidden from assistive technology and names no font, which
// the page sets, as the grid around it tells the same. Printed maps repeat
// every step, so the markup is kept short.
func CurvePart(steps []*site.Step, sc config.Scale, cat *i18n.Catalogue) template.HTML {
	w := max(len(steps), 1) * StepWidth
	open := `<svg class="chart chart-curve" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + strconv.Itoa(w) + " " + strconv.Itoa(curveHeight) +
		`" width="` + strconv.Itoa(w) + `" height="` + strconv.Itoa(curveHeight) + `" aria-hidden="true" font-size="12">` + "\n"
	return drawCurve(steps, validScale(sc), open, false, cat)
}

// drawCurve draws steps on scale sc in the root element open; linked makes
// each point a link to its step's column.
func drawCurve(steps []*site.Step, sc config.Scale, open string, linked bool, cat *i18n.Catalogue) template.HTML {
	n := max(len(steps), 1)
	w := n * StepWidth
	ax := yAxis{min: sc.Min, max: sc.Max, top: curveTitleH + curvePadTop, height: curvePlotH}

	// About 300 bytes a step: a buffer that never grows.
	b := &svgBuf{b: make([]byte, 0, 2048+320*len(steps))}
	b.raw(open)
	bands := Bands(steps)
	writeBands(b, bands, w, cat)
	writeCriticalColumns(b, steps)
	writeGrid(b, w, sc, ax, bands, cat)
	writeSegments(b, steps, ax, sc)
	writePoints(b, steps, ax, sc, linked, cat)
	b.raw(`</svg>`)
	// Safe: every piece of writer text above went through esc. b is not
	// written to again, so the string can share its bytes rather than copy
	// them.
	return template.HTML(unsafe.String(unsafe.SliceData(b.b), len(b.b)))
}

// centre is the x of the i-th step's point.
func centre(i int) float64 { return float64(i*StepWidth) + StepWidth/2 }

// curveDesc summarises the curve in words for screen readers; table says
// that the page holds a table of the same numbers after the chart.
func curveDesc(p *site.Persona, sc config.Scale, cat *i18n.Catalogue, table bool) string {
	scored, assumed := 0, 0
	for _, st := range p.Steps {
		if st.HasEmotion {
			scored++
			if st.Assumed {
				assumed++
			}
		}
	}
	var d strings.Builder
	d.WriteString(cat.Format("chart.curve_desc", "n", cat.Int(len(p.Steps)), "min", cat.Signed(sc.Min), "max", cat.Signed(sc.Max)))
	d.WriteString(cat.Format("chart.curve_desc_scored", "scored", cat.Int(scored), "assumed", cat.Int(assumed)))
	if len(p.Critical) > 0 {
		var list strings.Builder
		for i, st := range p.Critical {
			if i == 10 {
				list.WriteString(cat.Format("chart.curve_desc_more", "n", cat.Int(len(p.Critical)-10)))
				break
			}
			if i > 0 {
				list.WriteString(", ")
			}
			list.WriteString(strconv.Itoa(st.Index))
		}
		// One step or several: a plural category would not do, Russian
		// "one" covers 21 and 31 too.
		key := "chart.curve_desc_critical_many"
		if len(p.Critical) == 1 {
			key = "chart.curve_desc_critical_one"
		}
		d.WriteString(cat.Format(key, "list", list.String()))
	}
	if table {
		d.WriteString(cat.T("chart.curve_desc_table"))
	}
	return d.String()
}

// writeBands shades every other run of a stage, separates the runs and
// writes each one's stage title; a title cut short keeps its full text as a
// tooltip.
func writeBands(b *svgBuf, bands []Band, w int, cat *i18n.Catalogue) {
	b.raw(`<rect width="`)
	b.int(w)
	b.raw(`" height="` + strconv.Itoa(curveHeight) + `" class="c-bg"/>`)
	if len(bands) > 0 {
		b.raw(`<path class="c-band" d="`)
	}
	for i, bd := range bands {
		if i%2 == 0 {
			b.raw("M")
			b.int(bd.First * StepWidth)
			b.raw(" 0h")
			b.int(len(bd.Steps) * StepWidth)
			b.raw("v" + strconv.Itoa(curveHeight) + "h-")
			b.int(len(bd.Steps) * StepWidth)
			b.raw("z")
		}
	}
	if len(bands) > 0 {
		b.raw(`"/>`)
	}
	if len(bands) > 1 {
		b.raw(`<path class="c-grid" d="`)
		for _, bd := range bands[1:] {
			b.raw("M")
			b.int(bd.First * StepWidth)
			b.raw(" 0v" + strconv.Itoa(curveHeight))
		}
		b.raw(`"/>`)
	}
	b.raw(`<g font-weight="600" class="c-ink">`)
	for _, bd := range bands {
		title := stageTitle(bd.Stage, cat)
		short := truncate(title, (len(bd.Steps)*StepWidth-20)/8)
		b.raw(`<text x="`)
		b.int(bd.First*StepWidth + 10)
		b.raw(`" y="19">`)
		b.text(short)
		if short != title {
			b.raw("<title>")
			b.text(title)
			b.raw("</title>")
		}
		b.raw("</text>")
	}
	b.raw("</g>\n")
}

// writeCriticalColumns tints the column of each critical step.
func writeCriticalColumns(b *svgBuf, steps []*site.Step) {
	open := false
	for i, st := range steps {
		if st.Critical {
			if !open {
				b.raw(`<path class="c-crit-band" d="`)
				open = true
			}
			b.raw("M")
			b.int(i*StepWidth + 6)
			b.raw(" ")
			b.int(curveTitleH)
			b.raw("h")
			b.int(StepWidth - 12)
			b.raw("v")
			b.int(curveHeight - curveTitleH)
			b.raw("h-")
			b.int(StepWidth - 12)
			b.raw("z")
		}
	}
	if open {
		b.raw("\"/>\n")
	}
}

// writeGrid draws a line per tick of the scale, the zero line darker.
func writeGrid(b *svgBuf, w int, sc config.Scale, ax yAxis, bands []Band, cat *i18n.Catalogue) {
	b.raw(`<path class="c-grid" stroke-dasharray="2 4" d="`)
	for _, v := range ticks(sc) {
		if v != 0 {
			b.raw("M0 ")
			b.num(ax.y(float64(v)))
			b.raw("H")
			b.int(w)
		}
	}
	b.raw(`"/>`)
	if sc.Min <= 0 && sc.Max >= 0 {
		b.raw(`<path class="c-zero" stroke-width="1.5" d="M0 `)
		b.num(ax.y(0))
		b.raw("H")
		b.int(w)
		b.raw(`"/>`)
	}
	// The ends of the scale, and zero when it is inside, are labelled at the
	// start of every band, so the scale stays in view when a long curve is
	// scrolled.
	labels := []int{sc.Max, sc.Min}
	if sc.Min < 0 && sc.Max > 0 {
		labels = append(labels, 0)
	}
	b.raw(`<g font-size="10" class="halo c-muted" ` + haloAttrs + `>`)
	for _, bd := range bands {
		for _, v := range labels {
			b.raw(`<text x="`)
			b.int(bd.First*StepWidth + 4)
			b.raw(`" y="`)
			b.num(ax.y(float64(v)) + 3.5)
			b.raw(`">`)
			b.raw(cat.Signed(v))
			b.raw("</text>")
		}
	}
	b.raw("</g>\n")
}

// writeSegments joins consecutive scored steps: one path for the segments
// backed by evidence, one dashed path for those touching an assumption.
func writeSegments(b *svgBuf, steps []*site.Step, ax yAxis, sc config.Scale) {
	var solid, dashed svgBuf
	// lastSolid and lastDashed are the steps each path last ended at, so a
	// run of segments is drawn as one line rather than many.
	lastSolid, lastDashed := -1, -1
	for i := 0; i+1 < len(steps); i++ {
		a, c := steps[i], steps[i+1]
		if !a.HasEmotion || !c.HasEmotion {
			continue
		}
		seg, last := &solid, &lastSolid
		if a.Assumed || c.Assumed {
			seg, last = &dashed, &lastDashed
		}
		if *last != i {
			seg.raw("M")
			seg.num(centre(i))
			seg.raw(" ")
			seg.num(ax.y(clamp(float64(a.Emotion), sc)))
		}
		seg.raw("L")
		seg.num(centre(i + 1))
		seg.raw(" ")
		seg.num(ax.y(clamp(float64(c.Emotion), sc)))
		*last = i + 1
	}
	if len(solid.b) > 0 {
		b.raw(`<path d="`)
		b.b = append(b.b, solid.b...)
		b.raw(`" class="c-line" fill="none" stroke-width="2.5" stroke-linecap="round"/>` + "\n")
	}
	if len(dashed.b) > 0 {
		b.raw(`<path d="`)
		b.b = append(b.b, dashed.b...)
		b.raw(`" class="c-line" fill="none" stroke-width="2.5" stroke-dasharray="` + assumedDash + `"/>` + "\n")
	}
}

// writePoints draws each step: its point and value, a ring and label when
// it is critical, or a "no score" note where the curve has a gap. Points
// and labels inherit the white halo that keeps them readable over lines.
func writePoints(b *svgBuf, steps []*site.Step, ax yAxis, sc config.Scale, linked bool, cat *i18n.Catalogue) {
	gaps := false
	for i, st := range steps {
		if st.HasEmotion {
			continue
		}
		if !gaps {
			b.raw(`<g font-size="11" font-style="italic" class="c-muted" text-anchor="middle">`)
			gaps = true
		}
		b.raw(`<text x="`)
		b.num(centre(i))
		b.raw(`" y="`)
		b.num(ax.y(float64(sc.Min)) + 22)
		b.raw(`">`)
		b.text(cat.T("map.no_score"))
		b.raw(`</text>`)
	}
	if gaps {
		b.raw("</g>\n")
	}
	b.raw(`<g text-anchor="middle" font-weight="700" class="halo c-ink" ` + haloAttrs + `>`)
	for i, st := range steps {
		if st.HasEmotion {
			writePoint(b, st, i, ax, sc, linked, cat)
		}
	}
	b.raw("</g>")
}

// writePoint draws one scored step, as a link to its column when linked.
func writePoint(b *svgBuf, st *site.Step, i int, ax yAxis, sc config.Scale, linked bool, cat *i18n.Catalogue) {
	x := centre(i)
	y := ax.y(clamp(float64(st.Emotion), sc))
	if linked {
		b.raw(`<a href="#`)
		b.text(st.Anchor)
		b.raw(`"><title>`)
		b.text(pointTitle(st, cat))
		b.raw("</title>")
	}
	if st.Critical {
		circle(b, x, y, ringRadius, `class="c-crit-ring" fill="none"`)
		b.raw(`<text x="`)
		b.num(x)
		b.raw(`" y="`)
		b.num(y + ringRadius + 14)
		b.raw(`" font-size="11" class="c-crit">`)
		b.text(cat.T("chart.critical"))
		b.raw(`</text>`)
	}
	class := emotionClass(st.Emotion)
	if st.Assumed {
		// A hollow point: its ring is drawn over the fill, not under it.
		circle(b, x, y, pointRadius, `class="`+class+` hollow" stroke-width="2.5" paint-order="normal"`)
	} else {
		circle(b, x, y, pointRadius, `class="`+class+`"`)
	}
	labelY := y - 11
	if st.Critical {
		labelY = y - ringRadius - 5
	}
	b.raw(`<text x="`)
	b.num(x)
	b.raw(`" y="`)
	b.num(labelY)
	b.raw(`">`)
	b.raw(cat.Signed(st.Emotion))
	if linked {
		b.raw("</text></a>\n")
	} else {
		b.raw("</text>\n")
	}
}

// circle writes a circle with the given paint attributes.
func circle(b *svgBuf, x, y, r float64, paint string) {
	b.raw(`<circle cx="`)
	b.num(x)
	b.raw(`" cy="`)
	b.num(y)
	b.raw(`" r="`)
	b.num(r)
	b.raw(`" `)
	b.raw(paint)
	b.raw("/>")
}

// pointTitle is the tooltip of a point. Why a point is critical is told
// next to the map, so the tooltip only says that it is.
func pointTitle(st *site.Step, cat *i18n.Catalogue) string {
	t := cat.Format("chart.curve_point", "n", strconv.Itoa(st.Index), "stage", stageTitle(st.Stage, cat), "emotion", cat.Signed(st.Emotion))
	if st.Assumed {
		t += cat.T("chart.curve_assumed")
	}
	if st.Critical {
		t += cat.T("chart.curve_critical")
	}
	return t
}
