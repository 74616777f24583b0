package export

import (
	"html"
	"strconv"
	"strings"

	"github.com/cxatlas/cxatlas/generator/i18n"
	"github.com/cxatlas/cxatlas/generator/site"
)

// PainColumns are the keys, in the catalogue's col table, of the columns
// of PainsCSV, in order.
var painColumns = [...]string{"number", "severity", "pain", "personas_steps", "stages", "touchpoints", "owners"}

// PainsCSV writes the pain-point index of s as CSV: a header row, then a
// row per pain in the order of the index, numbered as the index numbers
// it: its severity in the language of cat, its text, each persona it hurts
// with the numbers of the steps where it is written ("Anna: 3, 7"), its
// stages, touchpoints and owners, an item on each line of a cell. The
// encoding is PersonaCSV's.
func PainsCSV(s *site.Site, cat *i18n.Catalogue) []byte {
	// About 400 bytes a row.
	w := newCSV(400 * (1 + len(s.Pains)))
	row := make([]string, len(painColumns))
	for i, key := range painColumns {
		row[i] = Cell(html.UnescapeString(cat.T("col." + key)))
	}
	w.record(row)
	for i, p := range s.Pains {
		row[0] = strconv.Itoa(i + 1)
		row[1] = Cell(html.UnescapeString(cat.T("severity." + p.Severity.String())))
		row[2] = Cell(oneLine(p.Text))
		row[3] = Cell(personaSteps(p))
		row[4] = Cell(lines(len(p.Stages), func(i int) string { return p.Stages[i].Title }))
		row[5] = Cell(lines(len(p.Touchpoints), func(i int) string { return p.Touchpoints[i].Title }))
		row[6] = Cell(lines(len(p.Owners), func(i int) string { return p.Owners[i] }))
		w.record(row)
	}
	return w.bytes()
}

// personaSteps writes a line per persona that mentions p: its title and
// the numbers of its steps that do, in order.
func personaSteps(p *site.Pain) string {
	var b strings.Builder
	var last *site.Persona
	for _, m := range p.Mentions {
		if m.Step == nil {
			continue
		}
		if per := m.Step.Persona; per != last {
			if last != nil {
				b.WriteByte('\n')
			}
			b.WriteString(oneLine(per.Title))
			b.WriteString(": ")
			last = per
		} else {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(m.Step.Index))
	}
	return b.String()
}

// lines writes n items, one a line.
func lines(n int, item func(i int) string) string {
	items := make([]string, n)
	for i := range items {
		items[i] = oneLine(item(i))
	}
	return strings.Join(items, "\n")
}
