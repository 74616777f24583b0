package chart

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/cxatlas/cxatlas/generator/config"
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
func Curve(p *site.Persona, sc config.Scale, id string) template.HTML {
	sc = validScale(sc)
	n := max(len(p.Steps), 1)
	w := n * StepWidth
	ax := yAxis{min: sc.Min, max: sc.Max, top: curveTitleH + curvePadTop, height: curvePlotH}

	var b strings.Builder
	b.Grow(1024 + 700*len(p.Steps))
	openSVG(&b, "chart-curve", id, w, curveHeight, "Emotion curve of "+p.Title, curveDesc(p, sc))
	bands := Bands(p.Steps)
	writeBands(&b, bands)
	writeCriticalColumns(&b, p.Steps)
	writeGrid(&b, w, sc, ax, bands)
	writeSegments(&b, p.Steps, ax, sc)
	for i, st := range p.Steps {
		writePoint(&b, st, i, ax, sc)
	}
	b.WriteString(`</svg>`)
	// Safe: every piece of writer text above went through esc.
	return template.HTML(b.String())
}

// centre is the x of the i-th step's point.
func centre(i int) float64 { return float64(i*StepWidth) + StepWidth/2 }

// curveDesc summarises the curve in words for screen readers.
func curveDesc(p *site.Persona, sc config.Scale) string {
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
	fmt.Fprintf(&d, "Emotion at each of %d steps, grouped by stage, on a scale from %s to %s. ",
		len(p.Steps), FormatEmotion(sc.Min), FormatEmotion(sc.Max))
	fmt.Fprintf(&d, "Steps with a score: %d; of those, assumptions without evidence (drawn dashed): %d.", scored, assumed)
	if len(p.Critical) > 0 {
		d.WriteString(" Critical points: step")
		if len(p.Critical) > 1 {
			d.WriteString("s")
		}
		for i, st := range p.Critical {
			if i == 10 {
				fmt.Fprintf(&d, " and %d more", len(p.Critical)-10)
				break
			}
			if i > 0 {
				d.WriteString(",")
			}
			d.WriteString(" " + strconv.Itoa(st.Index))
		}
		d.WriteString(".")
	}
	d.WriteString(" The table with the same numbers follows the chart.")
	return d.String()
}

// writeBands draws a shaded band per run of a stage with its title.
func writeBands(b *strings.Builder, bands []Band) {
	for i, bd := range bands {
		x := bd.First * StepWidth
		bw := len(bd.Steps) * StepWidth
		fill := colBandA
		if i%2 == 1 {
			fill = colBandB
		}
		title := stageTitle(bd.Stage)
		fmt.Fprintf(b, `<g class="band"><rect x="%d" y="0" width="%d" height="%d" fill="%s"/>`, x, bw, curveHeight, fill)
		if i > 0 {
			fmt.Fprintf(b, `<line x1="%d" y1="0" x2="%d" y2="%d" stroke="%s"/>`, x, x, curveHeight, colGrid)
		}
		fmt.Fprintf(b, `<text x="%d" y="19" font-weight="600" fill="%s">%s<title>%s</title></text>`,
			x+10, colInk, esc(truncate(title, (bw-20)/8)), esc(title))
		b.WriteString("</g>\n")
	}
}

// writeCriticalColumns tints the column of each critical step.
func writeCriticalColumns(b *strings.Builder, steps []*site.Step) {
	for i, st := range steps {
		if st.Critical {
			fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>`,
				i*StepWidth+6, curveTitleH, StepWidth-12, curveHeight-curveTitleH, colCritBand)
			b.WriteString("\n")
		}
	}
}

// writeGrid draws a line per tick of the scale, the zero line darker.
func writeGrid(b *strings.Builder, w int, sc config.Scale, ax yAxis, bands []Band) {
	b.WriteString(`<g class="grid">`)
	for _, v := range ticks(sc) {
		y := num(ax.y(float64(v)))
		if v == 0 {
			fmt.Fprintf(b, `<line x1="0" y1="%s" x2="%d" y2="%s" stroke="%s" stroke-width="1.5"/>`, y, w, y, colZero)
			continue
		}
		fmt.Fprintf(b, `<line x1="0" y1="%s" x2="%d" y2="%s" stroke="%s" stroke-dasharray="2 4"/>`, y, w, y, colGrid)
	}
	// The ends of the scale, and zero when it is inside, are labelled at the
	// start of every band, so the scale stays in view when a long curve is
	// scrolled.
	labels := []int{sc.Max, sc.Min}
	if sc.Min < 0 && sc.Max > 0 {
		labels = append(labels, 0)
	}
	for _, bd := range bands {
		for _, v := range labels {
			fmt.Fprintf(b, `<text x="%d" y="%s" font-size="10" fill="%s" %s>%s</text>`,
				bd.First*StepWidth+4, num(ax.y(float64(v))+3.5), colMuted, haloAttrs, FormatEmotion(v))
		}
	}
	b.WriteString("</g>\n")
}

// writeSegments joins consecutive scored steps: one path for the segments
// backed by evidence, one dashed path for those touching an assumption.
func writeSegments(b *strings.Builder, steps []*site.Step, ax yAxis, sc config.Scale) {
	var solid, dashed strings.Builder
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
			fmt.Fprintf(seg, "M%s %s", num(centre(i)), num(ax.y(clamp(float64(a.Emotion), sc))))
		}
		fmt.Fprintf(seg, "L%s %s", num(centre(i+1)), num(ax.y(clamp(float64(c.Emotion), sc))))
		*last = i + 1
	}
	if solid.Len() > 0 {
		fmt.Fprintf(b, `<path class="segments" d="%s" fill="none" stroke="%s" stroke-width="2.5" stroke-linecap="round"/>`+"\n", solid.String(), colLine)
	}
	if dashed.Len() > 0 {
		fmt.Fprintf(b, `<path class="segments assumed" d="%s" fill="none" stroke="%s" stroke-width="2.5" stroke-dasharray="%s"/>`+"\n", dashed.String(), colLine, assumedDash)
	}
}

// writePoint draws one step: its point and value, a ring and label when it
// is critical, or a "no score" note where the curve has a gap.
func writePoint(b *strings.Builder, st *site.Step, i int, ax yAxis, sc config.Scale) {
	x := num(centre(i))
	if !st.HasEmotion {
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="middle" font-size="11" font-style="italic" fill="%s">no score</text>`,
			x, num(ax.y(float64(sc.Min))+22), colMuted)
		b.WriteString("\n")
		return
	}
	y := ax.y(clamp(float64(st.Emotion), sc))
	fmt.Fprintf(b, `<a href="#%s" class="point"><title>%s</title>`, esc(st.Anchor), esc(pointTitle(st)))
	if st.Critical {
		fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="%d" fill="none" stroke="%s" stroke-width="3"/>`, x, num(y), ringRadius, colCritical)
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="middle" font-size="11" font-weight="700" fill="%s" %s>CRITICAL</text>`,
			x, num(y+ringRadius+14), colCritical, haloAttrs)
	}
	colour := emotionColour(st.Emotion)
	if st.Assumed {
		fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="%s" fill="#ffffff" stroke="%s" stroke-width="2.5"/>`, x, num(y), num(pointRadius), colour)
	} else {
		fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="#ffffff" stroke-width="1.5"/>`, x, num(y), num(pointRadius), colour)
	}
	labelY := y - 11
	if st.Critical {
		labelY = y - ringRadius - 5
	}
	fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="middle" font-weight="700" fill="%s" %s>%s</text></a>`,
		x, num(labelY), colInk, haloAttrs, FormatEmotion(st.Emotion))
	b.WriteString("\n")
}

// pointTitle is the tooltip of a point.
func pointTitle(st *site.Step) string {
	t := fmt.Sprintf("Step %d, %s: emotion %s", st.Index, stageTitle(st.Stage), FormatEmotion(st.Emotion))
	if st.Assumed {
		t += " (assumption, no evidence)"
	}
	if st.Critical {
		t += ". Critical point"
		if st.CriticalReason != "" {
			t += ": " + st.CriticalReason
		}
	}
	return t
}
