package importer

import (
	"fmt"
	"strings"

	"github.com/cxatlas/cxatlas/generator/config"
)

// CSVOptions says how to read a spreadsheet.
type CSVOptions struct {
	// Scale is the portal's emotion scale, the one scores are mapped onto.
	Scale config.Scale
	// From, when set, is the scale the sheet's emotion numbers are on;
	// otherwise it is guessed from the numbers.
	From *config.Scale
}

// ReadCSV reads a journey map from a spreadsheet saved as CSV, in either
// layout: lanes as rows (the first column names the lane, each further
// column is a step, a stage row groups them) or steps as rows (the first
// row names the fields, each further row is a step). file names the file
// in errors.
func ReadCSV(file string, data []byte, opts CSVOptions) (*Read, error) {
	txt, enc, err := decodeText(file, data)
	if err != nil {
		return nil, err
	}
	sep, txt := separator(txt)
	rows, err := readRecords(file, txt, sep)
	if err != nil {
		return nil, err
	}
	rows = dropEmptyRows(rows)
	if len(rows) == 0 {
		return nil, &Error{File: file, Msg: "the file has no cells with text", Hint: "save the sheet again with its cells"}
	}
	rows, err = squareRows(file, rows)
	if err != nil {
		return nil, err
	}
	g := &grid{file: file, rows: rows}
	var res *Read
	if head, ok := g.stepsAsRows(); ok {
		res, err = g.readStepRows(head, opts)
	} else {
		res, err = g.readLaneRows(opts)
	}
	if err != nil {
		return nil, err
	}
	res.Format = fmt.Sprintf("%s, %s-separated, %s", enc, sepName(sep), res.Format)
	return res, nil
}

// dropEmptyRows drops rows with no text at all, keeping the row numbers
// of the others in their first cell's place (see grid.rowNum).
func dropEmptyRows(rows [][]string) [][]string {
	out := rows[:0]
	for _, r := range rows {
		if !allEmpty(r) {
			out = append(out, r)
		} else {
			out = append(out, nil) // a gap keeps the numbering
		}
	}
	for len(out) > 0 && out[len(out)-1] == nil {
		out = out[:len(out)-1]
	}
	for _, r := range out {
		if r != nil {
			return out
		}
	}
	return nil
}

func allEmpty(r []string) bool {
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// grid is a sheet's cells; rows[i] is row i+1 of the sheet, nil when the
// row is empty.
type grid struct {
	file string
	rows [][]string
}

func (g *grid) errorf(row, col int, hint, format string, args ...any) *Error {
	return &Error{File: g.file, Cell: Cell{Row: row, Col: col}, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// stepsAsRows says whether the sheet names its fields in a header row
// rather than in its first column: a row among the first five that names
// the stage and another field, and holds more field names than the first
// column does. It returns the header row's index.
func (g *grid) stepsAsRows() (int, bool) {
	inCol := 0
	for _, r := range g.rows {
		if r != nil && laneField(r[0]) != NoField {
			inCol++
		}
	}
	seen := 0
	for i, r := range g.rows {
		if r == nil {
			continue
		}
		if seen++; seen > 5 {
			break
		}
		n, stage := 0, false
		for _, c := range r {
			if f := laneField(c); f != NoField {
				n++
				stage = stage || f == FieldStage
			}
		}
		if n >= 2 && stage {
			return i, n > inCol
		}
	}
	return 0, false
}

// knownLanes lists the lane names for a hint.
const knownLanes = "Stage, Action, Touchpoints, Thought, Feeling, Emotion, Pains, Opportunities, Evidence, Duration " +
	"(Этап, Действие, Точки контакта, Мысли, Чувства, Эмоция, Боли, Возможности, Свидетельства, Длительность)"

// lane is a row (lanes as rows) or a column (steps as rows) that fills
// one field of every step.
type lane struct {
	at    int // the row or column index
	field Field
}

// steps collects the steps of a sheet as they are read.
type steps struct {
	res   Read
	cells []emotionCell
	// exported says the sheet is in the export layout: it has a step
	// id lane.
	exported bool
	skipped  []Note
}

// add appends a step of stage, read at place, whose lanes hold the cells
// cell gives.
func (s *steps) add(stage string, place Cell, lanes []lane, cell func(lane) (string, Cell)) {
	st := Step{Stage: stage, Cell: place}
	for _, l := range lanes {
		c, at := cell(l)
		if strings.TrimSpace(c) == "" {
			continue
		}
		switch l.field {
		case FieldStage, FieldStepID:
			// The stage is read apart; steps have no id in content.
		case FieldEmotion:
			s.cells = append(s.cells, emotionCell{step: len(s.res.Journey.Steps), cell: at, raw: c})
		default:
			fill(&st, l.field, c, s.exported)
		}
	}
	s.res.Journey.Steps = append(s.res.Journey.Steps, st)
}

// done maps the emotions and gives the result.
func (s *steps) done(opts CSVOptions, layout string) *Read {
	s.res.Mapping, s.res.Unplaced = mapEmotions(s.res.Journey.Steps, s.cells, opts.Scale, opts.From)
	s.res.Unplaced = append(s.skipped, s.res.Unplaced...)
	s.res.Format = fmt.Sprintf("%s, %d steps", layout, len(s.res.Journey.Steps))
	return &s.res
}

// laneRows finds the lanes of a lanes-as-rows sheet by the names in its
// first column, and the index of the stage row. Rows without a lane name
// are left out and noted; an unknown name is an error.
func (g *grid) laneRows(opts *CSVOptions, s *steps) ([]lane, int, error) {
	var lanes []lane
	stageRow := -1
	for i, r := range g.rows {
		if r == nil {
			continue
		}
		name := strings.TrimSpace(r[0])
		f := laneField(name)
		switch {
		case f == NoField && name == "":
			// Step numbers or names above the map, as many templates have.
			s.skipped = append(s.skipped, Note{Cell: Cell{Row: i + 1, Col: 1}, Msg: "this row has no lane name in its first column; its cells are left out"})
			continue
		case f == NoField && allEmpty(r[1:]):
			// A title or note above the map, such as "Journey of a family".
			s.skipped = append(s.skipped, Note{Cell: Cell{Row: i + 1, Col: 1}, Msg: fmt.Sprintf("%q is not a lane and its row is empty; left out", name)})
			continue
		case f == NoField:
			return nil, 0, g.errorf(i+1, 1, "name it as one of "+knownLanes+", or remove the row", "unknown lane %q", name)
		}
		var first *lane
		if lanes, first = s.addLane(lanes, f, i, name, opts); first != nil {
			return nil, 0, g.errorf(i+1, 1, "merge the two rows into one", "a second %s lane (the first is row %d)", f, first.at+1)
		}
		if f == FieldStage {
			stageRow = i
		}
	}
	if stageRow < 0 {
		return nil, 0, g.errorf(0, 0, "add a row named Stage (Этап) whose cells name the stage of each column; "+
			"if the first row already names stages, write Stage in its first cell", "no stage row")
	}
	return lanes, stageRow, nil
}

// readLaneRows reads a lanes-as-rows sheet: each column with text is a
// step, in the stage named above it or in the nearest stage to its left.
func (g *grid) readLaneRows(opts CSVOptions) (*Read, error) {
	var s steps
	lanes, stageRow, err := g.laneRows(&opts, &s)
	if err != nil {
		return nil, err
	}
	stage := ""
	for j := 1; j < len(g.rows[stageRow]); j++ {
		if g.columnEmpty(j) {
			continue
		}
		if name := strings.TrimSpace(g.rows[stageRow][j]); name != "" {
			stage = name
		}
		if stage == "" {
			return nil, g.errorf(stageRow+1, j+1, "write the stage of this column, or of a column to its left", "step without a stage")
		}
		if len(s.res.Journey.Steps) == MaxSteps {
			return nil, g.errorf(1, j+1, "split the journey", "more than %d steps", MaxSteps)
		}
		s.add(stage, Cell{Row: stageRow + 1, Col: j + 1}, lanes, func(l lane) (string, Cell) {
			return g.rows[l.at][j], Cell{Row: l.at + 1, Col: j + 1}
		})
	}
	if len(s.res.Journey.Steps) == 0 {
		return nil, g.errorf(stageRow+1, 2, "put each step in a column to the right of the lane names", "no steps: the lanes have no cells")
	}
	return s.done(opts, "lanes as rows"), nil
}

// columnEmpty says whether column j has no text in any row.
func (g *grid) columnEmpty(j int) bool {
	for _, r := range g.rows {
		if r != nil && strings.TrimSpace(r[j]) != "" {
			return false
		}
	}
	return true
}

// addLane adds to lanes the lane of field f, named name, at row or
// column at, unless lanes has one already: then it returns that one. The
// name of an Emotion lane may give the scale ("Emotion (1-5)"), and a
// Step id lane marks a sheet in the export layout.
func (s *steps) addLane(lanes []lane, f Field, at int, name string, opts *CSVOptions) ([]lane, *lane) {
	for i := range lanes {
		if lanes[i].field == f {
			return lanes, &lanes[i]
		}
	}
	switch f {
	case FieldEmotion:
		if opts.From == nil {
			opts.From = nameScale(name)
		}
	case FieldStepID:
		s.exported = true
	}
	return append(lanes, lane{at: at, field: f}), nil
}

// headerColumns finds the columns of a steps-as-rows sheet by the names
// in its header row, and the index of the stage column.
func (g *grid) headerColumns(head int, opts *CSVOptions, s *steps) ([]lane, int, error) {
	var cols []lane
	stageCol := -1
	for j, name := range g.rows[head] {
		name = strings.TrimSpace(name)
		f := laneField(name)
		switch {
		case f == NoField && name == "" && g.columnEmpty(j):
			continue
		case f == NoField && name == "":
			return nil, 0, g.errorf(head+1, j+1, "name the column as one of "+knownLanes, "a column with cells but no name")
		case f == NoField:
			return nil, 0, g.errorf(head+1, j+1, "name it as one of "+knownLanes+", or remove the column", "unknown column %q", name)
		}
		var first *lane
		if cols, first = s.addLane(cols, f, j, name, opts); first != nil {
			return nil, 0, g.errorf(head+1, j+1, "merge the two columns into one", "a second %s column (the first is column %s)", f, columnName(first.at+1))
		}
		if f == FieldStage {
			stageCol = j
		}
	}
	return cols, stageCol, nil
}

// readStepRows reads a steps-as-rows sheet whose header is row head: each
// row below it is a step, in the stage it names or the nearest above.
func (g *grid) readStepRows(head int, opts CSVOptions) (*Read, error) {
	var s steps
	for i := 0; i < head; i++ {
		if g.rows[i] != nil {
			s.skipped = append(s.skipped, Note{Cell: Cell{Row: i + 1}, Msg: "a row above the column names; left out"})
		}
	}
	cols, stageCol, err := g.headerColumns(head, &opts, &s)
	if err != nil {
		return nil, err
	}
	stage := ""
	for i := head + 1; i < len(g.rows); i++ {
		r := g.rows[i]
		if r == nil {
			continue
		}
		if name := strings.TrimSpace(r[stageCol]); name != "" {
			stage = name
		}
		if stage == "" {
			return nil, g.errorf(i+1, stageCol+1, "write the stage of this step, or of a step above it", "step without a stage")
		}
		if len(s.res.Journey.Steps) == MaxSteps {
			return nil, g.errorf(i+1, 0, "split the journey", "more than %d steps", MaxSteps)
		}
		s.add(stage, Cell{Row: i + 1, Col: stageCol + 1}, cols, func(l lane) (string, Cell) {
			return r[l.at], Cell{Row: i + 1, Col: l.at + 1}
		})
	}
	if len(s.res.Journey.Steps) == 0 {
		return nil, g.errorf(head+2, 0, "put each step in a row below the column names", "no steps: the sheet has only its header row")
	}
	return s.done(opts, "steps as rows"), nil
}
