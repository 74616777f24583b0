package chart

import (
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/explore"
	"github.com/cxatlas/cxatlas/generator/site"
)

// stepComparison is a comparison of two stages with the curves of the
// given personas, each step placed by hand.
func stepComparison(curves ...explore.Curve) explore.Comparison {
	return explore.Comparison{Stages: []*site.Stage{{ID: "a", Title: "Aware"}, {ID: "b", Title: "Buy", Index: 1}}, Curves: curves}
}

// curveOf is a curve of persona id with steps of the given emotions (99
// for none) at the given X.
func curveOf(id, title string, points ...[2]float64) explore.Curve {
	c := explore.Curve{Persona: &site.Persona{ID: id, Title: title}}
	for _, pt := range points {
		st := &site.Step{}
		if pt[1] != 99 {
			st.HasEmotion, st.Emotion = true, int(pt[1])
		}
		c.Points = append(c.Points, explore.Point{Step: st, X: pt[0]})
	}
	return c
}

func TestStepOverlay(t *testing.T) {
	sc := config.Scale{Min: -2, Max: 2}
	tests := []struct {
		name  string
		c     explore.Comparison
		slots []int
		want  []string
		not   []string
	}{
		{
			name:  "each curve in its slot, the others hidden",
			c:     stepComparison(curveOf("a", "A", [2]float64{0.5, 1}), curveOf("b", "B", [2]float64{1.5, -1}), curveOf("c", "C")),
			slots: []int{1, -1, 0},
			want:  []string{`data-persona="a" data-slot="1"`, `data-persona="b"><title>B`, `data-persona="c" data-slot="0"`},
		},
		{
			name:  "points across the bands in one line",
			c:     stepComparison(curveOf("a", "A", [2]float64{0.25, 2}, [2]float64{0.75, 0}, [2]float64{1.5, -2})),
			slots: []int{0},
			// The axis starts at 52 and each band is 180 wide; +2 is at
			// the top, 44, and -2 at the bottom, 284.
			want: []string{`d="M97 44h0L187 164L322 284"`},
		},
		{
			name:  "a step without a score breaks the line",
			c:     stepComparison(curveOf("a", "A", [2]float64{0.25, 2}, [2]float64{0.75, 99}, [2]float64{1.5, -2})),
			slots: []int{0},
			want:  []string{`d="M97 44h0M322 284h0"`},
		},
		{
			name:  "writer text is escaped",
			c:     stepComparison(curveOf(`x"y`, "<script>", [2]float64{0.5, 0})),
			slots: []int{0},
			want:  []string{`data-persona="x&#34;y"`, `<title>&lt;script&gt;</title>`},
			not:   []string{"<script>"},
		},
		{
			name: "no curves",
			c:    stepComparison(),
			want: []string{`<marker id="cmp-mk-7"`, `class="cmp-stage"`},
			not:  []string{`class="cmp-series"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(StepOverlay(tt.c, tt.slots, sc, "cmp", english()))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("chart lacks %s\n%s", w, got)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("chart has %s", n)
				}
			}
		})
	}
}
