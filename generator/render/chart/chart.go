// Package chart draws the emotion charts of a portal as inline SVG: the
// curve of one persona across its steps and the overlay of several
// personas' mean emotion per stage. Charts need no JavaScript, read in
// greyscale print, and carry a title and a description for screen readers;
// pages pair them with a data table holding the same numbers.
//
// Every piece of writer text that goes into a chart is escaped here, so the
// returned template.HTML is safe to insert into a page.
package chart

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cxatlas/cxatlas/generator/config"
	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/site"
)

// fontFamily is the font stack of chart text: the reader's system font, so
// no font is ever fetched.
const fontFamily = `system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`

// esc escapes text for an SVG text node or a quoted attribute inside HTML.
func esc(s string) string { return html.EscapeString(s) }

// Mean writes the mean of st with one decimal and its sign in the language
// of cat, "+1.3" ("+1,3" in Russian), or an em dash when st holds no
// scores. Charts and data tables use it so they show the same numbers.
func Mean(st site.Stat, cat *i18n.Catalogue) string {
	if st.N == 0 {
		return "—"
	}
	return cat.SignedTenths(st.Mean)
}

// yAxis maps emotion scores to vertical positions: max at top, min at
// top+height.
type yAxis struct {
	min, max    int
	top, height float64
}

func (a yAxis) y(v float64) float64 {
	return a.top + (float64(a.max)-v)/float64(a.max-a.min)*a.height
}

// ticks returns the scores that get a grid line: every integer on narrow
// scales, about ten evenly spaced ones on wide scales, always with zero when
// it is in range.
func ticks(sc config.Scale) []int {
	span := sc.Max - sc.Min
	if span <= 0 {
		return []int{sc.Min}
	}
	step := max(1, (span+9)/10)
	var out []int
	for v := sc.Min; v <= sc.Max; v++ {
		if (v-sc.Min)%step == 0 || v == 0 || v == sc.Max {
			out = append(out, v)
		}
	}
	return out
}

// validScale returns sc, or the default scale when sc is empty or inverted,
// so a broken configuration cannot divide by zero.
func validScale(sc config.Scale) config.Scale {
	if sc.Min >= sc.Max {
		return config.Default().Emotion
	}
	return sc
}

// clamp keeps v inside the scale, so a stray score cannot leave the chart.
func clamp(v float64, sc config.Scale) float64 {
	return math.Max(float64(sc.Min), math.Min(float64(sc.Max), v))
}

// truncate shortens s to at most n characters, ending with an ellipsis.
func truncate(s string, n int) string {
	if n < 2 {
		n = 2
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// num writes a coordinate compactly.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// openSVG returns the root element with its accessible name and
// description. role is "img" for a chart read as one picture, "group" for
// one whose points are links: an image's children are hidden from
// assistive technology, so links inside it could take the keyboard focus
// and not be announced.
func openSVG(class, role, id string, w, h int, title, desc string) string {
	id = esc(id)
	return fmt.Sprintf(`<svg class="chart %s" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="%s" aria-labelledby="%s-title" aria-describedby="%s-desc" font-family="%s" font-size="12">`,
		class, w, h, w, h, role, id, id, fontFamily) +
		fmt.Sprintf(`<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`+"\n", id, esc(title), id, esc(desc))
}

// svgBuf collects the markup of a chart that draws one element per step,
// without formatting each number through fmt.
type svgBuf struct {
	b []byte
}

// raw writes markup of this package as it is.
func (s *svgBuf) raw(x string) { s.b = append(s.b, x...) }

// text writes writer text escaped for a text node or attribute value.
func (s *svgBuf) text(x string) { s.b = append(s.b, esc(x)...) }

// int writes a whole number.
func (s *svgBuf) int(v int) { s.b = strconv.AppendInt(s.b, int64(v), 10) }

// num writes a coordinate rounded to a tenth, as num does.
func (s *svgBuf) num(v float64) {
	s.b = strconv.AppendFloat(s.b, math.Round(v*10)/10, 'f', -1, 64)
}

// wrapLines breaks s at spaces into at most lines lines of at most width
// characters; what does not fit is cut with an ellipsis.
func wrapLines(s string, width, lines int) []string {
	words := strings.Fields(s)
	if lines <= 1 || len(words) == 0 {
		return []string{truncate(strings.Join(words, " "), width)}
	}
	var out []string
	cur := ""
	for i, w := range words {
		if cur != "" && utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) > width {
			out = append(out, truncate(cur, width))
			cur = ""
			if len(out) == lines-1 {
				return append(out, truncate(strings.Join(words[i:], " "), width))
			}
		}
		if cur == "" {
			cur = w
		} else {
			cur += " " + w
		}
	}
	return append(out, truncate(cur, width))
}
