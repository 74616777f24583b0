package chart

import (
	"html/template"
	"strconv"
	"unicode/utf8"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/site"
)

// Layout of the overview, in SVG units. The chart keeps one width whatever
// the number of steps, so a whole 73-step journey fits one screen.
const (
	owWidth    = 960
	owLeft     = 30 // the scale's labels
	owRight    = 8
	owLabelRow = 16 // one of the two rows of stage names
	owPlotTop  = 2*owLabelRow + 10
	owPlotH    = 96
	owHeight   = owPlotTop + owPlotH + 14
	owCharW    = 6.6 // about the width of a character of the 11-unit names
)

// Overview draws the whole journey of persona p in one compact chart: the
// stages as bands named above it, the emotion line, and a point per step,
// critical ones ringed. Every step is a link to its column in the grid,
// "#step-N", named for screen readers as the catalogue's
// overview.point says. Colours come from the theme's CSS classes
// (ov-*), so a dark scheme can restyle them. id must be unique on the page.
func Overview(p *site.Persona, sc config.Scale, id string, cat *i18n.Catalogue) template.HTML {
	return OverviewThen(p, sc, id, cat, nil)
}

// Earlier is a step's score in an earlier revision of its map; Has is
// false for a step that had no score or did not exist then.
type Earlier struct {
	Emotion int
	Has     bool
}

// OverviewThen draws the overview of Overview with, under today's line,
// the line of an earlier revision of the map: then holds a score for
// each of p's steps (nil draws no earlier line). The earlier line is
// dashed and lighter (class ov-then), so it reads as the past without
// colour.
func OverviewThen(p *site.Persona, sc config.Scale, id string, cat *i18n.Catalogue, then []Earlier) template.HTML {
	sc = validScale(sc)
	ax := yAxis{min: sc.Min, max: sc.Max, top: owPlotTop, height: owPlotH}
	b := &svgBuf{b: make([]byte, 0, 4096+260*len(p.Steps))}
	b.raw(openSVG("chart-overview", "group", id, owWidth, owHeight,
		cat.Format("overview.title", "persona", p.Title), curveDesc(p, sc, cat, true)))
	step := float64(owWidth-owLeft-owRight) / float64(max(len(p.Steps), 1))
	x := func(i int) float64 { return owLeft + (float64(i)+0.5)*step }
	writeOverviewBands(b, Bands(p.Steps), step, cat)
	writeOverviewAxis(b, sc, ax, cat)
	if len(then) == len(p.Steps) {
		writeThenLine(b, then, ax, sc, x)
	}
	writeOverviewLine(b, p.Steps, ax, sc, x)
	writeOverviewPoints(b, p.Steps, ax, sc, x, step, cat)
	b.raw(`</svg>`)
	return template.HTML(b.b) // safe: writer text above went through esc
}

// writeOverviewBands shades each stage's run of steps and names it above
// the plot. When every name fits over its band they share one row;
// otherwise names alternate between two rows, so a name may spread over
// its neighbours' room; a name that still does not fit is cut, and one
// with no room at all is left to its tooltip.
func writeOverviewBands(b *svgBuf, bands []Band, step float64, cat *i18n.Catalogue) {
	b.raw(`<g class="ov-bands" font-size="11" text-anchor="middle">`)
	centres := make([]float64, len(bands))
	oneRow := true
	for i, bd := range bands {
		centres[i] = owLeft + (float64(bd.First)+float64(len(bd.Steps))/2)*step
		w := float64(utf8.RuneCountInString(stageTitle(bd.Stage, cat))) * owCharW
		oneRow = oneRow && w <= float64(len(bd.Steps))*step-8
	}
	for i, bd := range bands {
		left := owLeft + float64(bd.First)*step
		title := stageTitle(bd.Stage, cat)
		b.raw(`<g><title>`)
		b.text(title)
		b.raw(`</title><rect class="ov-band ov-band-` + "ab"[i%2:i%2+1] + `" x="`)
		b.num(left)
		b.raw(`" y="`)
		b.num(owPlotTop - 4)
		b.raw(`" width="`)
		b.num(float64(len(bd.Steps)) * step)
		b.raw(`" height="` + strconv.Itoa(owPlotH+8) + `"/>`)
		row := 1 + i%2
		if oneRow {
			row = 2
		}
		if name := truncate(title, int(labelRoom(centres, i)/owCharW)); oneRow || labelRoom(centres, i) >= 3*owCharW {
			if oneRow {
				name = title
			}
			b.raw(`<text class="ov-stage" x="`)
			b.num(centres[i])
			b.raw(`" y="`)
			b.int(owLabelRow*row - 4)
			b.raw(`">`)
			b.text(name)
			b.raw(`</text>`)
		}
		b.raw("</g>\n")
	}
	b.raw("</g>\n")
}

// labelRoom is the width the name of band i may take: up to half way to
// the centres of the bands named on the same row, and within the chart.
func labelRoom(centres []float64, i int) float64 {
	c := centres[i]
	room := 2 * min(c-owLeft+owLeft/2, owWidth-c)
	if i >= 2 {
		room = min(room, c-centres[i-2])
	}
	if i+2 < len(centres) {
		room = min(room, centres[i+2]-c)
	}
	return room - 4
}

// writeOverviewAxis writes the lines and labels of the scale's ends and
// zero.
func writeOverviewAxis(b *svgBuf, sc config.Scale, ax yAxis, cat *i18n.Catalogue) {
	b.raw(`<g class="ov-axis" font-size="10" text-anchor="end">`)
	for _, v := range []int{sc.Max, 0, sc.Min} {
		if v == 0 && (sc.Min > 0 || sc.Max < 0) {
			continue
		}
		cls := "ov-grid"
		if v == 0 {
			cls = "ov-zero"
		}
		y := ax.y(float64(v))
		b.raw(`<line class="` + cls + `" x1="` + strconv.Itoa(owLeft) + `" x2="` + strconv.Itoa(owWidth-owRight) + `" y1="`)
		b.num(y)
		b.raw(`" y2="`)
		b.num(y)
		b.raw(`"/><text class="ov-tick" x="` + strconv.Itoa(owLeft-4) + `" y="`)
		b.num(y + 3.5)
		b.raw(`">`)
		b.raw(cat.Signed(v))
		b.raw("</text>")
	}
	b.raw("</g>\n")
}

// writeOverviewLine draws the emotion line through the scored steps,
// broken where a step has no score.
func writeOverviewLine(b *svgBuf, steps []*site.Step, ax yAxis, sc config.Scale, x func(int) float64) {
	b.raw(`<path class="ov-line" fill="none" d="`)
	writeBrokenLine(b, len(steps), func(i int) (int, bool) { return steps[i].Emotion, steps[i].HasEmotion }, ax, sc, x)
	b.raw(`"/>` + "\n")
}

// writeBrokenLine writes the path data of a line through the n scores
// that score gives, broken where it gives none.
func writeBrokenLine(b *svgBuf, n int, score func(int) (int, bool), ax yAxis, sc config.Scale, x func(int) float64) {
	pen := false
	for i := range n {
		v, ok := score(i)
		if !ok {
			pen = false
			continue
		}
		if pen {
			b.raw("L")
		} else {
			b.raw("M")
		}
		pen = true
		b.num(x(i))
		b.raw(" ")
		b.num(ax.y(clamp(float64(v), sc)))
	}
}

// writeThenLine writes the line of the earlier scores, broken where a
// step had none, with a small point at each score.
func writeThenLine(b *svgBuf, then []Earlier, ax yAxis, sc config.Scale, x func(int) float64) {
	b.raw(`<g class="ov-then" aria-hidden="true"><path fill="none" stroke-dasharray="0.1 5" stroke-linecap="round" d="`)
	writeBrokenLine(b, len(then), func(i int) (int, bool) { return then[i].Emotion, then[i].Has }, ax, sc, x)
	b.raw(`"/>`)
	for i, e := range then {
		if e.Has {
			b.raw(`<circle r="2.5" cx="`)
			b.num(x(i))
			b.raw(`" cy="`)
			b.num(ax.y(clamp(float64(e.Emotion), sc)))
			b.raw(`"/>`)
		}
	}
	b.raw("</g>\n")
}

// writeOverviewPoints writes each step as a link: a column-wide target
// that shows the keyboard focus, the point (or a mark on the axis for a
// step without a score) and a ring for a critical step.
func writeOverviewPoints(b *svgBuf, steps []*site.Step, ax yAxis, sc config.Scale, x func(int) float64, step float64, cat *i18n.Catalogue) {
	r := min(4, max(2, step/3))
	for i, st := range steps {
		b.raw(`<a class="ov-step" href="#`)
		b.text(st.Anchor)
		b.raw(`" aria-label="`)
		b.text(overviewPointName(st, cat))
		b.raw(`"><rect class="ov-hit" x="`)
		b.num(x(i) - step/2)
		b.raw(`" y="` + strconv.Itoa(owPlotTop-4) + `" width="`)
		b.num(step)
		b.raw(`" height="` + strconv.Itoa(owPlotH+8) + `"/>`)
		if !st.HasEmotion {
			b.raw(`<rect class="ov-gap" x="`)
			b.num(x(i) - 1)
			b.raw(`" y="`)
			b.num(ax.y(float64(sc.Min)) + 2)
			b.raw(`" width="2" height="6"/></a>` + "\n")
			continue
		}
		y := ax.y(clamp(float64(st.Emotion), sc))
		if st.Critical {
			circle(b, x(i), y, r+3.5, `class="ov-crit"`)
		}
		circle(b, x(i), y, r, `class="ov-pt ov-`+overviewClass(st)+`"`)
		b.raw("</a>\n")
	}
}

// overviewClass names the colour class of a step's point: below, at or
// above zero, hollow when the score is an assumption.
func overviewClass(st *site.Step) string {
	c := "neu"
	switch {
	case st.Emotion < 0:
		c = "neg"
	case st.Emotion > 0:
		c = "pos"
	}
	if st.Assumed {
		c += " ov-assumed"
	}
	return c
}

// overviewPointName is the accessible name of a step's link, "Step 12,
// Purchase: −2", or with the catalogue's "no score" for a gap.
func overviewPointName(st *site.Step, cat *i18n.Catalogue) string {
	emotion := cat.T("map.no_score")
	if st.HasEmotion {
		emotion = cat.Signed(st.Emotion)
	}
	name := cat.Format("overview.point", "n", strconv.Itoa(st.Index), "stage", stageTitle(st.Stage, cat), "emotion", emotion)
	if st.Critical {
		name += cat.T("chart.curve_critical")
	}
	if utf8.RuneCountInString(name) > 300 {
		name = truncate(name, 300)
	}
	return name
}
