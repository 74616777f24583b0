package chart

// Charts carry no colours of their own: every painted element names a class
// (c-*, emo-*, s1…s8) and the theme's stylesheet gives each class its colour
// from the page's custom properties, so a page's colour scheme (light, dark,
// print) restyles the inline charts with the rest of the page. Every series
// also differs by dash and marker, so the charts still read in greyscale.
const (
	// haloAttrs go with the class "halo", whose stroke is the surface
	// colour: text and points stay readable over the lines under them.
	haloAttrs    = `stroke-width="3" paint-order="stroke" stroke-linejoin="round"`
	assumedDash  = "6 5"
	pointRadius  = 5.5
	ringRadius   = 11
	markerRadius = 5
)

// emotionClass picks the class that colours a point from the sign of its
// score.
func emotionClass(v int) string {
	switch {
	case v < 0:
		return "emo-neg"
	case v > 0:
		return "emo-pos"
	}
	return "emo-neu"
}

// series is how one persona is drawn in the overlay chart.
type series struct {
	class  string
	dash   string
	marker string
}

// seriesStyle returns the style of the i-th persona of the overlay chart;
// the class sets the series colour (the stylesheet follows a
// colour-blind-safe palette), dashes and markers tell series apart without
// colour.
func seriesStyle(i int) series {
	styles := [MaxOverlay]series{
		{"s1", "", "circle"},
		{"s2", "9 4", "square"},
		{"s3", "2 4", "triangle"},
		{"s4", "12 4 3 4", "diamond"},
		{"s5", "5 5", "down"},
		{"s6", "16 5", "plus"},
		{"s7", "2 3 2 8", "cross"},
		{"s8", "8 3 2 3 2 3", "ring"},
	}
	return styles[i%MaxOverlay]
}
