package chart

import (
	"flag"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/internal/golden"
	"github.com/cxatlas/cxatlas/generator/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// longJourney is a 73-step persona over eleven stages of uneven length,
// some long-named, with gaps, assumptions and critical steps.
func longJourney() *site.Persona {
	ss := stages("Awareness", "Consideration of offers and comparison", "Choice", "Purchase",
		"Delivery", "Installation and first setup", "First use", "Support", "Billing", "Renewal", "Loyalty")
	emotions := make([]int, 73)
	for i := range emotions {
		emotions[i] = (i*7)%5 - 2
		if i%17 == 5 {
			emotions[i] = 99
		}
	}
	p := persona("Family of four", ss, emotions...)
	// Uneven stages: a band of one step between long ones.
	for i, st := range p.Steps {
		switch {
		case i < 3:
			st.Stage = ss[0]
		case i < 30:
			st.Stage = ss[1]
		case i == 30:
			st.Stage = ss[2]
		case i == 31:
			st.Stage = ss[3]
		case i < 40:
			st.Stage = ss[4]
		default:
			st.Stage = ss[5+(i-40)/7]
		}
	}
	for _, i := range []int{11, 31, 60} {
		if p.Steps[i].HasEmotion {
			p.Steps[i].Critical = true
			p.Critical = append(p.Critical, p.Steps[i])
		}
	}
	p.Steps[4].Assumed = true
	return p
}

func TestOverviewGolden(t *testing.T) {
	tests := []struct {
		name string
		p    *site.Persona
		cat  *i18n.Catalogue
	}{
		{"overview-73-steps.svg", longJourney(), english()},
		{"overview-short-ru.svg", func() *site.Persona {
			p := persona("Семья", stages("Поиск", "Покупка"), 1, 99, -2, 0)
			p.Steps[2].Critical = true
			p.Critical = []*site.Step{p.Steps[2]}
			return p
		}(), i18n.Default("ru")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(Overview(tt.p, scale, "overview", tt.cat))
			golden.Check(t, filepath.Join("testdata", tt.name), []byte(got), *update)
		})
	}
}

// TestOverviewLinksEveryStep checks that each step is one link to its
// column with a spoken name, critical points are ringed and the line
// breaks at a gap.
func TestOverviewLinksEveryStep(t *testing.T) {
	p := longJourney()
	svg := string(Overview(p, scale, "overview", english()))
	links := regexp.MustCompile(`<a class="ov-step" href="#(step-\d+)" aria-label="([^"]*)">`).FindAllStringSubmatch(svg, -1)
	if len(links) != len(p.Steps) {
		t.Fatalf("got %d step links, want %d", len(links), len(p.Steps))
	}
	for i, l := range links {
		if want := "step-" + strconv.Itoa(i+1); l[1] != want {
			t.Errorf("link %d goes to %s, want %s", i, l[1], want)
		}
	}
	if want := "Step 12, Consideration of offers and comparison: "; !strings.HasPrefix(links[11][2], want) || !strings.HasSuffix(links[11][2], ". Critical point") {
		t.Errorf("name of step 12 = %q", links[11][2])
	}
	if want := "Step 6, Consideration of offers and comparison: no score"; links[5][2] != want {
		t.Errorf("name of step 6 = %q, want %q", links[5][2], want)
	}
	if n := strings.Count(svg, `class="ov-crit"`); n != len(p.Critical) {
		t.Errorf("%d critical rings, want %d", n, len(p.Critical))
	}
	gaps := 0
	for _, st := range p.Steps {
		if !st.HasEmotion {
			gaps++
		}
	}
	line := regexp.MustCompile(`class="ov-line" fill="none" d="([^"]*)"`).FindStringSubmatch(svg)
	if line == nil || strings.Count(line[1], "M") != gaps+1 {
		t.Errorf("line should break at each of %d gaps: %v", gaps, line)
	}
	if !strings.Contains(svg, `viewBox="0 0 960 `) {
		t.Error("the overview should keep one width whatever the steps")
	}
}

// TestOverviewUsesClassesForColour keeps colours out of the overview's
// attributes: the theme's CSS gives them, so a dark scheme can too.
func TestOverviewUsesClassesForColour(t *testing.T) {
	svg := string(Overview(longJourney(), scale, "overview", english()))
	if m := regexp.MustCompile(`(fill|stroke)="(#|rgb)[^"]*"`).FindString(svg); m != "" {
		t.Errorf("hard-coded colour %s", m)
	}
}

// TestOverviewStageNamesDoNotCollide measures each stage name the way the
// chart does and checks that names on the same row keep apart.
func TestOverviewStageNamesDoNotCollide(t *testing.T) {
	svg := string(Overview(longJourney(), scale, "overview", english()))
	type label struct{ x, w float64 }
	rows := map[string][]label{}
	for _, m := range regexp.MustCompile(`<text class="ov-stage" x="([\d.]+)" y="(\d+)">([^<]*)</text>`).FindAllStringSubmatch(svg, -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		rows[m[2]] = append(rows[m[2]], label{x, float64(len([]rune(m[3]))) * owCharW})
	}
	if len(rows) != 2 {
		t.Fatalf("want names on two rows, got %d: %v", len(rows), rows)
	}
	named := 0
	for y, ls := range rows {
		named += len(ls)
		for i := 1; i < len(ls); i++ {
			if right, left := ls[i-1].x+ls[i-1].w/2, ls[i].x-ls[i].w/2; right > left {
				t.Errorf("row %s: names at %.0f and %.0f overlap", y, ls[i-1].x, ls[i].x)
			}
		}
	}
	if named < 9 {
		t.Errorf("only %d of 10 bands named", named)
	}
	if !strings.Contains(svg, "<title>Consideration of offers and comparison</title>") {
		t.Error("a name cut short should keep its full text as a tooltip")
	}
}

// TestOverviewShortNamesShareOneRow: when every name fits over its band,
// the names stand on one row, whole.
func TestOverviewShortNamesShareOneRow(t *testing.T) {
	p := persona("Parent", stages("Search", "Book", "A rather long stage name"), 1, 0, -1, 2, 1, 0, -2, 1, 0)
	svg := string(Overview(p, scale, "overview", english()))
	rows := regexp.MustCompile(`<text class="ov-stage" x="[\d.]+" y="(\d+)">([^<]*)</text>`).FindAllStringSubmatch(svg, -1)
	if len(rows) != 3 {
		t.Fatalf("want 3 names, got %v", rows)
	}
	for _, r := range rows {
		if r[1] != rows[0][1] {
			t.Errorf("names on rows %s and %s", rows[0][1], r[1])
		}
	}
	if rows[2][2] != "A rather long stage name" {
		t.Errorf("name cut: %q", rows[2][2])
	}
}
