package chart

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/site"
)

func TestFormatMean(t *testing.T) {
	tests := []struct {
		name string
		st   site.Stat
		want string
	}{
		{"no scores", site.Stat{}, "—"},
		{"positive", site.Stat{N: 3, Mean: 1.333}, "+1.3"},
		{"negative", site.Stat{N: 2, Mean: -0.5}, "-0.5"},
		{"whole", site.Stat{N: 1, Mean: 2}, "+2"},
		{"rounds to zero", site.Stat{N: 4, Mean: -0.04}, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Mean(tt.st, english()); got != tt.want {
				t.Errorf("FormatMean(%+v) = %q, want %q", tt.st, got, tt.want)
			}
		})
	}
}

func TestFormatEmotion(t *testing.T) {
	for v, want := range map[int]string{-2: "-2", 0: "0", 3: "+3"} {
		if got := english().Signed(v); got != want {
			t.Errorf("FormatEmotion(%d) = %q, want %q", v, got, want)
		}
	}
}

func TestTicks(t *testing.T) {
	tests := []struct {
		name string
		sc   config.Scale
		want string
	}{
		{"default", config.Scale{Min: -2, Max: 2}, "[-2 -1 0 1 2]"},
		{"one to five", config.Scale{Min: 1, Max: 5}, "[1 2 3 4 5]"},
		{"wide keeps zero and ends", config.Scale{Min: -50, Max: 50}, "[-50 -40 -30 -20 -10 0 10 20 30 40 50]"},
		{"odd wide", config.Scale{Min: 0, Max: 13}, "[0 2 4 6 8 10 12 13]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fmt.Sprint(ticks(tt.sc)); got != tt.want {
				t.Errorf("ticks(%v) = %s, want %s", tt.sc, got, tt.want)
			}
		})
	}
}

func TestWrapLines(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width int
		lines int
		want  []string
	}{
		{"fits", "Book", 20, 2, []string{"Book"}},
		{"two lines", "Search and compare offers", 12, 2, []string{"Search and", "compare off…"}},
		{"cut", "Покупка и установка оборудования", 10, 2, []string{"Покупка и", "установка…"}},
		{"one line", "A very long stage title", 10, 1, []string{"A very lo…"}},
		{"long word", "Supercalifragilistic", 8, 2, []string{"Superca…"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrapLines(tt.in, tt.width, tt.lines)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("wrapLines(%q, %d, %d) = %q, want %q", tt.in, tt.width, tt.lines, got, tt.want)
			}
		})
	}
}

// persona builds a persona with one step per emotion; 99 means no score.
func persona(title string, stages []*site.Stage, emotions ...int) *site.Persona {
	p := &site.Persona{ID: "p", Title: title}
	for i, e := range emotions {
		st := &site.Step{Persona: p, Index: i + 1, Anchor: "step-" + itoa(i+1), Stage: stages[i*len(stages)/len(emotions)]}
		if e != 99 {
			st.HasEmotion, st.Emotion = true, e
			p.Mean.N++
		}
		p.Steps = append(p.Steps, st)
	}
	for _, s := range stages {
		r := &site.StageRollup{Stage: s, Persona: p}
		for _, st := range p.Steps {
			if st.Stage == s && st.HasEmotion {
				r.Emotion.N++
				r.Emotion.Sum += st.Emotion
			}
		}
		if r.Emotion.N > 0 {
			r.Emotion.Mean = float64(r.Emotion.Sum) / float64(r.Emotion.N)
		}
		p.Stages = append(p.Stages, r)
	}
	return p
}

func itoa(i int) string { return strconv.Itoa(i) }

func stages(titles ...string) []*site.Stage {
	out := make([]*site.Stage, len(titles))
	for i, t := range titles {
		out[i] = &site.Stage{ID: "s" + itoa(i), Title: t, Index: i}
	}
	return out
}

var scale = config.Scale{Min: -2, Max: 2}

func TestCurveDrawsGapsDashesAndCriticalPoints(t *testing.T) {
	ss := stages("Search", "Buy")
	p := persona("Parent", ss, 1, 99, -2, 0)
	p.Steps[2].Critical, p.Steps[2].CriticalReason = true, "Lowest"
	p.Steps[3].Assumed = true
	p.Critical = []*site.Step{p.Steps[2]}
	svg := string(Curve(p, scale, "c", english()))

	for _, want := range []string{
		`role="group"`, `aria-labelledby="c-title"`, `<title id="c-title">`, `<desc id="c-desc">`,
		`href="#step-1"`, `href="#step-3"`, `href="#step-4"`, `no score`, `CRITICAL`, `stroke-dasharray="6 5"`,
		`>Search</text>`, `>Buy</text>`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("curve lacks %s", want)
		}
	}
	if strings.Contains(svg, `href="#step-2"`) {
		t.Error("a step without a score has a point")
	}
	// Steps 1 and 3 are not adjacent: the gap at step 2 leaves no segment.
	segments := ""
	for _, m := range regexp.MustCompile(`<path d="([^"]*)" class="c-line" fill="none"`).FindAllStringSubmatch(svg, -1) {
		segments += m[1]
	}
	if n := strings.Count(segments, "M"); n != 1 {
		t.Errorf("want 1 segment (3 to 4, dashed), got %d move-tos", n)
	}
	if !strings.Contains(svg, `viewBox="0 0 704 `) {
		t.Error("want 176 units per step")
	}
}

// TestCurveDescCritical checks the words for the critical points in the
// curve's description: one step, or several. Russian plural categories do
// not say this: "one" covers 21 and 31 too.
func TestCurveDescCritical(t *testing.T) {
	ss := stages("One", "Two")
	tests := []struct {
		lang     string
		critical int
		want     string
	}{
		{"en", 1, "Critical points: step 1."},
		{"en", 2, "Critical points: steps 1, 2."},
		{"ru", 1, "Критическая точка: шаг 1."},
		{"ru", 2, "Критические точки: шаги 1, 2."},
		{"ru", 21, "Критические точки: шаги 1, 2, 3"},
		{"ru", 31, "Критические точки: шаги 1, 2, 3"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+itoa(tt.critical), func(t *testing.T) {
			p := persona("P", ss, make([]int, tt.critical)...)
			for _, st := range p.Steps {
				st.Critical = true
			}
			p.Critical = p.Steps
			svg := string(Curve(p, scale, "c", i18n.Default(tt.lang)))
			desc := regexp.MustCompile(`<desc id="c-desc">([^<]*)</desc>`).FindStringSubmatch(svg)
			if desc == nil || !strings.Contains(desc[1], tt.want) {
				t.Errorf("description %q lacks %q", desc, tt.want)
			}
		})
	}
}

func TestCurveScalesToManySteps(t *testing.T) {
	ss := stages("One", "Two", "Three", "Four", "Five")
	em := make([]int, 90)
	for i := range em {
		em[i] = i%5 - 2
	}
	svg := string(Curve(persona("Long", ss, em...), scale, "c", english()))
	if !strings.Contains(svg, `viewBox="0 0 15840 `) {
		t.Errorf("90 steps should widen the chart to 15840 units: %.120s", svg)
	}
	if got := strings.Count(svg, `<a href="#step-`); got != 90 {
		t.Errorf("points = %d, want 90", got)
	}
}

func TestOverlayCapsAndStyles(t *testing.T) {
	ss := stages("Search", "Buy", "Use")
	var ps []*site.Persona
	for i := range 10 {
		ps = append(ps, persona("P"+itoa(i), ss, i%5-2, 1, 99))
	}
	ps = append([]*site.Persona{persona("Unscored", ss, 99, 99, 99)}, ps...)
	shown, capped := OverlaySelection(ps)
	if len(shown) != MaxOverlay || !capped {
		t.Fatalf("selection = %d personas, capped %v; want %d, true", len(shown), capped, MaxOverlay)
	}
	if shown[0].Title != "P0" {
		t.Errorf("unscored persona chosen: %s", shown[0].Title)
	}
	svg := string(Overlay(shown, ss, scale, "o", english()))
	if got := strings.Count(svg, `class="legend s`); got != MaxOverlay {
		t.Errorf("legend entries = %d, want %d", got, MaxOverlay)
	}
	dashes := regexp.MustCompile(`<g class="series s\d"><path [^>]*?(stroke-dasharray="[^"]*")?/>`).FindAllStringSubmatch(svg, -1)
	seen := map[string]bool{}
	for _, d := range dashes {
		seen[d[1]] = true
	}
	if len(seen) != MaxOverlay {
		t.Errorf("series share dash patterns: %d distinct of %d", len(seen), len(dashes))
	}
	// Each of P0's first two stages has one scored step.
	if !strings.Contains(svg, "P0, Search: mean -2 over 1 step<") {
		t.Error(`a stage of one scored step is not titled "over 1 step"`)
	}
	// The third stage has no scores: no series reaches it.
	if strings.Contains(svg, "Use: mean") {
		t.Error("a stage without scores has a point")
	}
}

func TestChartsEscapeWriterText(t *testing.T) {
	hostile := []string{`<script>alert(1)</script>`, `" onmouseover="x`, `]]><x>`, `'&amp;`}
	for _, h := range hostile {
		ss := stages(h, h+" second")
		p := persona(h, ss, -1, 2)
		p.Steps[0].Critical, p.Steps[0].CriticalReason = true, h
		p.Steps[0].Anchor = h
		p.Critical = p.Steps[:1]
		for name, svg := range map[string]string{
			"curve":   string(Curve(p, scale, h, english())),
			"overlay": string(Overlay([]*site.Persona{p}, ss, scale, h, english())),
		} {
			if strings.Contains(svg, "<script") || strings.Contains(svg, "<x>") || strings.Contains(svg, "]]>") {
				t.Errorf("%s with %q: unescaped markup", name, h)
			}
			if regexp.MustCompile(`\son\w+="`).MatchString(svg) {
				t.Errorf("%s with %q: an event handler attribute got through", name, h)
			}
			if strings.Contains(svg, `'&amp;`) && !strings.Contains(svg, `&#39;&amp;amp;`) {
				t.Errorf("%s with %q: ampersand not escaped", name, h)
			}
		}
	}
}

// TestChartRoles checks that a chart is an image to assistive technology
// only when nothing in it can take the focus: the children of role="img"
// are not announced, so a link inside one would be focusable and silent.
func TestChartRoles(t *testing.T) {
	ss := stages("Search", "Buy")
	p := persona("Parent", ss, -1, 0, 2)
	charts := map[string]string{
		"curve":   string(Curve(p, scale, "c", english())),
		"overlay": string(Overlay([]*site.Persona{p}, ss, scale, "o", english())),
	}
	role := regexp.MustCompile(`^<svg [^>]*role="([a-z]+)"`)
	for name, svg := range charts {
		m := role.FindStringSubmatch(svg)
		if m == nil {
			t.Errorf("%s: root element has no role", name)
			continue
		}
		if links := strings.Contains(svg, "<a "); links == (m[1] == "img") {
			t.Errorf("%s: role=%q with links inside: %v", name, m[1], links)
		}
	}
}

func TestBands(t *testing.T) {
	ss := stages("A", "B")
	p := &site.Persona{}
	for i, s := range []*site.Stage{ss[0], ss[0], ss[1], ss[0]} {
		p.Steps = append(p.Steps, &site.Step{Index: i + 1, Stage: s})
	}
	bands := Bands(p.Steps)
	var got []string
	for _, b := range bands {
		got = append(got, b.Stage.Title+itoa(b.First)+"x"+itoa(len(b.Steps)))
	}
	if want := "A0x2 B2x1 A3x1"; strings.Join(got, " ") != want {
		t.Errorf("bands = %v, want %s", got, want)
	}
}

// english is the English catalogue of the default theme.
func english() *i18n.Catalogue { return i18n.Default("en") }

// TestChartsTakeColoursFromTheStylesheet checks that no chart paints with a
// colour of its own: every colour comes from a class the theme styles, so
// the dark scheme and print restyle the charts.
func TestChartsTakeColoursFromTheStylesheet(t *testing.T) {
	ss := stages("Search", "Buy")
	p := persona("P", ss, -2, 0, 2)
	p.Steps[0].Critical = true
	p.Steps[1].Assumed = true
	p.Critical = []*site.Step{p.Steps[0]}
	var ps []*site.Persona
	for i := range MaxOverlay {
		ps = append(ps, persona("P"+itoa(i), ss, i%5-2, 1))
	}
	charts := map[string]string{
		"curve":   string(Curve(p, scale, "c", english())),
		"overlay": string(Overlay(ps, ss, scale, "o", english())),
	}
	colour := regexp.MustCompile(`(fill|stroke)="(#|rgb|[a-z]+)[^"]*"`)
	for name, svg := range charts {
		for _, m := range colour.FindAllString(svg, -1) {
			if m != `fill="none"` && m != `fill="currentColor"` && m != `stroke="currentColor"` {
				t.Errorf("%s paints with its own colour: %s", name, m)
			}
		}
		for _, class := range []string{"c-bg", "c-band", "c-grid", "c-ink"} {
			if name == "curve" && !strings.Contains(svg, class) {
				t.Errorf("%s lacks class %s", name, class)
			}
		}
	}
	for _, class := range []string{"emo-neg", "emo-neu hollow", "emo-pos", "c-crit-ring", "c-crit-band", "halo"} {
		if !strings.Contains(charts["curve"], class) {
			t.Errorf("curve lacks class %q", class)
		}
	}
	for i := 1; i <= MaxOverlay; i++ {
		if !strings.Contains(charts["overlay"], `class="series s`+itoa(i)+`"`) {
			t.Errorf("overlay lacks series class s%d", i)
		}
	}
}
