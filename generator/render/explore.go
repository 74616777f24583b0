package render

import (
	"html/template"
	"strings"

	"github.com/cxatlas/cxatlas/generator/explore"
	"github.com/cxatlas/cxatlas/generator/render/chart"
	"github.com/cxatlas/cxatlas/generator/site"
)

// The views of the pages that look across maps: the comparison of personas,
// the stage x touchpoint matrix and the channel view. package explore
// works out their data; these views only word and link it.

// compareChartID is the id of the comparison chart; the stylesheet refers
// to its markers, "#cmp-mk-0" and so on.
const compareChartID = "cmp"

// compareView is the comparison of personas step by step.
type compareView struct {
	common
	Chart template.HTML
	// Choices holds a checkbox per persona offered, in persona order.
	Choices []compareChoice
	// Shown counts the curves drawn before any choice; Left the personas
	// not offered.
	Shown, Left, Max int
	// Capped is set when curves with scores were left out of Shown.
	Capped bool
	// Rows holds the pain points side by side, a row per stage.
	Rows []compareRow
	// Script links to compare.js.
	Script string
}

// compareChoice is one persona the reader can compare.
type compareChoice struct {
	ID, Title, URL string
	// Slot is the series style the persona is drawn in before any choice,
	// or -1 when it is not drawn.
	Slot int
}

// compareRow is one stage of the side-by-side pain points.
type compareRow struct {
	Stage *site.Stage
	URL   string
	Cells []compareCell
}

// compareCell is what one persona meets in one stage.
type compareCell struct {
	ID string
	// Hidden is set on the columns of the personas not drawn before any
	// choice.
	Hidden bool
	Pains  []comparePain
}

// comparePain is a pain point in a cell, linked to its row in the index.
type comparePain struct {
	Severity  site.Severity
	Text, URL string
}

func newCompareView(c common) *compareView {
	cmp := explore.Compare(c.Site)
	v := &compareView{common: c, Left: cmp.Left, Max: explore.MaxChosen, Script: c.Link.To("static/compare.js")}
	slots := make([]int, len(cmp.Curves))
	for i, cv := range cmp.Curves {
		slots[i] = -1
		if cv.Scored > 0 {
			if v.Shown < chart.StepSlots {
				slots[i] = v.Shown
				v.Shown++
			} else {
				v.Capped = true
			}
		}
		p := cv.Persona
		v.Choices = append(v.Choices, compareChoice{ID: p.ID, Title: p.Title, URL: c.Link.Persona(p), Slot: slots[i]})
	}
	v.Chart = chart.StepOverlay(cmp, slots, c.Config.Emotion, compareChartID, c.words.cat)
	for _, row := range cmp.Pains {
		r := compareRow{Stage: row.Stage, URL: c.Link.Stage(row.Stage)}
		for j, cell := range row.Cells {
			cc := compareCell{ID: cmp.Curves[j].Persona.ID, Hidden: slots[j] < 0}
			for _, pa := range cell {
				cc.Pains = append(cc.Pains, comparePain{Severity: pa.Severity, Text: pa.Pain.Text, URL: c.Link.Pain(pa.Pain)})
			}
			r.Cells = append(r.Cells, cc)
		}
		v.Rows = append(v.Rows, r)
	}
	return v
}

// matrixView is the stage x touchpoint matrix.
type matrixView struct {
	common
	Stages []*site.Stage
	Rows   []matrixRow
	// Hidden counts the touchpoints with steps not shown; Unused those
	// without steps.
	Hidden, Unused int
}

// matrixRow is one touchpoint of the matrix.
type matrixRow struct {
	Touchpoint *site.Touchpoint
	URL        string
	Cells      []matrixCell
}

// matrixCell is one touchpoint in one stage, worded.
type matrixCell struct {
	// Steps counts the steps; a cell without steps is empty.
	Steps int
	// Heat is the class of the mean's colour; Mean the mean, written.
	Heat, Mean string
	// Personas names who meet the touchpoint there, or counts them when
	// they are many.
	Personas string
	Pains    int
	// URL leads to the steps: the step itself when there is one, else the
	// touchpoint's list of steps.
	URL string
}

// matrixNames is the most personas a matrix cell names; more are counted.
const matrixNames = 2

func newMatrixView(c common) *matrixView {
	m := explore.BuildMatrix(c.Site, 0)
	v := &matrixView{common: c, Stages: m.Stages, Hidden: m.Hidden, Unused: m.Unused}
	for _, row := range m.Rows {
		r := matrixRow{Touchpoint: row.Touchpoint, URL: c.Link.Touchpoint(row.Touchpoint)}
		for _, cell := range row.Cells {
			r.Cells = append(r.Cells, c.matrixCell(row.Touchpoint, cell))
		}
		v.Rows = append(v.Rows, r)
	}
	return v
}

// matrixCell words one cell of the matrix.
func (c common) matrixCell(t *site.Touchpoint, cell explore.MatrixCell) matrixCell {
	if len(cell.Steps) == 0 {
		return matrixCell{}
	}
	out := matrixCell{Steps: len(cell.Steps), Heat: c.Heat(cell.Emotion), Mean: c.words.mean(cell.Emotion), Pains: cell.Pains}
	if len(cell.Personas) <= matrixNames {
		names := make([]string, len(cell.Personas))
		for i, p := range cell.Personas {
			names[i] = p.Title
		}
		out.Personas = strings.Join(names, ", ")
	} else {
		out.Personas = c.words.cat.Plural("count.personas", len(cell.Personas))
	}
	if len(cell.Steps) == 1 {
		out.URL = c.Link.Step(cell.Steps[0])
	} else {
		out.URL = c.Link.Touchpoint(t) + "#h-who"
	}
	return out
}

// channelsView is the channel view: touchpoints by mode and management.
type channelsView struct {
	common
	Quadrants []quadrant
}

// quadrant is one quadrant of the channel view, worded.
type quadrant struct {
	explore.Quadrant
	// Key names the quadrant in ids and classes: "online-managed", ...,
	// "unset".
	Key, Title string
	Heat, Mean string
	Chips      fragment
}

func newChannelsView(c common) *channelsView {
	v := &channelsView{common: c}
	cat := c.words.cat
	for _, q := range explore.Channels(c.Site, 0) {
		key := "unset"
		if q.Mode != "" {
			key = q.Mode + "-unmanaged"
			if q.Managed {
				key = q.Mode + "-managed"
			}
		}
		v.Quadrants = append(v.Quadrants, quadrant{
			Quadrant: q, Key: key, Title: cat.T("channels." + strings.ReplaceAll(key, "-", "_")),
			Heat: c.Heat(q.Emotion), Mean: c.words.mean(q.Emotion), Chips: touchpointChips(q.Touchpoints, c.Link),
		})
	}
	return v
}

// exploreView builds the view of a page that looks across maps.
func exploreView(c common, t PageType) view {
	nav := c.words.nav
	home := crumb{Title: nav["home"], URL: c.Link.Home()}
	switch t {
	case ComparePage:
		c.Title, c.Section = nav["compare"], PersonaList
		c.Crumbs = []crumb{home, {nav["personas"], c.Link.To("personas/")}}
		return newCompareView(c)
	case MatrixPage:
		c.Title, c.Section = nav["matrix"], TouchpointList
		c.Crumbs = []crumb{home, {nav["touchpoints"], c.Link.To("touchpoints/")}}
		return newMatrixView(c)
	}
	c.Title, c.Section = nav["channels"], TouchpointList
	c.Crumbs = []crumb{home, {nav["touchpoints"], c.Link.To("touchpoints/")}}
	return newChannelsView(c)
}
