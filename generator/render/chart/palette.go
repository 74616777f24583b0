package chart

// Colours and strokes shared by the charts. Tones are dark enough to keep a
// 3:1 contrast on white, and every series also differs by dash and marker,
// so the charts still read in greyscale print.
const (
	colInk       = "#1f2933"
	colMuted     = "#52606d"
	colGrid      = "#d9dee4"
	colZero      = "#7b8794"
	colBandA     = "#f5f7fa"
	colBandB     = "#ffffff"
	colLine      = "#334e68"
	colCritical  = "#b42318"
	colCritBand  = "#fdeceb"
	colNegative  = "#c2410c"
	colNeutral   = "#616e7c"
	colPositive  = "#0f7b4c"
	haloAttrs    = `stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round"`
	assumedDash  = "6 5"
	pointRadius  = 5.5
	ringRadius   = 11
	markerRadius = 5
)

// emotionColour picks the fill of a point from the sign of its score.
func emotionColour(v int) string {
	switch {
	case v < 0:
		return colNegative
	case v > 0:
		return colPositive
	}
	return colNeutral
}

// series is how one persona is drawn in the overlay chart.
type series struct {
	colour string
	dash   string
	marker string
}

// seriesStyle returns the style of the i-th persona of the overlay chart;
// colours follow a colour-blind-safe palette, dashes and markers tell series
// apart without colour.
func seriesStyle(i int) series {
	styles := [MaxOverlay]series{
		{"#0b5cad", "", "circle"},
		{"#c2410c", "9 4", "square"},
		{"#047857", "2 4", "triangle"},
		{"#7e22ce", "12 4 3 4", "diamond"},
		{"#be185d", "5 5", "down"},
		{"#0e7490", "16 5", "plus"},
		{"#854d0e", "2 3 2 8", "cross"},
		{"#1f2933", "8 3 2 3 2 3", "ring"},
	}
	return styles[i%MaxOverlay]
}
