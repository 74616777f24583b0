package export

import (
	"html"
	"strconv"
	"strings"

	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/site"
)

// Lane is a row of the journey map as CSV: its key in the message
// catalogue, under export.lane, and the cell it writes for a step.
type lane struct {
	key  string
	cell func(st *site.Step) string
}

// lanes are the rows of PersonaCSV, in order. Steps have no id of their
// own in content files: the Step id row holds each step's number, the one
// its column has on the map page ("Step 3", #step-3), which also tells an
// importer that the sheet is in this layout.
var lanes = [...]lane{
	{"stage", func(st *site.Step) string {
		if st.Stage == nil {
			return ""
		}
		return st.Stage.Title
	}},
	{"action", func(st *site.Step) string { return st.Action }},
	{"touchpoints", func(st *site.Step) string {
		items := make([]string, len(st.Touchpoints))
		for i, t := range st.Touchpoints {
			items[i] = oneLine(t.Title)
		}
		return strings.Join(items, "\n")
	}},
	{"thought", func(st *site.Step) string { return st.Thought }},
	{"feeling", func(st *site.Step) string { return st.Feeling }},
	{"emotion", nil}, // a number, written unguarded by PersonaCSV
	{"pains", func(st *site.Step) string {
		items := make([]string, len(st.Pains))
		for i, m := range st.Pains {
			items[i] = rated(m.Text, m.Severity.String(), m.Severity != site.Unrated)
		}
		return strings.Join(items, "\n")
	}},
	{"opportunities", func(st *site.Step) string {
		items := make([]string, len(st.Opportunities))
		for i, o := range st.Opportunities {
			items[i] = rated(o.Text, o.Impact.String(), o.Impact != site.ImpactUnrated)
		}
		return strings.Join(items, "\n")
	}},
	{"evidence", func(st *site.Step) string {
		items := make([]string, len(st.Evidence))
		for i, e := range st.Evidence {
			items[i] = evidence(e)
		}
		return strings.Join(items, "\n")
	}},
	{"duration", func(st *site.Step) string { return st.Duration }},
	{"step_id", func(st *site.Step) string { return strconv.Itoa(st.Index) }},
}

// rated writes an item of a list cell with its rating as written in
// content files: "text [high]"; an unrated item is its text alone.
func rated(text, rating string, ok bool) string {
	text = oneLine(text)
	if !ok {
		return text
	}
	return text + " [" + rating + "]"
}

// evidence writes a source as a writer can write it back: its link alone
// when the text is the link, a Markdown link "[text](url)" when both are
// given, its text when it has no (safe) link.
func evidence(e site.Evidence) string {
	text := oneLine(e.Text)
	switch {
	case e.URL == "" || e.URL == e.Text:
		return text
	default:
		return "[" + text + "](" + e.URL + ")"
	}
}

// LaneName returns the name of a lane of PersonaCSV in the language of
// cat, as plain text: the first cell of its row.
func LaneName(cat *i18n.Catalogue, key string) string {
	return html.UnescapeString(cat.T("export.lane." + key))
}

// PersonaCSV writes the journey map of persona p as CSV, lanes as rows:
// the first column names the lane in the language of cat, each further
// column is a step, in order. The Stage row holds the stage's title over
// every step; lists (touchpoints, pains, opportunities, evidence) put an
// item on each line of a cell; pains and opportunities end in their
// rating as content files write it, "[high]"; Emotion holds the score as
// a plain number on the portal's scale, empty when a step has none; Step
// id the step's number. Every lane is written, empty or not, so that the
// layout stays the same. The
// file is UTF-8 with a byte-order mark, comma-separated, records ending in
// CRLF (RFC 4180), every text cell guarded against formulas (see Cell).
func PersonaCSV(p *site.Persona, cat *i18n.Catalogue) []byte {
	// About 150 bytes a cell.
	w := newCSV(150 * len(lanes) * (1 + len(p.Steps)))
	row := make([]string, 1+len(p.Steps))
	for _, l := range lanes {
		row[0] = Cell(LaneName(cat, l.key))
		for i, st := range p.Steps {
			switch {
			case l.cell != nil:
				row[1+i] = Cell(l.cell(st))
			case st.HasEmotion:
				row[1+i] = strconv.Itoa(st.Emotion)
			default:
				row[1+i] = ""
			}
		}
		w.record(row)
	}
	return w.bytes()
}
