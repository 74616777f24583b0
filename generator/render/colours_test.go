package render

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// schemeColours reads the colour properties of the default theme: those of
// :root (the light scheme) and those the dark scheme redefines over them.
func schemeColours(t *testing.T) (light, dark map[string]string) {
	t.Helper()
	css, err := os.ReadFile("../../themes/default/static/cxatlas.css")
	if err != nil {
		t.Fatal(err)
	}
	s := string(css)
	prop := regexp.MustCompile(`(--[a-z0-9-]+):\s*(#[0-9a-f]{6})\s*;`)
	read := func(block string, into map[string]string) {
		for _, m := range prop.FindAllStringSubmatch(block, -1) {
			into[m[1]] = m[2]
		}
	}
	light = map[string]string{}
	root := s[strings.Index(s, ":root {"):]
	read(root[:strings.Index(root, "\n}")], light)
	dark = map[string]string{}
	for k, v := range light {
		dark[k] = v
	}
	d := strings.Index(s, "(prefers-color-scheme: dark)")
	if d < 0 {
		t.Fatal("the stylesheet has no dark scheme")
	}
	block := s[d:]
	read(block[:strings.Index(block, "\n}")], dark)
	return light, dark
}

// contrast is the WCAG contrast ratio of two colours "#rrggbb".
func contrast(a, b string) float64 {
	lum := func(hex string) float64 {
		var c [3]float64
		for i := range c {
			v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
			x := float64(v) / 255
			if x <= 0.03928 {
				c[i] = x / 12.92
			} else {
				c[i] = math.Pow((x+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	}
	x, y := lum(a), lum(b)
	return (math.Max(x, y) + 0.05) / (math.Min(x, y) + 0.05)
}

// TestSchemeContrast checks the colour pairs of both schemes that axe-core
// cannot judge or that every page relies on: text on the page's
// backgrounds at 4.5:1, and chart marks (points, lines, series, critical
// rings) at 3:1 on every background a chart draws them over.
func TestSchemeContrast(t *testing.T) {
	light, dark := schemeColours(t)
	text := [][2]string{
		{"--ink", "--bg"}, {"--ink", "--surface"}, {"--ink", "--head"}, {"--muted", "--bg"}, {"--muted", "--surface"},
		{"--muted", "--chart-band"}, {"--accent", "--surface"}, {"--accent", "--bg"}, {"--critical", "--surface"},
		{"--ink", "--critical-bg"}, {"--sev-medium-ink", "--sev-medium-bg"}, {"--sev-low-ink", "--sev-low-bg"},
		{"--on-strong", "--sev-critical-bg"}, {"--on-strong", "--sev-high-bg"}, {"--on-strong", "--critical"},
		{"--warn-ink", "--warn-bg"}, {"--impact-ink", "--impact-bg"}, {"--on-strong", "--impact-high-bg"},
		{"--critical-ink", "--critical-head-bg"}, {"--ink", "--heat-0"}, {"--ink", "--heat-3"}, {"--ink", "--heat-6"},
		{"--ink-2", "--heat-0"}, {"--ink-2", "--heat-6"},
	}
	var marks [][2]string
	for _, m := range []string{"--emo-neg", "--emo-neu", "--emo-pos", "--chart-line", "--chart-zero", "--critical",
		"--series-1", "--series-2", "--series-3", "--series-4", "--series-5", "--series-6", "--series-7", "--series-8"} {
		for _, bg := range []string{"--surface", "--chart-band", "--critical-bg"} {
			marks = append(marks, [2]string{m, bg})
		}
	}
	for name, scheme := range map[string]map[string]string{"light": light, "dark": dark} {
		check := func(pairs [][2]string, min float64) {
			for _, p := range pairs {
				fg, bg := scheme[p[0]], scheme[p[1]]
				if fg == "" || bg == "" {
					t.Errorf("%s scheme: %s or %s is not a colour of the stylesheet", name, p[0], p[1])
					continue
				}
				if r := contrast(fg, bg); r < min {
					t.Errorf("%s scheme: %s %s on %s %s is %.2f:1, want %.1f:1", name, p[0], fg, p[1], bg, r, min)
				}
			}
		}
		check(text, 4.5)
		check(marks, 3)
	}
}

// TestDarkSchemeRedefinesEveryColour checks that every colour property of
// the stylesheet, wherever it is declared, is one the dark scheme
// redefines: a colour declared only for the light scheme would paint a
// dark page with light-scheme tones.
func TestDarkSchemeRedefinesEveryColour(t *testing.T) {
	light, _ := schemeColours(t)
	css, err := os.ReadFile("../../themes/default/static/cxatlas.css")
	if err != nil {
		t.Fatal(err)
	}
	s := string(css)
	d := strings.Index(s, "(prefers-color-scheme: dark)")
	block := s[d:]
	block = block[:strings.Index(block, "\n}")]
	redefined := map[string]bool{}
	decl := regexp.MustCompile(`(--[a-z0-9-]+):\s*#[0-9a-f]{3,8}\s*;`)
	for _, m := range decl.FindAllStringSubmatch(block, -1) {
		redefined[m[1]] = true
	}
	all := map[string]string{}
	for _, m := range regexp.MustCompile(`(--[a-z0-9-]+):\s*(#[0-9a-f]{6})\s*;`).FindAllStringSubmatch(s, -1) {
		if all[m[1]] == "" {
			all[m[1]] = m[2]
		}
	}
	for _, m := range decl.FindAllStringSubmatch(s, -1) {
		if redefined[m[1]] {
			continue
		}
		if !sameInBothSchemes[m[1]] {
			t.Errorf("%s is a colour the dark scheme does not redefine", m[1])
			continue
		}
		// A colour kept in both schemes must mark at 3:1 on both surfaces.
		_, dark := schemeColours(t)
		for _, bg := range []string{light["--surface"], dark["--surface"]} {
			if r := contrast(all[m[1]], bg); r < 3 {
				t.Errorf("%s %s on %s is %.2f:1, want 3:1 in both schemes", m[1], all[m[1]], bg, r)
			}
		}
	}
}

// sameInBothSchemes lists the colour properties kept as they are in both
// schemes: the comparison's series are mid tones that mark at 3:1 on a
// light and a dark surface alike.
var sameInBothSchemes = map[string]bool{
	"--cmp-0": true, "--cmp-1": true, "--cmp-2": true, "--cmp-3": true,
	"--cmp-4": true, "--cmp-5": true, "--cmp-6": true, "--cmp-7": true,
}
