package chart

import (
	"regexp"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/i18n"
)

// TestOverviewThen: the earlier line goes through the earlier scores of
// the steps of today's map, at today's x, broken where a step had none,
// and is drawn before (under) today's line.
func TestOverviewThen(t *testing.T) {
	cat := i18n.Default("en")
	p := persona("Parent", stages("Search", "Buy"), 1, 99, -2, 0)
	ax := yAxis{min: scale.Min, max: scale.Max, top: owPlotTop, height: owPlotH}
	step := float64(owWidth-owLeft-owRight) / 4
	x := func(i int) string { return num(owLeft + (float64(i)+0.5)*step) }
	y := func(v int) string { return num(ax.y(float64(v))) }
	tests := []struct {
		name string
		then []Earlier
		want string // the d of the earlier line; "" for none
	}{
		{"none", nil, ""},
		{"wrong length", []Earlier{{1, true}}, ""},
		{"gap breaks the line", []Earlier{{-2, true}, {1, true}, {}, {-2, true}},
			"M" + x(0) + " " + y(-2) + "L" + x(1) + " " + y(1) + "M" + x(3) + " " + y(-2)},
		{"clamped to the scale", []Earlier{{5, true}, {}, {}, {}}, "M" + x(0) + " " + y(2)},
	}
	re := regexp.MustCompile(`<g class="ov-then" aria-hidden="true"><path fill="none" stroke-dasharray="[^"]*" stroke-linecap="round" d="([^"]*)"/>`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg := string(OverviewThen(p, scale, "ov", cat, tt.then))
			m := re.FindStringSubmatch(svg)
			if tt.want == "" {
				if m != nil || strings.Contains(svg, "ov-then") {
					t.Fatalf("earlier line drawn: %q", m)
				}
				return
			}
			if m == nil {
				t.Fatal("no earlier line")
			}
			if m[1] != tt.want {
				t.Errorf("d = %q, want %q", m[1], tt.want)
			}
			if strings.Index(svg, "ov-then") > strings.Index(svg, `class="ov-line"`) {
				t.Error("the earlier line is drawn over today's")
			}
		})
	}
}
