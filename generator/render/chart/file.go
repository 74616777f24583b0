package chart

import (
	"strconv"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/site"
)

// FileStyle colours the classes the charts name, with the light scheme of
// the default theme, for a chart that leaves the page: a standalone file
// has no stylesheet around it to take its colours from.
const FileStyle = `.c-bg{fill:#fff}.halo{stroke:#fff}` +
	`.c-band{fill:#f5f7fa}.c-grid{stroke:#d9dee4}.c-zero{stroke:#7b8794}.c-line{stroke:#334e68}` +
	`.c-ink{fill:#1f2933}.c-muted{fill:#52606d}.c-crit{fill:#b42318}.c-crit-ring{stroke:#b42318}` +
	`.c-crit-band{fill:#fdeceb}.emo-neg{fill:#c2410c;color:#c2410c}.emo-neu{fill:#616e7c;color:#616e7c}` +
	`.emo-pos{fill:#0f7b4c;color:#0f7b4c}.hollow{fill:#fff;stroke:currentColor}`

// CurveFile draws the curve of persona p as Curve does, as a standalone
// SVG document: an XML declaration, the SVG namespace, a title and a
// description, the font and the colours inside the file (FileStyle), and
// points that link nowhere, since the grid they lead to is not there. It
// opens in a browser and in drawing programs as it is.
func CurveFile(p *site.Persona, sc config.Scale, cat *i18n.Catalogue) []byte {
	sc = validScale(sc)
	w := max(len(p.Steps), 1) * StepWidth
	title := cat.Format("chart.curve_title", "persona", p.Title)
	open := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 ` + strconv.Itoa(w) + " " + strconv.Itoa(curveHeight) +
		`" width="` + strconv.Itoa(w) + `" height="` + strconv.Itoa(curveHeight) + `" role="img" aria-labelledby="title" aria-describedby="desc"` +
		` font-family="` + fontFamily + `" font-size="12">` + "\n" +
		`<title id="title">` + esc(title) + `</title>` + "\n" +
		`<desc id="desc">` + esc(curveDesc(p, sc, cat, false)) + `</desc>` + "\n" +
		`<style>` + FileStyle + `</style>` + "\n"
	out := []byte(drawCurve(p.Steps, sc, open, false, cat))
	return append(out, '\n')
}
