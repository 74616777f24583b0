package chart

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/site"
)

// MaxOverlay is the most personas the overlay chart draws; more lines would
// no longer be told apart.
const MaxOverlay = 8

// Layout of the overlay chart, in SVG units.
const (
	ovLeft       = 52  // scale labels
	ovRight      = 24  //
	ovStageW     = 150 // per stage
	ovTop        = 44  // stage titles
	ovPlotH      = 220 //
	ovGap        = 34  // between plot and legend
	ovLegendH    = 24  // per legend row
	ovMinW       = 560 // so the legend has room with few stages
	ovLegendColW = 280
)

// OverlaySelection picks the personas the overlay chart shows: the first
// MaxOverlay of personas (which the model sorts by priority) that have at
// least one emotion score. capped reports whether scored personas were left
// out.
func OverlaySelection(personas []*site.Persona) (shown []*site.Persona, capped bool) {
	for _, p := range personas {
		if p.Mean.N == 0 {
			continue
		}
		if len(shown) == MaxOverlay {
			return shown, true
		}
		shown = append(shown, p)
	}
	return shown, false
}

// Overlay draws the mean emotion of each persona at each stage, one line per
// persona with its own colour, dash pattern and marker, and a legend. Stages
// where a persona has no score leave a gap in its line. Only the first
// MaxOverlay personas are drawn; pass OverlaySelection's choice. id must be
// unique on the page.
func Overlay(personas []*site.Persona, stages []*site.Stage, sc config.Scale, id string, cat *i18n.Catalogue) template.HTML {
	sc = validScale(sc)
	if len(personas) > MaxOverlay {
		personas = personas[:MaxOverlay]
	}
	plotW := max(len(stages), 1) * ovStageW
	w := max(ovLeft+plotW+ovRight, ovMinW)
	cols := legendColumns(w)
	rows := (len(personas) + cols - 1) / cols
	h := ovTop + ovPlotH + ovGap + rows*ovLegendH + 8
	ax := yAxis{min: sc.Min, max: sc.Max, top: ovTop, height: ovPlotH}

	var b strings.Builder
	b.Grow(2048 + len(personas)*len(stages)*200)
	b.WriteString(openSVG("chart-overlay", "img", id, w, h, cat.T("chart.overlay_title"), overlayDesc(personas, stages, sc, cat)))
	writeOverlayAxes(&b, stages, sc, ax, plotW, cat)
	for i, p := range personas {
		writeSeries(&b, p, i, len(personas), len(stages), ax, sc, cat)
	}
	writeLegend(&b, personas, ax, w)
	b.WriteString(`</svg>`)
	// Safe: every piece of writer text above went through esc.
	return template.HTML(b.String())
}

func overlayDesc(personas []*site.Persona, stages []*site.Stage, sc config.Scale, cat *i18n.Catalogue) string {
	return cat.Format("chart.overlay_desc", "personas", cat.Int(len(personas)), "stages", cat.Int(len(stages)),
		"min", cat.Signed(sc.Min), "max", cat.Signed(sc.Max))
}

// stageX is the centre of the i-th stage.
func stageX(i int) float64 { return ovLeft + float64(i*ovStageW) + ovStageW/2 }

func writeOverlayAxes(b *strings.Builder, stages []*site.Stage, sc config.Scale, ax yAxis, plotW int, cat *i18n.Catalogue) {
	fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" class="c-band"/>`, ovLeft, ovTop, plotW, ovPlotH)
	for i, st := range stages {
		x := ovLeft + i*ovStageW
		if i > 0 {
			fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" class="c-grid"/>`, x, ovTop, x, ovTop+ovPlotH)
		}
		lines := wrapLines(st.Title, 20, 2)
		fmt.Fprintf(b, `<text x="%s" y="%d" text-anchor="middle" font-weight="600" class="c-ink"><title>%s</title>`,
			num(stageX(i)), ovTop-10-14*(len(lines)-1), esc(st.Title))
		for j, line := range lines {
			dy := 0
			if j > 0 {
				dy = 14
			}
			fmt.Fprintf(b, `<tspan x="%s" dy="%d">%s</tspan>`, num(stageX(i)), dy, esc(line))
		}
		b.WriteString("</text>\n")
	}
	for _, v := range ticks(sc) {
		y := num(ax.y(float64(v)))
		class, extra := "c-grid", ` stroke-dasharray="2 4"`
		if v == 0 {
			class, extra = "c-zero", ` stroke-width="1.5"`
		}
		fmt.Fprintf(b, `<line x1="%d" y1="%s" x2="%d" y2="%s" class="%s"%s/>`, ovLeft, y, ovLeft+plotW, y, class, extra)
		fmt.Fprintf(b, `<text x="%d" y="%s" text-anchor="end" font-size="11" class="c-muted">%s</text>`, ovLeft-8, num(ax.y(float64(v))+4), cat.Signed(v))
	}
}

// writeSeries draws one persona's line and markers. Series are nudged
// sideways a little so equal means stay visible side by side.
func writeSeries(b *strings.Builder, p *site.Persona, i, count, nStages int, ax yAxis, sc config.Scale, cat *i18n.Catalogue) {
	s := seriesStyle(i)
	nudge := (float64(i) - float64(count-1)/2) * 5
	xs := make([]float64, nStages)
	ys := make([]float64, nStages)
	has := make([]bool, nStages)
	for _, r := range p.Stages {
		if r.Stage == nil || r.Emotion.N == 0 || r.Stage.Index < 0 || r.Stage.Index >= nStages {
			continue
		}
		k := r.Stage.Index
		xs[k], ys[k], has[k] = stageX(k)+nudge, ax.y(clamp(r.Emotion.Mean, sc)), true
	}
	var d strings.Builder
	for k := 0; k+1 < nStages; k++ {
		if has[k] && has[k+1] {
			fmt.Fprintf(&d, "M%s %sL%s %s", num(xs[k]), num(ys[k]), num(xs[k+1]), num(ys[k+1]))
		}
	}
	fmt.Fprintf(b, `<g class="series %s">`, s.class)
	if d.Len() > 0 {
		dash := ""
		if s.dash != "" {
			dash = fmt.Sprintf(` stroke-dasharray="%s"`, s.dash)
		}
		fmt.Fprintf(b, `<path d="%s" fill="none" stroke="currentColor" stroke-width="2.5"%s/>`, d.String(), dash)
	}
	for _, r := range p.Stages {
		if r.Stage == nil || r.Stage.Index < 0 || r.Stage.Index >= nStages || !has[r.Stage.Index] {
			continue
		}
		k := r.Stage.Index
		fmt.Fprintf(b, `<g>%s<title>%s</title></g>`, marker(s, xs[k], ys[k]),
			esc(cat.Format("chart.overlay_point", "persona", p.Title, "stage", r.Stage.Title,
				"mean", Mean(r.Emotion, cat), "steps", cat.Plural("count.steps", r.Emotion.N))))
	}
	b.WriteString("</g>\n")
}

// legendColumns is how many legend entries fit side by side in width w.
func legendColumns(w int) int {
	return max(1, min(4, (w-ovLeft)/ovLegendColW))
}

func writeLegend(b *strings.Builder, personas []*site.Persona, ax yAxis, w int) {
	top := int(ax.top+ax.height) + ovGap
	cols := legendColumns(w)
	colW := ovLegendColW
	if cols == 1 {
		colW = w - ovLeft
	}
	maxChars := max(10, (colW-70)/7)
	for i, p := range personas {
		s := seriesStyle(i)
		x := ovLeft + (i%cols)*colW
		y := top + (i/cols)*ovLegendH
		dash := ""
		if s.dash != "" {
			dash = fmt.Sprintf(` stroke-dasharray="%s"`, s.dash)
		}
		fmt.Fprintf(b, `<g class="legend %s"><line x1="%d" y1="%d" x2="%d" y2="%d" stroke="currentColor" stroke-width="2.5"%s/>%s`,
			s.class, x, y, x+44, y, dash, marker(s, float64(x+22), float64(y)))
		fmt.Fprintf(b, `<text x="%d" y="%d" class="c-ink">%s</text></g>`+"\n", x+56, y+4, esc(truncate(p.Title, maxChars)))
	}
}

// marker draws the shape of series s centred on x, y, in the current
// colour its group's class sets.
func marker(s series, x, y float64) string {
	r := float64(markerRadius)
	c := "currentColor"
	switch s.marker {
	case "square":
		return fmt.Sprintf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, num(x-r), num(y-r), num(2*r), num(2*r), c)
	case "triangle":
		return fmt.Sprintf(`<path d="M%s %sL%s %sL%s %sZ" fill="%s"/>`, num(x), num(y-r-1), num(x+r+1), num(y+r), num(x-r-1), num(y+r), c)
	case "down":
		return fmt.Sprintf(`<path d="M%s %sL%s %sL%s %sZ" fill="%s"/>`, num(x), num(y+r+1), num(x+r+1), num(y-r), num(x-r-1), num(y-r), c)
	case "diamond":
		return fmt.Sprintf(`<path d="M%s %sL%s %sL%s %sL%s %sZ" fill="%s"/>`, num(x), num(y-r-1), num(x+r+1), num(y), num(x), num(y+r+1), num(x-r-1), num(y), c)
	case "plus":
		return fmt.Sprintf(`<path d="M%s %sH%sM%s %sV%s" stroke="%s" stroke-width="3"/>`, num(x-r-1), num(y), num(x+r+1), num(x), num(y-r-1), num(y+r+1), c)
	case "cross":
		return fmt.Sprintf(`<path d="M%s %sL%s %sM%s %sL%s %s" stroke="%s" stroke-width="3"/>`, num(x-r), num(y-r), num(x+r), num(y+r), num(x-r), num(y+r), num(x+r), num(y-r), c)
	case "ring":
		return fmt.Sprintf(`<circle cx="%s" cy="%s" r="%s" class="hollow-fill" stroke="%s" stroke-width="2.5"/>`, num(x), num(y), num(r), c)
	}
	return fmt.Sprintf(`<circle cx="%s" cy="%s" r="%s" fill="%s"/>`, num(x), num(y), num(r), c)
}
