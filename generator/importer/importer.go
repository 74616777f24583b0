// Package importer brings journey maps made elsewhere into a portal: a
// spreadsheet saved as CSV or a Mermaid journey diagram becomes a persona
// file, with stage and touchpoint files for the names the portal does not
// know yet. It runs before the pipeline's load step and writes content
// files only; the build reads them like any others.
package importer

import (
	"fmt"
	"strings"
)

// Journey is a map read from a file, before it is matched against the
// portal: stages and touchpoints are the names as written.
type Journey struct {
	// Title is the persona's title, when the file names one.
	Title string
	Steps []Step
}

// Step is one step of a Journey.
type Step struct {
	// Stage is the stage's name (or id) as written.
	Stage string
	// Touchpoints are touchpoint names (or ids) as written.
	Touchpoints              []string
	Action, Thought, Feeling string
	// HasEmotion says whether Emotion holds a score, already on the
	// portal's scale.
	HasEmotion    bool
	Emotion       int
	Pains         []Pain
	Opportunities []Opportunity
	Evidence      []string
	Duration      string
	// Cell is where the step was read, for messages.
	Cell Cell
}

// Pain is a pain point with its severity word ("" when not rated).
type Pain struct{ Text, Severity string }

// Opportunity is an opportunity with its impact word ("" when not rated).
type Opportunity struct{ Text, Impact string }

// Cell is a place in the file read: a spreadsheet row and column, or a
// line and column of a text file, counted from 1.
type Cell struct {
	Row, Col int
	// Line says Row is a line of text rather than a spreadsheet row.
	Line bool
}

// String names the cell as a writer finds it: "row 3, column E" in a
// spreadsheet, "line 4, column 7" in a text file.
func (c Cell) String() string {
	switch {
	case c.Row == 0:
		return ""
	case c.Line:
		return fmt.Sprintf("line %d, column %d", c.Row, c.Col)
	case c.Col == 0:
		return fmt.Sprintf("row %d", c.Row)
	}
	return fmt.Sprintf("row %d, column %s", c.Row, columnName(c.Col))
}

// columnName gives the spreadsheet letters of column n: 1 is A, 27 is AA.
func columnName(n int) string {
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{byte('A' + n%26)}, b...)
		n /= 26
	}
	return string(b)
}

// Error is a problem with the file read that stops the import, at its
// place, with what to do about it.
type Error struct {
	File string
	Cell Cell
	Msg  string
	// Hint says how to fix it, when there is a fix to suggest.
	Hint string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if s := e.Cell.String(); s != "" {
		b.WriteString(": " + s)
	}
	b.WriteString(": " + e.Msg)
	if e.Hint != "" {
		b.WriteString("; " + e.Hint)
	}
	return b.String()
}

// Note is something a writer should check after an import: a cell that
// could not be placed, or a value that was changed on the way in.
type Note struct {
	Cell Cell
	Msg  string
}

func (n Note) String() string {
	if s := n.Cell.String(); s != "" {
		return s + ": " + n.Msg
	}
	return n.Msg
}

// Read is what reading a file gives: the journey and what to report.
type Read struct {
	Journey Journey
	// Format describes what was detected: encoding, separator, layout.
	Format string
	// Mapping says how emotion values were put onto the portal's scale,
	// one line per rule; empty when they were used as they are.
	Mapping []string
	// Unplaced lists the cells that could not be placed in the map.
	Unplaced []Note
}
