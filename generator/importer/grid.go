package importer

import (
	"fmt"
	"sort"
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

// readLaneRows reads a lanes-as-rows sheet.
func (g *grid) readLaneRows(opts CSVOptions) (*Read, error) {
	stageRow := -1
	lanes := map[int]Field{}
	var order []int
	var skipped []Note
	width := 0
	for i, r := range g.rows {
		if r == nil {
			continue
		}
		width = len(r)
		name := strings.TrimSpace(r[0])
		f := laneField(name)
		if f == NoField {
			if name == "" {
				// Step numbers or names above the map, as many templates have.
				skipped = append(skipped, Note{Cell: Cell{Row: i + 1, Col: 1}, Msg: "this row has no lane name in its first column; its cells are left out"})
				continue
			}
			if allEmpty(r[1:]) {
				// A title or note above the map, such as "Journey of a family".
				skipped = append(skipped, Note{Cell: Cell{Row: i + 1, Col: 1}, Msg: fmt.Sprintf("%q is not a lane and its row is empty; left out", name)})
				continue
			}
			return nil, g.errorf(i+1, 1, "name it as one of "+knownLanes+", or remove the row",
				"unknown lane %q", name)
		}
		for _, j := range order {
			if lanes[j] == f {
				return nil, g.errorf(i+1, 1, "merge the two rows into one", "a second %s lane (the first is row %d)", f, j+1)
			}
		}
		if f == FieldStage {
			stageRow = i
		}
		if f == FieldEmotion && opts.From == nil {
			opts.From = nameScale(name)
		}
		lanes[i] = f
		order = append(order, i)
	}
	if stageRow < 0 {
		return nil, g.errorf(0, 0, "add a row named Stage (Этап) whose cells name the stage of each column; "+
			"if the first row already names stages, write Stage in its first cell", "no stage row")
	}
	exported := false
	for _, f := range lanes {
		exported = exported || f == FieldStepID
	}
	// The steps are the columns with any text below the lane names.
	res := &Read{}
	var cells []emotionCell
	stage := ""
	for j := 1; j < width; j++ {
		if g.columnEmpty(j) {
			continue
		}
		if s := strings.TrimSpace(g.rows[stageRow][j]); s != "" {
			stage = s
		}
		if stage == "" {
			return nil, g.errorf(stageRow+1, j+1, "write the stage of this column, or of a column to its left",
				"step without a stage")
		}
		if len(res.Journey.Steps) == MaxSteps {
			return nil, g.errorf(1, j+1, "split the journey", "more than %d steps", MaxSteps)
		}
		st := Step{Stage: stage, Cell: Cell{Row: stageRow + 1, Col: j + 1}}
		for _, i := range order {
			c := g.rows[i][j]
			if strings.TrimSpace(c) == "" || lanes[i] == FieldStage {
				continue
			}
			switch lanes[i] {
			case FieldEmotion:
				cells = append(cells, emotionCell{step: len(res.Journey.Steps), cell: Cell{Row: i + 1, Col: j + 1}, raw: c})
			case FieldStepID:
				// Steps have no id in content: an exported id is not needed.
			default:
				fill(&st, lanes[i], c, exported)
			}
		}
		res.Journey.Steps = append(res.Journey.Steps, st)
	}
	if len(res.Journey.Steps) == 0 {
		return nil, g.errorf(stageRow+1, 2, "put each step in a column to the right of the lane names", "no steps: the lanes have no cells")
	}
	res.Mapping, res.Unplaced = mapEmotions(res.Journey.Steps, cells, opts.Scale, opts.From)
	res.Unplaced = append(skipped, res.Unplaced...)
	res.Format = fmt.Sprintf("lanes as rows, %d steps", len(res.Journey.Steps))
	return res, nil
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

// readStepRows reads a steps-as-rows sheet.
func (g *grid) readStepRows(head int, opts CSVOptions) (*Read, error) {
	var skipped []Note
	for i := 0; i < head; i++ {
		if g.rows[i] != nil {
			skipped = append(skipped, Note{Cell: Cell{Row: i + 1}, Msg: "a row above the column names; left out"})
		}
	}
	cols := map[int]Field{}
	stageCol := -1
	for j, name := range g.rows[head] {
		name = strings.TrimSpace(name)
		f := laneField(name)
		switch {
		case f == NoField && name == "":
			if !g.columnEmpty(j) {
				return nil, g.errorf(head+1, j+1, "name the column as one of "+knownLanes, "a column with cells but no name")
			}
			continue
		case f == NoField:
			return nil, g.errorf(head+1, j+1, "name it as one of "+knownLanes+", or remove the column", "unknown column %q", name)
		}
		for k, other := range cols {
			if other == f {
				return nil, g.errorf(head+1, j+1, "merge the two columns into one", "a second %s column (the first is column %s)", f, columnName(k+1))
			}
		}
		cols[j] = f
		if f == FieldStage {
			stageCol = j
		}
		if f == FieldEmotion && opts.From == nil {
			opts.From = nameScale(name)
		}
	}
	order := make([]int, 0, len(cols))
	exported := false
	for j, f := range cols {
		order = append(order, j)
		exported = exported || f == FieldStepID
	}
	sort.Ints(order)
	res := &Read{}
	var cells []emotionCell
	stage := ""
	for i := head + 1; i < len(g.rows); i++ {
		r := g.rows[i]
		if r == nil {
			continue
		}
		if s := strings.TrimSpace(r[stageCol]); s != "" {
			stage = s
		}
		if stage == "" {
			return nil, g.errorf(i+1, stageCol+1, "write the stage of this step, or of a step above it", "step without a stage")
		}
		if len(res.Journey.Steps) == MaxSteps {
			return nil, g.errorf(i+1, 0, "split the journey", "more than %d steps", MaxSteps)
		}
		st := Step{Stage: stage, Cell: Cell{Row: i + 1, Col: stageCol + 1}}
		for _, j := range order {
			c := r[j]
			if strings.TrimSpace(c) == "" {
				continue
			}
			switch cols[j] {
			case FieldStage, FieldStepID:
			case FieldEmotion:
				cells = append(cells, emotionCell{step: len(res.Journey.Steps), cell: Cell{Row: i + 1, Col: j + 1}, raw: c})
			default:
				fill(&st, cols[j], c, exported)
			}
		}
		res.Journey.Steps = append(res.Journey.Steps, st)
	}
	if len(res.Journey.Steps) == 0 {
		return nil, g.errorf(head+2, 0, "put each step in a row below the column names", "no steps: the sheet has only its header row")
	}
	res.Mapping, res.Unplaced = mapEmotions(res.Journey.Steps, cells, opts.Scale, opts.From)
	res.Unplaced = append(skipped, res.Unplaced...)
	res.Format = fmt.Sprintf("steps as rows, %d steps", len(res.Journey.Steps))
	return res, nil
}
