package export

import (
	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/render/chart"
	"github.com/cxatlas/cxatlas/generator/site"
)

// CurveSVG writes the emotion curve of persona p, on the portal's scale,
// as a standalone SVG file: the chart of its map page, with its title and
// description, fonts and colours inside the file, for slides and
// documents.
func CurveSVG(s *site.Site, p *site.Persona, cat *i18n.Catalogue) []byte {
	return chart.CurveFile(p, s.Config.Emotion, cat)
}
