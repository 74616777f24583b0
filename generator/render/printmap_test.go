package render

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestPrintMapParts checks the printed journey map of each persona: parts
// of PrintSteps steps in journey order, every part with the same lane
// labels, its own part of the curve and no id of its own (the screen grid
// keeps the step anchors).
func TestPrintMapParts(t *testing.T) {
	r := newRenderer(t)
	s := linkSet(t, testConfig(), generatedSet(3, 20, 5))
	files := renderAll(t, r, s)
	part := regexp.MustCompile(`(?s)<section class="print-part">.*?</section>`)
	stepHead := regexp.MustCompile(`<th(?: class="is-critical")?>Step (\d+)`)
	for _, p := range s.Personas {
		body := files["personas/"+p.ID+"/index.html"]
		start := strings.Index(body, `<div class="map-print">`)
		if start < 0 {
			t.Fatalf("%s: no printed map", p.ID)
		}
		printed := body[start:]
		printed = printed[:strings.Index(printed, "</div>")]
		parts := part.FindAllString(printed, -1)
		if want := (len(p.Steps) + PrintSteps - 1) / PrintSteps; len(parts) != want {
			t.Errorf("%s: %d steps print in %d parts, want %d", p.ID, len(p.Steps), len(parts), want)
		}
		next := 1
		for i, pt := range parts {
			for _, lane := range []string{">Actions<", ">Touchpoints<", ">Thoughts<", ">Feelings<", ">Emotion ", ">Pain points<", ">Evidence<"} {
				if !strings.Contains(pt, lane) {
					t.Errorf("%s part %d lacks the lane %s", p.ID, i+1, lane)
				}
			}
			if strings.Count(pt, "<svg") != 1 || !strings.Contains(pt, `aria-hidden="true"`) {
				t.Errorf("%s part %d: want one curve, hidden from assistive technology", p.ID, i+1)
			}
			if strings.Contains(pt, "<a href=\"#") || strings.Contains(pt, ` id="step-`) {
				t.Errorf("%s part %d repeats the step anchors or their links", p.ID, i+1)
			}
			heads := stepHead.FindAllStringSubmatch(pt, -1)
			if len(heads) == 0 || len(heads) > PrintSteps {
				t.Errorf("%s part %d has %d steps", p.ID, i+1, len(heads))
			}
			for _, h := range heads {
				if h[1] != strconv.Itoa(next) {
					t.Errorf("%s part %d: step %s where step %d was due", p.ID, i+1, h[1], next)
				}
				next++
			}
		}
		if next-1 != len(p.Steps) {
			t.Errorf("%s: %d of %d steps printed", p.ID, next-1, len(p.Steps))
		}
	}
}
