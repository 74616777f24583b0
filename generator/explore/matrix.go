package explore

import (
	"cmp"
	"slices"

	"github.com/cxatlas/cxatlas/generator/site"
)

// MaxMatrixRows is the most touchpoints the matrix shows: the busiest, so
// that a portal of thousands of touchpoints keeps a matrix under a
// megabyte; the others are counted and linked from the touchpoint list.
const MaxMatrixRows = 100

// Matrix is the stage x touchpoint matrix: for each touchpoint and stage,
// who meets the touchpoint there, how it feels and what hurts.
type Matrix struct {
	// Stages are the columns, in stage order.
	Stages []*site.Stage
	// Rows are the touchpoints shown, busiest first.
	Rows []MatrixRow
	// Hidden counts the touchpoints with steps left out of Rows; Unused
	// counts those no step uses, which the matrix never shows.
	Hidden, Unused int
}

// MatrixRow is one touchpoint of the matrix.
type MatrixRow struct {
	Touchpoint *site.Touchpoint
	// Cells holds one cell per stage, in stage order.
	Cells []MatrixCell
}

// MatrixCell is one touchpoint in one stage.
type MatrixCell struct {
	// Steps are the steps that use the touchpoint in the stage, in persona
	// order; a cell without steps is empty.
	Steps []*site.Step
	// Personas are those who meet the touchpoint in the stage, in persona
	// order.
	Personas []*site.Persona
	// Emotion aggregates the scores of Steps.
	Emotion site.Stat
	// Pains counts the pain mentions of Steps.
	Pains int
}

// BuildMatrix works out the matrix of s with at most limit rows (limit <= 0
// means MaxMatrixRows). Touchpoints rank by the steps that use them, then
// the pains met there, then the order of s.Touchpoints.
func BuildMatrix(s *site.Site, limit int) Matrix {
	if limit <= 0 {
		limit = MaxMatrixRows
	}
	m := Matrix{Stages: s.Stages}
	ranked := Rank(s.Touchpoints)
	for _, t := range ranked {
		if len(t.Steps) == 0 {
			m.Unused++
		}
	}
	used := ranked[:len(ranked)-m.Unused]
	shown := used[:min(len(used), limit)]
	m.Hidden = len(used) - len(shown)
	for _, t := range shown {
		m.Rows = append(m.Rows, matrixRow(t, len(s.Stages)))
	}
	return m
}

// Rank returns tps ordered busiest first: by the number of steps that use
// them, then the pains met there, then their order in tps.
func Rank(tps []*site.Touchpoint) []*site.Touchpoint {
	out := slices.Clone(tps)
	slices.SortStableFunc(out, func(a, b *site.Touchpoint) int {
		if c := cmp.Compare(len(b.Steps), len(a.Steps)); c != 0 {
			return c
		}
		return cmp.Compare(len(b.Pains), len(a.Pains))
	})
	return out
}

// matrixRow gathers the steps of t into a cell per stage.
func matrixRow(t *site.Touchpoint, nStages int) MatrixRow {
	row := MatrixRow{Touchpoint: t, Cells: make([]MatrixCell, nStages)}
	for _, st := range t.Steps {
		if st.Stage == nil || st.Stage.Index < 0 || st.Stage.Index >= nStages {
			continue
		}
		c := &row.Cells[st.Stage.Index]
		c.Steps = append(c.Steps, st)
		if n := len(c.Personas); n == 0 || c.Personas[n-1] != st.Persona {
			c.Personas = append(c.Personas, st.Persona)
		}
		addScore(&c.Emotion, st)
		c.Pains += len(st.Pains)
	}
	return row
}
